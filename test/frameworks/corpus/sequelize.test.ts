import { beforeAll, describe, expect, it } from "vitest";
import type { MigrationsRead } from "../../../src/frameworks/reader.js";
import { sequelizeReader } from "../../../src/frameworks/sequelize/reader.js";
import { indexesOn, type Schema } from "../../../src/model/schema.js";
import { checkColumn, corpusApp, lit, tableOf, type ColumnFact } from "../corpus-app.js";
import { folderContext, globIn, replayed } from "../fixture-context.js";

const tz = "timestamp with time zone";
const varchar = "character varying(255)";

const outline = corpusApp("outline");
describe.skipIf(!outline)("corpus: outline (Sequelize migrations on PostgreSQL)", () => {
  let read: MigrationsRead;
  let schema: Schema;
  beforeAll(async () => {
    read = await sequelizeReader.readMigrations(await globIn(outline!, "server/migrations/*.js"), folderContext(outline!, "postgres"));
    schema = replayed(read.migrations, "postgres");
  });

  // Hand-read in server/migrations/*.js at the pinned commit (each column's last createTable/addColumn/changeColumn).
  const facts: ColumnFact[] = [
    ["users", "id", "uuid", false],
    // changeColumn in 20191121035144-guest-invite.js: STRING, allowNull: true, defaultValue: null.
    ["users", "email", varchar, true, lit(null)],
    // The initial migration wrote the type as a string: "CHARACTER VARYING".
    ["users", "name", "character varying", false],
    // Sequelize.DATE, allowNull: true (20180604182823-user-tracking.js): never text.
    ["users", "lastActiveAt", tz, true],
    ["users", "lastActiveIp", varchar, true],
    ["teams", "name", varchar, false, null],
    ["teams", "defaultUserRole", varchar, false, lit("member")],
    ["teams", "guestSignin", "boolean", false, lit(false)],
    ["documents", "isWelcome", "boolean", false, lit(false)],
    ["documents", "archivedAt", tz, true],
    ["documents", "popularityScore", "double precision", false, lit(0)],
    ["collections", "templateManagement", varchar, false, lit("admin")],
    ["shares", "published", "boolean", false, lit(false)],
    ["shares", "views", "integer", true, lit(0)],
    ["revisions", "name", varchar, true],
    ["revisions", "collaboratorIds", "uuid[]", false],
    ["attachments", "key", "character varying(4096)", false, null],
    ["attachments", "expiresAt", tz, true],
    ["events", "ip", varchar, true],
    ["groups", "name", varchar, false],
    ["groups", "teamId", "uuid", false],
    ["stars", "index", varchar, true],
    // changeColumn to allowNull: true, then a changeColumn with only references (which leaves NULL as it is).
    ["stars", "documentId", "uuid", true],
    ["stars", "collectionId", "uuid", true],
    ["notifications", "teamId", "uuid", false],
  ];
  it.each(facts)("%s.%s", (...fact) => checkColumn(schema, fact as ColumnFact));

  it("reads every migration file; the SQL no parser reads is listed (Sequelize's :name replacements)", () => {
    expect(read.unreadable).toHaveLength(6);
    expect(read.unreadable.every((u) => u.message === 'PostgreSQL\'s parser refused this statement: syntax error at or near ":"')).toBe(true);
    expect(read.migrations).toHaveLength(301);
  });

  it("reads addIndex with Sequelize's index names and concurrently, and removeIndex by name and by fields", () => {
    // Added concurrently on 2025-11-25, removed by name in 20251217161051-remove-unused-indexes.js.
    expect(indexesOn(tableOf(schema, "documents"), "popularityScore")).toEqual([]);
    expect(indexesOn(tableOf(schema, "attachments"), "key").map((i) => i.name)).not.toContain("attachments_key");
    expect(indexesOn(tableOf(schema, "events"), "name").map((i) => i.name)).toEqual(["events_name"]);
    const migration = read.migrations.find((m) => m.path.endsWith("20251125012930-add-popularity-score-index.js"))!;
    expect(migration.up[0]).toMatchObject({ kind: "create_index", concurrently: true });
  });

  it("reads the stars foreign keys changeColumn adds", () => {
    expect(tableOf(schema, "stars").foreignKeys.map((f) => [f.columns[0], f.refTable, f.onDelete])).toContainEqual(["collectionId", "collections", "cascade"]);
  });

  it("notes the calls that run only outside Outline's hosted deployment", () => {
    const roles = read.migrations.find((m) => m.path.endsWith("20240327015248-add-user-role.js"))!;
    expect(roles.conditions?.[0]).toBe('server/migrations/20240327015248-add-user-role.js:14 runs only if !(process.env.DEPLOYMENT === "hosted")');
    expect(read.migrations.filter((m) => m.conditions).length).toBe(6);
  });

  // 20240327235446-role-non-nullable.js sets NOT NULL in SQL, which the SQL reader types.
  it("users.role is NOT NULL after the raw ALTER TABLE", () => {
    checkColumn(schema, ["users", "role", "enum_users_role", false]);
  });
});
