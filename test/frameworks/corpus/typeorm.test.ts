import { beforeAll, describe, expect, it } from "vitest";
import type { MigrationsRead, SnapshotRead } from "../../../src/frameworks/reader.js";
import { typeormReader } from "../../../src/frameworks/typeorm/reader.js";
import type { Schema } from "../../../src/model/schema.js";
import { checkColumn, corpusApp, expr, lit, tableOf, type ColumnFact } from "../corpus-app.js";
import { folderContext, globIn, replayed } from "../fixture-context.js";

const now = expr("datetime('now')");

const overseerr = corpusApp("overseerr");
describe.skipIf(!overseerr)("corpus: overseerr (TypeORM entities on SQLite)", () => {
  let read: SnapshotRead;
  beforeAll(async () => {
    read = (await typeormReader.readSnapshot!(await globIn(overseerr!, "server/entity/*.ts", "server/datasource.ts"), folderContext(overseerr!, "sqlite")))!;
  });

  // Hand-read in server/entity/*.ts, and checked against the CREATE TABLE its migrations (server/migration/*.ts) issue.
  const facts: ColumnFact[] = [
    ["user", "id", "integer", false],
    ["user", "email", "varchar", false],
    ["user", "plexUsername", "varchar", true],
    ["user", "recoveryLinkExpirationDate", "date", true],
    ["user", "permissions", "integer", false, lit(0)],
    ["user", "avatar", "varchar", false],
    ["user", "createdAt", "datetime", false, now],
    ["media", "tmdbId", "integer", false],
    ["media", "tvdbId", "integer", true],
    // @Column({ type: 'int', default: MediaStatus.UNKNOWN }): the driver writes integer; the enum member's value is not read here.
    ["media", "status", "integer", false],
    ["media", "lastSeasonChange", "datetime", false, expr("CURRENT_TIMESTAMP")],
    ["media_request", "is4k", "boolean", false, lit(false)],
    ["media_request", "mediaId", "integer", true],
    ["media_request", "tags", "text", true],
    ["season", "seasonNumber", "integer", false],
    ["season_request", "requestId", "integer", true],
    ["user_settings", "locale", "varchar", false, lit("")],
    ["user_settings", "telegramSendSilently", "boolean", true],
    ["session", "id", "varchar(255)", false],
    ["session", "expiredAt", "bigint", false],
    ["discover_slider", "isBuiltIn", "boolean", false, lit(false)],
    ["issue", "problemSeason", "integer", false, lit(0)],
    ["issue_comment", "message", "text", false],
    ["user_push_subscription", "auth", "varchar", false],
    ["user_push_subscription", "createdAt", "datetime", true, now],
  ];
  it.each(facts)("%s.%s", (...fact) => checkColumn(read.schema, fact as ColumnFact));

  it("agrees with its 33 migrations replayed (their SQLite SQL typed by the SQL reader) on every column's type and nullability", async () => {
    const migrations = await typeormReader.readMigrations(await globIn(overseerr!, "server/migration/*.ts"), folderContext(overseerr!, "sqlite"));
    const fromMigrations: Schema = replayed(migrations.migrations, "sqlite");
    const differences: string[] = [];
    let compared = 0;
    for (const [key, entity] of read.schema.tables) {
      const table = fromMigrations.tables.get(key);
      if (!table) {
        differences.push(`${key}: no such table after the migrations`);
        continue;
      }
      for (const column of entity.columns) {
        const other = table.columns.find((c) => c.name === column.name);
        if (!other) differences.push(`${key}.${column.name}: not created by the migrations`);
        else for (const fact of ["type", "nullable"] as const) {
          compared += 1;
          if (column[fact]?.value !== other[fact]?.value) differences.push(`${key}.${column.name} ${fact}: ${column[fact]?.value} / ${other[fact]?.value}`);
        }
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBe(232);
  });

  it("reads all 11 entities, their relation foreign keys and unique constraints", () => {
    expect(read.unreadable).toEqual([]);
    expect([...read.schema.tables.keys()].sort()).toEqual(["discover_slider", "issue", "issue_comment", "media", "media_request", "season", "season_request", "session", "user", "user_push_subscription", "user_settings"]);
    expect(tableOf(read.schema, "media_request").foreignKeys.map((f) => [f.columns[0], f.refTable, f.onDelete])).toEqual([["mediaId", "media", "cascade"], ["requestedById", "user", "cascade"], ["modifiedById", "user", "set_null"]]);
    expect(tableOf(read.schema, "user_settings").uniques.map((u) => u.columns)).toEqual([["userId"]]);
    expect(tableOf(read.schema, "user").uniques.map((u) => u.columns)).toEqual([["email"]]);
  });
});

const traduora = corpusApp("ever-traduora");
describe.skipIf(!traduora)("corpus: ever-traduora (TypeORM on MySQL: entities and SQL migrations)", () => {
  let read: SnapshotRead;
  let migrations: MigrationsRead;
  beforeAll(async () => {
    const context = folderContext(traduora!, "mysql");
    read = (await typeormReader.readSnapshot!(await globIn(traduora!, "api/src/entity/*.ts"), context))!;
    migrations = await typeormReader.readMigrations(await globIn(traduora!, "api/src/migrations/*.ts"), context);
  });

  // Hand-read in api/src/entity/*.ts. Types built by helpers (NumberColumnType.integer(0), TimeColumnType.date()) are unknown.
  const facts: ColumnFact[] = [
    ["user", "id", "varchar(36)", false],
    ["user", "name", "varchar(255)", false],
    ["user", "email", "varchar(255)", false],
    ["user", "encryptedPassword", null, true],
    ["user", "loginAttempts", null, null],
    ["user", "dateCreated", null, null],
    ["project", "name", "varchar(255)", false],
    ["project", "description", "varchar(255)", true],
    ["term", "value", "varchar(255)", false],
    ["term", "context", "varchar(255)", true],
    ["term", "projectId", "varchar(36)", false],
    ["translation", "value", "text", false],
    ["translation", "termId", "varchar(255)", false],
    ["locale", "code", "varchar(255)", false],
  ];
  it.each(facts)("%s.%s", (...fact) => checkColumn(read.schema, fact as ColumnFact));

  it("reads the 11 entities, composite keys, the embedded timestamps and foreign keys", () => {
    expect(read.schema.tables.size).toBe(11);
    expect(tableOf(read.schema, "translation").primaryKey?.columns).toEqual(["termId", "projectLocaleId"]);
    expect(tableOf(read.schema, "term").foreignKeys).toMatchObject([{ columns: ["projectId"], refTable: "project", refColumns: ["id"], onDelete: "cascade" }]);
    expect(tableOf(read.schema, "project").columns.map((c) => c.name)).toEqual(expect.arrayContaining(["dateCreated", "dateModified"]));
  });

  it("reads every migration in timestamp order, its queryRunner.query SQL through the SQL reader, each under its switch case", () => {
    expect(migrations.migrations).toHaveLength(19);
    expect(migrations.migrations[0]!.version).toBe("1537531930470");
    expect(migrations.migrations.every((m) => m.up.every((op) => op.call?.startsWith("queryRunner.query")))).toBe(true);
    // Each migration carries a PostgreSQL and a MySQL case; read with MySQL's grammar, the PostgreSQL case's SQL is listed as unreadable.
    expect(migrations.migrations[0]!.conditions?.[0]).toBe("api/src/migrations/1537531930470-add locales.ts:9 runs only if switch (config.db.default.type) case DbType.POSTGRES");
    expect(migrations.unreadable.length).toBe(145);
  });
});
