import { describe, expect, it } from "vitest";
import { djangoReader } from "../../../src/frameworks/django/reader.js";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findColumn, findTable } from "../../../src/model/schema.js";
import { filesIn, fixtureContext } from "../fixture-app.js";

const context = fixtureContext("django", "postgres");

describe("Django models", () => {
  it("maps Order in app order to order_order, and db_table, with each field's column", async () => {
    const models = await djangoReader.readModels!(["accounts/models.py", "order/models.py"], context);
    expect(models.map((m) => [m.model, m.table])).toEqual([
      ["Customer", "customers"],
      ["Order", "order_order"],
      ["Tag", "order_tag"],
    ]);
    expect(models[1]!.fields).toMatchObject({ customer: "customer_id", created_at: "created_at", email: "email" });
    expect(models[1]!.fields).not.toHaveProperty("objects");
    expect(models[1]!.fields).not.toHaveProperty("tags");
  });

  it("reads the models as tables that agree with the migrations on every column they both state", async () => {
    const snapshot = (await djangoReader.readSnapshot!(["accounts/models.py", "order/models.py"], context))!;
    const read = await djangoReader.readMigrations([...filesIn("django", "accounts/migrations"), ...filesIn("django", "order/migrations")], context);
    const replayed = replayMigrations(emptySchema("postgres"), read.migrations);
    for (const table of ["customers", "order_order", "order_tag"]) {
      const fromModels = findTable(snapshot.schema, table)!;
      for (const column of fromModels.columns) {
        const migrated = findColumn(findTable(replayed, table)!, column.name)!;
        expect([table, column.name, column.nullable?.value, column.default?.value]).toEqual([table, column.name, migrated.nullable?.value, migrated.default?.value]);
        // The implicit id's type comes from DEFAULT_AUTO_FIELD, a setting the models do not show.
        if (column.name !== "id" && column.name !== "customer_id") expect([table, column.name, column.type?.value]).toEqual([table, column.name, migrated.type?.value]);
      }
      expect(fromModels.indexes.map((i) => i.name).sort()).toEqual(findTable(replayed, table)!.indexes.map((i) => i.name).sort());
    }
    expect(findColumn(findTable(snapshot.schema, "order_order")!, "created_at")!.source).toEqual({ path: "order/models.py", line: 10 });
  });
});
