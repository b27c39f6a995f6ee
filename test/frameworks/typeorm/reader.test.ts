import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typeormReader } from "../../../src/frameworks/typeorm/reader.js";
import { snakeCase } from "../../../src/frameworks/typeorm/naming.js";
import { column, facts, FIXTURES, folderContext, globIn, replayed, table } from "../fixture-context.js";

const root = join(FIXTURES, "typeorm-app");
const context = folderContext(root, "postgres");

describe("typeorm reader: migrations", () => {
  it("reads the schema builder API (TableColumn NOT NULL unless isNullable) in timestamp order", async () => {
    const { migrations, unreadable } = await typeormReader.readMigrations((await globIn(root, "src/migration/*.ts")).reverse(), context);
    expect(unreadable).toEqual([]);
    expect(migrations.map((m) => m.version)).toEqual(["1650000000000", "1660000000000"]);
    const schema = replayed(migrations.slice(0, 1), "postgres");
    expect(facts(column(schema, "users", "email"))).toEqual({ type: "character varying(320)", nullable: false, default: undefined });
    expect(facts(column(schema, "users", "first_name"))).toEqual({ type: "character varying", nullable: true, default: undefined });
    expect(facts(column(schema, "users", "created_at"))).toEqual({ type: "timestamp without time zone", nullable: false, default: { kind: "expression", sql: "now()" } });
    expect(column(schema, "users", "email").source).toEqual({ path: "src/migration/1650000000000-CreateUsers.ts", line: 12 });
    expect(table(schema, "project").foreignKeys).toMatchObject([{ columns: ["owner_id"], refTable: "users", onDelete: "cascade" }]);
    expect(table(schema, "users").indexes).toMatchObject([{ name: "IDX_users_first_name", where: "first_name IS NOT NULL" }]);
  });

  it("reads transaction = false, queryRunner.query SQL for the SQL reader, and later column changes", async () => {
    const { migrations } = await typeormReader.readMigrations(await globIn(root, "src/migration/*.ts"), context);
    const second = migrations[1]!;
    expect(second.transaction).toBe("none");
    expect(second.optOut?.line).toBe(4);
    expect(migrations[0]!.transaction).toBe("wrapped");
    expect(second.up[0]).toMatchObject({ kind: "create_index", call: "queryRunner.query: CREATE INDEX", concurrently: true, source: { line: 7 }, index: { name: "IDX_users_lower_email", unique: true } });
    const schema = replayed(migrations, "postgres");
    expect(facts(column(schema, "users", "first_name"))).toEqual({ type: "character varying(100)", nullable: true, default: null });
    expect(facts(column(schema, "users", "last_name"))).toEqual({ type: "character varying(100)", nullable: false, default: { kind: "literal", value: "" } });
    expect(table(schema, "users").columns.map((c) => c.name)).toContain("joined_at");
    expect(facts(column(schema, "users", "status"))).toEqual({ type: "users_status_enum", nullable: false, default: { kind: "literal", value: "active" } });
  });
});

describe("typeorm reader: entities", () => {
  const entityPaths = () => globIn(root, "src/entity/*.ts", "src/data-source.ts");

  it("reads entities as tables: @Entity names, NOT NULL unless nullable, snake_case columns from the data source's naming strategy", async () => {
    const schema = (await typeormReader.readSnapshot!(await entityPaths(), context))!.schema;
    expect([...schema.tables.keys()].sort()).toEqual(["project", "users"]);
    expect(facts(column(schema, "users", "email"))).toEqual({ type: "character varying(320)", nullable: false, default: undefined });
    expect(facts(column(schema, "users", "first_name"))).toEqual({ type: "character varying", nullable: true, default: undefined });
    expect(facts(column(schema, "users", "is_admin"))).toEqual({ type: "boolean", nullable: false, default: { kind: "literal", value: false } });
    expect(facts(column(schema, "users", "login_count"))).toEqual({ type: "integer", nullable: false, default: { kind: "expression", sql: "0" } });
    expect(facts(column(schema, "users", "created_at"))).toEqual({ type: "timestamp without time zone", nullable: false, default: { kind: "expression", sql: "now()" } });
    expect(table(schema, "users").columns.map((c) => c.name)).not.toContain("legacy_name");
    expect(facts(column(schema, "users", "role"))).toEqual({ type: "users_role_enum", nullable: false, default: { kind: "literal", value: "member" } });
    expect(table(schema, "users").indexes.map((i) => i.keys.map((k) => k.column))).toEqual([["login_count"], ["last_name", "first_name"]]);
  });

  it("reads @ManyToOne + @JoinColumn as the foreign key column, typed by the referenced key", async () => {
    const schema = (await typeormReader.readSnapshot!(await entityPaths(), context))!.schema;
    expect(facts(column(schema, "project", "owner_id"))).toEqual({ type: "integer", nullable: false, default: undefined });
    expect(facts(column(schema, "project", "reviewer_id"))).toEqual({ type: "integer", nullable: true, default: undefined });
    expect(facts(column(schema, "project", "archived_at")).nullable).toBe(true);
    expect(table(schema, "project").foreignKeys).toMatchObject([{ columns: ["owner_id"], refTable: "users", refColumns: ["id"], onDelete: "cascade" }, { columns: ["reviewer_id"] }]);
    expect(table(schema, "project").uniques).toMatchObject([{ name: "project_owner_slug", columns: ["owner_id", "slug"] }]);
  });

  it("maps entities and their properties to tables and columns", async () => {
    const models = await typeormReader.readModels!(await entityPaths(), context);
    expect(models.find((m) => m.model === "User")).toMatchObject({ table: "users", fields: { firstName: "first_name", logins: "login_count" } });
  });

  it("names a class's table in snake_case", () => {
    expect(["UserProfile", "APIKey", "Project"].map(snakeCase)).toEqual(["user_profile", "api_key", "project"]);
  });
});
