import { describe, expect, it } from "vitest";
import { alembicReader } from "../../../src/frameworks/alembic/reader.js";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findColumn, findTable } from "../../../src/model/schema.js";
import { filesIn, fixtureContext } from "../fixture-app.js";

const context = fixtureContext("alembic", "postgres");
const models = ["app/models/account.py", "app/models/base.py"];

describe("SQLAlchemy models", () => {
  it("maps each class with __tablename__ to its table, with its columns and its mixins'", async () => {
    const mappings = await alembicReader.readModels!(models, context);
    expect(mappings.map((m) => [m.model, m.table, Object.keys(m.fields).sort()])).toEqual([
      ["User", "users", ["bio", "created_at", "display_name", "email", "id"]],
      ["Note", "notes", ["archived_at", "author_id", "body", "created_at", "id", "slug", "title"]],
    ]);
  });

  it("types Mapped[...] columns from their annotation, NULL exactly when Optional, and agrees with the migrations", async () => {
    const snapshot = (await alembicReader.readSnapshot!(models, context))!.schema;
    const read = await alembicReader.readMigrations(filesIn("alembic", "migrations/versions"), context);
    const replayed = replayMigrations(emptySchema("postgres"), read.migrations);
    for (const table of ["users", "notes"]) {
      for (const column of findTable(snapshot, table)!.columns) {
        const migrated = findColumn(findTable(replayed, table)!, column.name)!;
        expect([table, column.name, column.type?.value, column.nullable?.value]).toEqual([table, column.name, migrated.type?.value, migrated.nullable?.value]);
      }
    }
    expect(findColumn(findTable(snapshot, "users")!, "display_name")!.nullable?.value).toBe(true);
    expect(findTable(snapshot, "users")!.indexes).toEqual([expect.objectContaining({ name: "ix_users_lower_email", unique: true, keys: [{ expression: "lower(email)", columns: ["email"] }] })]);
  });
});
