import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sequelizeReader } from "../../../src/frameworks/sequelize/reader.js";
import { pluralize, underscore } from "../../../src/frameworks/sequelize/naming.js";
import { indexesOn } from "../../../src/model/schema.js";
import { column, facts, FIXTURES, folderContext, globIn, replayed, table } from "../fixture-context.js";

const root = join(FIXTURES, "sequelize-app");
const context = folderContext(root, "postgres");

async function migrations() {
  const read = await sequelizeReader.readMigrations(await globIn(root, "server/migrations/*.js"), context);
  expect(read.unreadable).toEqual([]);
  return read.migrations;
}

describe("sequelize reader: migrations", () => {
  it("reads Sequelize.DATE, allowNull: true as timestamp with time zone, nullable (never text)", async () => {
    const schema = replayed((await migrations()).slice(0, 1), "postgres");
    expect(facts(column(schema, "users", "lastActiveAt"))).toEqual({ type: "timestamp with time zone", nullable: true, default: undefined });
    expect(column(schema, "users", "lastActiveAt").source).toEqual({ path: "server/migrations/20210101000000-create-users.js", line: 27 });
  });

  it("reads allowNull (nullable unless false), bare types, enums as PostgreSQL enum types, references and defaults", async () => {
    const [first] = await migrations();
    expect(first!.up[0]).toMatchObject({ kind: "create_enum", name: "enum_users_role", values: ["admin", "member", "viewer"] });
    const schema = replayed([first!], "postgres");
    expect(facts(column(schema, "users", "name"))).toEqual({ type: "character varying(100)", nullable: true, default: undefined });
    expect(facts(column(schema, "users", "email"))).toEqual({ type: "character varying(255)", nullable: false, default: undefined });
    expect(facts(column(schema, "users", "role"))).toEqual({ type: "enum_users_role", nullable: false, default: { kind: "literal", value: "member" } });
    // Sequelize writes no DEFAULT for Sequelize.NOW (it fills the value in JavaScript): the column has none.
    expect(column(schema, "users", "createdAt").default?.value).toBeNull();
    expect(column(schema, "users", "updatedAt").default?.value).toEqual({ kind: "expression", sql: "CURRENT_TIMESTAMP" });
    expect(table(schema, "users").foreignKeys).toMatchObject([{ columns: ["teamId"], refTable: "teams", refColumns: ["id"], onDelete: "cascade" }]);
    expect(table(schema, "users").indexes.map((i) => i.name)).toEqual(["users_team_id_email"]);
  });

  it("reads expression, partial, GIN and composite indexes, and hands sequelize.query SQL to the SQL reader", async () => {
    const [, second] = await migrations();
    expect(second!.transaction).toBe("none");
    expect(second!.up[0]).toMatchObject({
      kind: "create_index", concurrently: true,
      index: { name: "users_email_lower_unique", unique: true, keys: [{ expression: 'lower("email")', columns: ["email"] }], where: '"deletedAt" IS NULL', whereColumns: ["deletedAt"] },
    });
    expect(second!.up[1]).toMatchObject({ kind: "create_index", index: { method: "gin", keys: [{ column: "name", opclass: "gin_trgm_ops" }] } });
    expect(second!.up[2]).toMatchObject({ kind: "create_index", call: "sequelize.query: CREATE INDEX", concurrently: true, source: { line: 17 }, index: { name: "users_last_active", keys: [{ column: "lastActiveAt" }] } });
    const schema = replayed((await migrations()).slice(0, 2), "postgres");
    const users = table(schema, "users");
    expect(indexesOn(users, "email").map((i) => i.name)).toEqual(["users_team_id_email", "users_email_lower_unique"]);
    expect(indexesOn(users, "deletedAt")).toEqual([]);
  });

  it("replays a later changeColumn, rename and removal inside a transaction the migration opens", async () => {
    const all = await migrations();
    expect(all[2]!.transaction).toBe("wrapped");
    const schema = replayed(all, "postgres");
    expect(facts(column(schema, "users", "name"))).toEqual({ type: "character varying(255)", nullable: false, default: { kind: "literal", value: "" } });
    expect(facts(column(schema, "users", "suspendedAt"))).toEqual({ type: "timestamp with time zone", nullable: true, default: undefined });
    expect(table(schema, "users").columns.map((c) => c.name)).toContain("lastSeenAt");
    expect(table(schema, "users").columns.map((c) => c.name)).not.toContain("role");
    expect(facts(column(schema, "users", "invitedById"))).toEqual({ type: "uuid", nullable: false, default: undefined });
    expect(table(schema, "users").foreignKeys.map((f) => [f.columns[0], f.refTable, f.onDelete])).toContainEqual(["invitedById", "users", "set_null"]);
  });
});

describe("sequelize reader: models", () => {
  it("maps models to tables by Sequelize's rules: tableName, pluralised model names, underscored fields", async () => {
    const paths = await globIn(root, "server/models/*");
    const models = await sequelizeReader.readModels!(paths, context);
    const byModel = Object.fromEntries(models.map((m) => [m.model, m]));
    expect(byModel.team).toMatchObject({ table: "teams", fields: { id: "id", name: "name", avatarUrl: "avatar_url" } });
    expect(byModel.ApiKey).toMatchObject({ table: "api_keys", fields: { secret: "secret", lastUsedAt: "last_used_at", deletedAt: "deleted_at" } });
    expect(byModel.Person).toMatchObject({ table: "People", fields: { displayName: "displayName", id: "id" } });
  });

  it("reads model attributes as the snapshot's columns", async () => {
    const snapshot = await sequelizeReader.readSnapshot!(await globIn(root, "server/models/*"), context);
    const schema = snapshot!.schema;
    expect(facts(column(schema, "teams", "name"))).toEqual({ type: "character varying(255)", nullable: false, default: undefined });
    expect(facts(column(schema, "teams", "avatar_url"))).toEqual({ type: "character varying(255)", nullable: true, default: undefined });
    expect(facts(column(schema, "api_keys", "last_used_at"))).toEqual({ type: "timestamp with time zone", nullable: true, default: undefined });
    expect(table(schema, "api_keys").uniques).toMatchObject([{ columns: ["secret"] }]);
  });

  it("pluralises and underscores as inflection does", () => {
    expect(["User", "Category", "Status", "Person", "Box"].map(pluralize)).toEqual(["Users", "Categories", "Statuses", "People", "Boxes"]);
    expect(underscore("lastActiveAt")).toBe("last_active_at");
  });
});
