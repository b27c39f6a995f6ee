import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { liquibaseReader } from "../../../src/frameworks/liquibase/reader.js";
import type { SqlDialect } from "../../../src/model/schema.js";
import { column, facts, FIXTURES, folderContext, globIn, replayed, table } from "../fixture-context.js";

const root = join(FIXTURES, "liquibase-app");

async function read(dialect: SqlDialect | null) {
  const paths = await globIn(root, "src/main/resources/db/changelog/**/*.{xml,yaml}");
  return liquibaseReader.readMigrations(paths, folderContext(root, dialect));
}

describe("liquibase reader", () => {
  it("follows include and includeAll from the master changelog, XML and YAML, in changelog order", async () => {
    const { migrations, unreadable } = await read("postgres");
    expect(unreadable).toEqual([]);
    expect(migrations.map((m) => m.version)).toEqual(["001::jane", "002::jane", "004::sam", "010::ops", "020::ops"]);
    expect(migrations[0]!.path).toBe("src/main/resources/db/changelog/changes/001-create-users.xml");
  });

  it("reads createTable columns: nullable unless constraints say not, defaults, types for the database, inline foreign keys", async () => {
    const schema = replayed((await read("postgres")).migrations.slice(0, 1), "postgres");
    expect(facts(column(schema, "users", "id"))).toMatchObject({ type: "bigint", nullable: false });
    expect(facts(column(schema, "users", "active"))).toEqual({ type: "boolean", nullable: false, default: { kind: "literal", value: true } });
    expect(facts(column(schema, "users", "created_at"))).toEqual({ type: "timestamp without time zone", nullable: true, default: { kind: "expression", sql: "CURRENT_TIMESTAMP" } });
    expect(column(schema, "users", "email").source).toEqual({ path: "src/main/resources/db/changelog/changes/001-create-users.xml", line: 16 });
    expect(table(schema, "users").columns.map((c) => c.name)).not.toContain("legacy");
    expect(table(schema, "users").foreignKeys).toMatchObject([{ columns: ["team_id"], refTable: "teams", refColumns: ["id"], onDelete: "cascade" }]);
    const mysql = replayed((await read("mysql")).migrations.slice(0, 1), "mysql");
    expect(facts(column(mysql, "users", "active")).type).toBe("bit(1)");
  });

  it("keeps preconditions and dbms as conditions, skips a changeSet for another database, and reads runInTransaction and rollback", async () => {
    const { migrations } = await read("postgres");
    expect(migrations[0]!.conditions).toEqual(["precondition: preConditions(onFail=MARK_RAN) [not [tableExists(tableName=users)]]"]);
    expect(migrations[1]).toMatchObject({ transaction: "none", optOut: { line: 30 }, conditions: ["dbms: postgresql"] });
    expect(migrations[1]!.up[0]).toMatchObject({ kind: "create_index", call: "sql: CREATE INDEX", concurrently: true, source: { line: 31 } });
    expect(migrations[1]!.down?.[0]).toMatchObject({ kind: "drop_index", name: "users_lower_email", concurrently: true, call: "rollback: DROP" });
    expect(migrations[0]!.transaction).toBe("wrapped");
    const mysql = await read("mysql");
    expect(mysql.migrations.map((m) => m.version)).toEqual(["001::jane", "003::jane", "004::sam", "010::ops", "020::ops"]);
  });

  it("replays later changes: a dropped NOT NULL, a rename, a type change, a descending composite index; sqlFile to the SQL reader", async () => {
    const { migrations } = await read("postgres");
    const schema = replayed(migrations.slice(0, 4), "postgres");
    expect(column(schema, "users", "email").nullable).toEqual({ value: true, source: { path: "src/main/resources/db/changelog/changes/002-users-email.yaml", line: 12 } });
    expect(facts(column(schema, "users", "display_name"))).toEqual({ type: "character varying(200)", nullable: true, default: null });
    expect(table(schema, "users").columns.map((c) => c.name)).toContain("is_active");
    expect(table(schema, "users").indexes).toMatchObject([
      { name: "users_lower_email", unique: true, keys: [{ expression: "lower(email)", columns: ["email"] }] },
      { name: "idx_users_team_created", keys: [{ column: "team_id" }, { column: "created_at", descending: true }] },
    ]);
    expect(migrations[2]!.down).toMatchObject([{ kind: "drop_index", name: "idx_users_team_created" }]);
    expect(migrations[3]!.up[0]).toMatchObject({ kind: "create_table", table: "audit_log", call: "sqlFile: CREATE TABLE", source: { path: "src/main/resources/db/changelog/sql/audit.sql", line: 1 } });
  });

  it("reads constraint, default, rename and drop changes in YAML", async () => {
    const { migrations } = await read("postgres");
    const schema = replayed(migrations, "postgres");
    const orders = table(schema, "purchase_orders");
    expect(orders.primaryKey).toMatchObject({ name: "pk_orders", columns: ["id"] });
    expect(orders.foreignKeys).toMatchObject([{ name: "fk_orders_user", columns: ["user_id"], refTable: "users", refColumns: ["id"], onDelete: "set_null" }]);
    expect(orders.uniques).toMatchObject([{ name: "uk_orders_user_state", columns: ["user_id", "state"] }]);
    expect(facts(column(schema, "purchase_orders", "state"))).toEqual({ type: "character varying(20)", nullable: false, default: { kind: "literal", value: "new" } });
    expect(table(schema, "users").indexes.map((i) => i.name)).toEqual(["users_lower_email"]);
    expect(migrations[4]!.up.at(-1)).toMatchObject({ kind: "drop_table", table: "audit_log" });
    expect(schema.tables.has("audit_log")).toBe(false);
  });
});
