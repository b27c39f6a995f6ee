import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { dbmateReader } from "../../src/frameworks/dbmate/reader.js";
import { readDrizzleMigrations } from "../../src/frameworks/drizzle/sql-migrations.js";
import { flywayReader } from "../../src/frameworks/flyway/reader.js";
import { golangMigrateReader } from "../../src/frameworks/golang-migrate/reader.js";
import { gooseReader } from "../../src/frameworks/goose/reader.js";
import { readPrismaMigrations } from "../../src/frameworks/prisma/sql-migrations.js";
import type { ReadContext } from "../../src/frameworks/reader.js";
import { replayMigrations } from "../../src/model/replay.js";
import { emptySchema, findColumn, findTable, indexesOn, type SqlDialect } from "../../src/model/schema.js";

const APPS = join(import.meta.dirname, "../fixtures/apps");

function app(name: string, dialect: SqlDialect): ReadContext & { files(pattern: string): Promise<string[]> } {
  const root = join(APPS, name);
  return {
    dialect,
    readText: (path) => readFile(join(root, path), "utf8"),
    files: async (pattern) => (await fg(pattern, { cwd: root })).sort(),
  };
}

describe("SQL-file migration readers on the fixture apps", () => {
  it("golang-migrate: each .up.sql with its .down.sql, versions from the file names, PostgreSQL's implicit transaction", async () => {
    const ctx = app("golang-migrate", "postgres");
    const { migrations, unreadable } = await golangMigrateReader.readMigrations(await ctx.files("db/migrations/*.up.sql"), ctx);
    expect(unreadable).toEqual([]);
    expect(migrations.map((m) => [m.version, m.transaction, m.up.map((o) => o.kind), m.down?.map((o) => o.kind)])).toEqual([
      ["000001", "wrapped", ["create_table"], ["drop_table"]],
      ["000002", "wrapped", ["create_index"], ["drop_index"]],
      ["000003", "wrapped", ["create_table"], ["drop_table"]],
    ]);
    const users = findTable(replayMigrations(emptySchema("postgres"), migrations), "users")!;
    expect(indexesOn(users, "email").map((i) => [i.name, i.unique])).toEqual([["users_email_key", true]]);
    expect(migrations[1]!.up[0]!.source).toEqual({ path: "db/migrations/000002_add_unique_index_on_users_email.up.sql", line: 1 });
  });

  it("goose: Up and Down sections, StatementBegin/End, each statement citing its own line of the file", async () => {
    const ctx = app("goose", "mysql");
    const { migrations, unreadable } = await gooseReader.readMigrations(await ctx.files("migrations/*.sql"), ctx);
    expect(unreadable).toEqual([]);
    expect(migrations.map((m) => [m.version, m.transaction, m.up.map((o) => o.kind), m.down?.map((o) => o.kind)])).toEqual([
      ["20240112103000", "wrapped", ["create_table"], ["drop_table"]],
      ["20240220081500", "wrapped", ["create_index"], ["drop_index"]],
      ["20240327170000", "wrapped", expect.any(Array), expect.any(Array)],
    ]);
    expect(migrations[0]!.up[0]!.source.line).toBe(3);
    expect(migrations[0]!.down![0]!.source.line).toBe(13);
    const users = findTable(replayMigrations(emptySchema("mysql"), migrations), "users")!;
    expect(findColumn(users, "display_name")!.default?.value).toEqual({ kind: "literal", value: "" });
  });

  it("goose: NO TRANSACTION makes the migration run outside one, citing the annotation", async () => {
    const ctx: ReadContext = { dialect: "postgres", readText: async () => "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY a ON t (b);\n" };
    const { migrations } = await gooseReader.readMigrations(["migrations/00005_idx.sql"], ctx);
    expect(migrations[0]).toMatchObject({ transaction: "none", optOut: { path: "migrations/00005_idx.sql", line: 1 }, down: null });
    expect(migrations[0]!.up[0]).toMatchObject({ kind: "create_index", concurrently: true, source: { line: 3 } });
  });

  it("dbmate: migrate:up transaction:false runs outside a transaction; the down section is the way back", async () => {
    const ctx = app("dbmate", "postgres");
    const { migrations } = await dbmateReader.readMigrations(await ctx.files("db/migrations/*.sql"), ctx);
    const index = migrations.find((m) => m.version === "20240214100000")!;
    expect(index).toMatchObject({ transaction: "none", optOut: { line: 1 } });
    expect(index.up.map((o) => [o.kind, o.source.line])).toEqual([["create_index", 2]]);
    expect(index.down!.map((o) => [o.kind, o.source.line])).toEqual([["drop_index", 5]]);
  });

  it("Flyway: versions with underscores read as dotted, in a transaction, with no undo unless a U script is given", async () => {
    const ctx = app("flyway", "postgres");
    const paths = ["V1__create_users.sql", "V1_1__add_unique_index_on_users_email.sql", "V2__create_newsletter_subscriptions.sql"].map((f) => `src/main/resources/db/migration/${f}`);
    const { migrations, unreadable } = await flywayReader.readMigrations(paths, ctx);
    expect(unreadable).toEqual([]);
    expect(migrations.map((m) => [m.version, m.transaction, m.down])).toEqual([["1", "wrapped", null], ["1.1", "wrapped", null], ["2", "wrapped", null]]);
  });

  it("Prisma: each migration folder's migration.sql, named by its folder, with no way down", async () => {
    const ctx = app("prisma", "postgres");
    const { migrations, unreadable } = await readPrismaMigrations(await ctx.files("prisma/migrations/*/migration.sql"), ctx);
    expect(unreadable).toEqual([]);
    expect(migrations.map((m) => m.version)).toEqual(["20240105100000_init", "20240212093000_add_users_email_unique", "20240320141500_add_newsletter_subscriptions"]);
    const schema = replayMigrations(emptySchema("postgres"), migrations);
    expect(findTable(schema, "orders")!.foreignKeys).toMatchObject([{ columns: ["user_id"], refTable: "users", onDelete: "restrict", onUpdate: "cascade" }]);
    expect(findColumn(findTable(schema, "users")!, "id")).toMatchObject({ type: { value: "serial" }, nullable: { value: false } });
  });

  it("Drizzle: numbered SQL files split at statement breakpoints, columns from the CREATE TABLE", async () => {
    const ctx = app("drizzle", "sqlite");
    const { migrations, unreadable } = await readDrizzleMigrations(await ctx.files("drizzle/*.sql"), ctx);
    expect(unreadable).toEqual([]);
    expect(migrations.map((m) => [m.version, m.transaction, m.down])).toEqual([["0000", "wrapped", null], ["0001", "wrapped", null], ["0002", "wrapped", null]]);
    const users = findTable(replayMigrations(emptySchema("sqlite"), migrations), "users")!;
    expect(users.columns.map((c) => c.name)).toEqual(expect.arrayContaining(["id", "email", "name", "created_at"]));
  });
});
