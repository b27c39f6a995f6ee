import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodePgMigrateReader } from "../../../src/frameworks/node-pg-migrate/reader.js";
import { column, facts, FIXTURES, folderContext, globIn, replayed, table } from "../fixture-context.js";

const root = join(FIXTURES, "node-pg-migrate-app");

async function read() {
  const result = await nodePgMigrateReader.readMigrations(await globIn(root, "migrations/*.js"), folderContext(root, "postgres"));
  expect(result.unreadable).toEqual([]);
  return result.migrations;
}

describe("node-pg-migrate reader", () => {
  it("reads column definitions (nullable unless notNull, the id shorthand, references, pgm.func defaults)", async () => {
    const schema = replayed((await read()).slice(0, 1), "postgres");
    expect(facts(column(schema, "accounts", "id"))).toMatchObject({ type: "serial", nullable: false });
    expect(facts(column(schema, "accounts", "email"))).toEqual({ type: "character varying(320)", nullable: false, default: undefined });
    expect(facts(column(schema, "accounts", "nickname"))).toEqual({ type: "text", nullable: true, default: undefined });
    expect(facts(column(schema, "accounts", "created_at"))).toEqual({ type: "timestamp with time zone", nullable: false, default: { kind: "expression", sql: "current_timestamp" } });
    expect(column(schema, "accounts", "created_at").source).toEqual({ path: "migrations/1700000000000_create-accounts.js", line: 14 });
    expect(table(schema, "accounts").foreignKeys).toMatchObject([{ columns: ["org_id"], refTable: "orgs", onDelete: "cascade" }]);
    expect(table(schema, "accounts").indexes.map((i) => i.name)).toEqual(["accounts_org_email"]);
    expect(table(schema, "account_members").primaryKey?.columns).toEqual(["account_id", "user_id"]);
    expect(table(schema, "account_members").foreignKeys).toMatchObject([{ columns: ["account_id"], refTable: "accounts", onDelete: "cascade" }]);
  });

  it("reads pgm.noTransaction(), pgm.sql for the SQL reader, a partial GIN index with its opclass, and a later nullability change", async () => {
    const migrations = await read();
    expect(migrations[0]!.transaction).toBe("wrapped");
    expect(migrations[1]).toMatchObject({ transaction: "none", optOut: { line: 2 } });
    expect(migrations[1]!.up[0]).toMatchObject({ kind: "create_index", call: "pgm.sql: CREATE INDEX", concurrently: true, source: { line: 3 }, index: { unique: true, keys: [{ expression: "lower(email)" }] } });
    expect(migrations[1]!.up[1]).toMatchObject({
      kind: "create_index", concurrently: true,
      index: { method: "gin", where: "deleted_at IS NULL", keys: [{ column: "nickname", opclass: "gin_trgm_ops" }] },
    });
    const schema = replayed(migrations, "postgres");
    expect(column(schema, "accounts", "email").nullable?.value).toBe(true);
    expect(facts(column(schema, "accounts", "deleted_at")).type).toBe("timestamp without time zone");
  });
});
