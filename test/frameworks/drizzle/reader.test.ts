import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drizzleReader } from "../../../src/frameworks/drizzle/reader.js";
import { indexesOn } from "../../../src/model/schema.js";
import { column, facts, FIXTURES, folderContext, globIn, table } from "../fixture-context.js";

const pg = join(FIXTURES, "drizzle-app");
const sqlite = join(FIXTURES, "drizzle-sqlite-app");

describe("drizzle reader: schema files", () => {
  const read = async () => (await drizzleReader.readSnapshot!(await globIn(pg, "src/db/schema/*.ts"), folderContext(pg, null)))!;

  it("names columns by the builder's SQL name, never the TypeScript property", async () => {
    const { schema, unreadable } = await read();
    expect(unreadable).toEqual([]);
    expect(table(schema, "users").columns.map((c) => c.name)).toEqual(["id", "workspace_id", "email", "display_name", "role", "is_active", "created_at", "deleted_at"]);
    expect(column(schema, "users", "email").codeNames).toEqual(["emailAddress"]);
    expect(facts(column(schema, "users", "email"))).toEqual({ type: "character varying(320)", nullable: false, default: null });
    expect(facts(column(schema, "users", "role"))).toEqual({ type: "user_role", nullable: false, default: { kind: "literal", value: "member" } });
    expect(facts(column(schema, "users", "created_at"))).toEqual({ type: "timestamp with time zone", nullable: false, default: { kind: "expression", sql: "now()" } });
    expect(facts(column(schema, "users", "deleted_at"))).toEqual({ type: "timestamp without time zone", nullable: true, default: null });
    expect(table(schema, "posts").columns.map((c) => c.name)).toEqual(["id", "author_id", "body"]);
    expect(table(schema, "posts").foreignKeys).toMatchObject([{ name: "posts_author_id_users_id_fk", columns: ["author_id"], refTable: "users", refColumns: ["id"], onDelete: "cascade" }]);
  });

  it("reads the lower(email) unique index, a GIN trigram index over two columns and a partial composite index", async () => {
    const users = table((await read()).schema, "users");
    expect(users.indexes).toMatchObject([
      { name: "users_email_lower_idx", unique: true, keys: [{ expression: 'lower("email")', columns: ["email"] }] },
      { name: "users_search_idx", method: "gin", keys: [{ column: "display_name", opclass: "gin_trgm_ops" }, { column: "email", opclass: "gin_trgm_ops" }] },
      { name: "users_active_email_idx", unique: true, where: '"deleted_at" IS NULL', whereColumns: ["deleted_at"], keys: [{ column: "workspace_id" }, { column: "email" }] },
    ]);
    expect(indexesOn(users, "email").length).toBe(3);
    expect(indexesOn(users, "deleted_at")).toEqual([]);
  });

  it("reads an SQLite schema: columns from the table's SQL names, unique indexes, composite primary keys", async () => {
    const { schema } = (await drizzleReader.readSnapshot!(["src/schema/workspace.ts"], folderContext(sqlite, null)))!;
    expect(schema.dialect).toBe("sqlite");
    expect(table(schema, "workspace").columns.map((c) => c.name)).toEqual(["id", "slug", "stripe_id", "sso_enabled", "created_at"]);
    expect(facts(column(schema, "workspace", "stripe_id"))).toEqual({ type: "text(256)", nullable: true, default: null });
    expect(facts(column(schema, "workspace", "created_at")).default).toEqual({ kind: "expression", sql: "(strftime('%s', 'now'))" });
    expect(table(schema, "workspace").indexes.map((i) => i.name)).toEqual(["workspace_slug_unique", "workspace_stripe_id_unique", "workspace_id_slug_unique"]);
    expect(table(schema, "workspace_member").primaryKey?.columns).toEqual(["workspace_id", "user_id"]);
  });
});

describe("drizzle reader: MySQL", () => {
  it("reads mysqlTable builders as MySQL types", async () => {
    const root = join(FIXTURES, "drizzle-mysql-app");
    const { schema } = (await drizzleReader.readSnapshot!(["src/db/schema.ts"], folderContext(root, null)))!;
    expect(schema.dialect).toBe("mysql");
    expect(facts(column(schema, "accounts", "email"))).toEqual({ type: "varchar(191)", nullable: false, default: null });
    expect(facts(column(schema, "accounts", "plan"))).toEqual({ type: "enum('free','pro')", nullable: false, default: { kind: "literal", value: "free" } });
    expect(facts(column(schema, "accounts", "verified"))).toEqual({ type: "boolean", nullable: true, default: { kind: "literal", value: false } });
    expect(facts(column(schema, "accounts", "created_at"))).toEqual({ type: "datetime(3)", nullable: true, default: { kind: "expression", sql: "CURRENT_TIMESTAMP(3)" } });
    expect(table(schema, "accounts").indexes.map((i) => i.name)).toEqual(["accounts_email_idx"]);
  });
});

describe("drizzle reader: snapshot JSON", () => {
  it("takes the newest snapshot as the current schema, each fact with its line, and reports where the schema code says otherwise", async () => {
    const paths = [...(await globIn(pg, "drizzle/meta/*_snapshot.json")), ...(await globIn(pg, "src/db/schema/*.ts"))];
    const { schema } = (await drizzleReader.readSnapshot!(paths, folderContext(pg, null)))!;
    expect(facts(column(schema, "users", "email"))).toEqual({ type: "character varying(320)", nullable: false, default: null });
    expect(column(schema, "users", "email").source).toEqual({ path: "drizzle/meta/0001_snapshot.json", line: 13 });
    expect(facts(column(schema, "users", "role")).default).toEqual({ kind: "literal", value: "member" });
    expect(table(schema, "users").indexes[0]).toMatchObject({ name: "users_email_lower_idx", unique: true, method: "btree", keys: [{ expression: 'lower("email")' }] });
    expect(schema.disagreements.map((d) => `${d.table}.${d.column ?? ""}: ${d.what}`).sort()).toEqual([
      "posts.: the schema code declares this table; the snapshot has none",
      "users.display_name: nullable: false in the snapshot, true in the schema code",
    ]);
  });
});
