import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { knexReader } from "../../../src/frameworks/knex/reader.js";
import { indexesOn } from "../../../src/model/schema.js";
import { column, facts, FIXTURES, folderContext, globIn, replayed, table } from "../fixture-context.js";

const root = join(FIXTURES, "knex-app");

async function read() {
  const paths = await globIn(root, "migrations/*.js");
  return knexReader.readMigrations(paths, folderContext(root, "postgres"));
}

describe("knex reader", () => {
  it("reads builder chains over several lines, with knex's nullability (nullable unless notNullable)", async () => {
    const { migrations, unreadable } = await read();
    expect(unreadable).toEqual([]);
    const schema = replayed(migrations.slice(0, 1), "postgres");
    expect(facts(column(schema, "users", "id"))).toMatchObject({ type: "serial", nullable: false });
    expect(facts(column(schema, "users", "email"))).toEqual({ type: "character varying(255)", nullable: false, default: undefined });
    expect(facts(column(schema, "users", "display_name"))).toEqual({ type: "character varying(255)", nullable: true, default: undefined });
    expect(facts(column(schema, "users", "is_admin"))).toEqual({ type: "boolean", nullable: false, default: { kind: "literal", value: false } });
    expect(facts(column(schema, "users", "settings")).default).toEqual({ kind: "expression", sql: "'{}'::jsonb" });
    expect(facts(column(schema, "users", "created_at"))).toEqual({ type: "timestamp with time zone", nullable: false, default: { kind: "expression", sql: "CURRENT_TIMESTAMP" } });
    expect(column(schema, "users", "email").source).toEqual({ path: "migrations/20230101000000_init.js", line: 11, endLine: 14 });
    const users = table(schema, "users");
    expect(users.uniques).toMatchObject([{ name: "users_email_unique", columns: ["email"] }]);
    expect(users.foreignKeys).toMatchObject([{ name: "users_account_id_foreign", columns: ["account_id"], refTable: "accounts", refColumns: ["id"], onDelete: "cascade" }]);
    expect(users.checks[0]?.expression).toBe("role IN ('member', 'owner')");
    expect(indexesOn(users, "email").map((i) => i.name)).toEqual(["users_account_email_idx"]);
  });

  it("does not read a comment that mentions a column call as a column", async () => {
    const schema = replayed((await read()).migrations.slice(0, 1), "postgres");
    expect(table(schema, "users").columns.map((c) => c.name)).not.toContain("legacy_name");
  });

  it("follows a helper the migration hands the knex object to, into the module that defines it", async () => {
    const schema = replayed((await read()).migrations.slice(0, 1), "postgres");
    expect(facts(column(schema, "accounts", "name"))).toEqual({ type: "character varying(120)", nullable: false, default: undefined });
    expect(column(schema, "accounts", "name").source.path).toBe("src/db/tables.js");
  });

  it("reads the transaction opt-out, raw SQL for the SQL reader, and a partial GIN index from index options", async () => {
    const { migrations } = await read();
    const second = migrations[1]!;
    expect(second.transaction).toBe("none");
    expect(second.optOut).toEqual({ path: "migrations/20230215093000_users_lower_email.js", line: 1 });
    // The SQL reader types the raw SQL: the unique lower(email) index, from the statement's own line.
    expect(second.up[0]).toMatchObject({
      kind: "create_index", call: "knex.raw: CREATE INDEX", concurrently: true, source: { line: 5 },
      index: { name: "users_lower_email_idx", unique: true, keys: [{ expression: "lower(email)", columns: ["email"] }] },
    });
    expect(second.up[1]).toMatchObject({
      kind: "create_index",
      index: { name: "users_active_display_name_idx", method: "gin", where: "deleted_at IS NULL", keys: [{ column: "display_name" }] },
    });
    expect(migrations[0]!.transaction).toBe("wrapped");
  });

  it("replays renames, .alter() and a later setNullable in order", async () => {
    const schema = replayed((await read()).migrations.slice(0, 3), "postgres");
    const users = table(schema, "users");
    expect(users.columns.map((c) => c.name)).toEqual(["id", "email", "full_name", "account_id", "role", "settings", "deleted_at", "created_at", "updated_at", "bio"]);
    expect(facts(column(schema, "users", "email"))).toEqual({ type: "character varying(320)", nullable: false, default: null });
    expect(column(schema, "users", "role").nullable).toEqual({ value: true, source: { path: "migrations/20230301120000_profile_changes.js", line: 8, endLine: 8 } });
    expect(users.indexes.find((i) => i.name === "users_active_display_name_idx")?.keys[0]?.column).toBe("full_name");
    expect(users.foreignKeys[0]?.refTable).toBe("organisations");
  });

  it("reads the down migration", async () => {
    const { migrations } = await read();
    expect(migrations[0]!.down?.map((op) => op.kind)).toEqual(["drop_table", "drop_table"]);
  });

  it("notes the run-time conditions a call runs under, and reads a knex.raw inside a data query as no statement", async () => {
    const { migrations } = await read();
    const guarded = migrations[3]!;
    expect(guarded.conditions).toEqual([
      "migrations/20230401080000_users_locale.js:5 runs only if !(hasLocale)",
      'migrations/20230401080000_users_locale.js:11 runs only if !(hasLocale) && (knex.client.config.client === "pg")',
    ]);
    expect(guarded.up.map((op) => op.call)).toEqual(["knex.schema.alterTable", "knex.raw: CREATE INDEX"]);
    expect(migrations[0]!.conditions).toBeUndefined();
  });
});
