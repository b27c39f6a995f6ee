import { describe, expect, it } from "vitest";
import { railsReader } from "../../../src/frameworks/rails/reader.js";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findColumn, findTable } from "../../../src/model/schema.js";
import { filesIn, fixtureContext, inlineContext } from "../fixture-app.js";

const context = fixtureContext("rails", "postgres");

describe("Rails db/schema.rb", () => {
  it("reads the snapshot with the defaults of the version it names", async () => {
    const snapshot = (await railsReader.readSnapshot!(["db/schema.rb"], context))!;
    expect(snapshot.unreadable).toEqual([]);
    const users = findTable(snapshot.schema, "users")!;
    expect(findColumn(users, "created_at")!.type).toEqual({ value: "timestamp(6) without time zone", source: { path: "db/schema.rb", line: 54 } });
    expect(findColumn(findTable(snapshot.schema, "accounts")!, "trial_ends_at")!.type?.value).toBe("timestamp without time zone");
    expect(users.indexes.find((i) => i.name === "index_users_on_lower_email")).toMatchObject({ unique: true, keys: [{ expression: "lower((email)::text)", columns: ["email"] }] });
    const orders = findTable(snapshot.schema, "orders")!;
    expect(orders.foreignKeys).toEqual([expect.objectContaining({ name: "fk_rails_f868b47f6a", columns: ["user_id"], refTable: "users", onDelete: "set_null", validated: true })]);
    expect(orders.checks).toEqual([expect.objectContaining({ name: "orders_quantity_positive", expression: "quantity > 0" })]);
  });

  it("agrees with the replayed migrations on every column's type, nullability and default, and on the indexes' columns", async () => {
    const snapshot = (await railsReader.readSnapshot!(["db/schema.rb"], context))!.schema;
    const read = await railsReader.readMigrations(filesIn("rails", "db/migrate"), context);
    const replayed = replayMigrations(emptySchema("postgres"), read.migrations);
    const facts = (schema: typeof snapshot) =>
      [...schema.tables.values()].map((t) => ({
        table: t.name,
        columns: t.columns.map((c) => [c.name, c.type?.value, c.nullable?.value, c.default?.value]).sort(),
        indexes: t.indexes.map((i) => [i.name, i.unique, i.method, i.keys.map((k) => k.columns)]).sort(),
        foreignKeys: t.foreignKeys.map((f) => [f.name, f.columns, f.refTable, f.onDelete]).sort(),
      }));
    expect(facts(replayed).sort((a, b) => a.table.localeCompare(b.table))).toEqual(facts(snapshot).sort((a, b) => a.table.localeCompare(b.table)));
  });

  it("reads an unversioned schema as dumped before Rails 7: no default datetime precision", async () => {
    const text = `ActiveRecord::Schema.define(version: 2019_01_01_000000) do
  create_table "posts", id: :serial, force: :cascade do |t|
    t.datetime "published_at"
    t.datetime "created_at", precision: 6, null: false
  end
end`;
    const snapshot = (await railsReader.readSnapshot!(["db/schema.rb"], inlineContext({ "db/schema.rb": text }, "postgres")))!;
    const posts = findTable(snapshot.schema, "posts")!;
    expect(posts.columns.map((c) => [c.name, c.type?.value])).toEqual([
      ["id", "integer"],
      ["published_at", "timestamp without time zone"],
      ["created_at", "timestamp(6) without time zone"],
    ]);
  });

  it("reports a schema.rb without a define block", async () => {
    const snapshot = (await railsReader.readSnapshot!(["db/schema.rb"], inlineContext({ "db/schema.rb": "# empty\n" }, "postgres")))!;
    expect(snapshot.unreadable).toEqual([{ path: "db/schema.rb", message: "no ActiveRecord::Schema.define block" }]);
  });
});
