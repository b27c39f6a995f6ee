import { beforeAll, describe, expect, it } from "vitest";
import { knexReader } from "../../../src/frameworks/knex/reader.js";
import type { MigrationsRead } from "../../../src/frameworks/reader.js";
import type { Schema } from "../../../src/model/schema.js";
import { checkColumn, corpusApp, expr, lit, tableOf, type ColumnFact } from "../corpus-app.js";
import { folderContext, globIn, replayed } from "../fixture-context.js";

const serial = "serial";
const varchar = "character varying(255)";
const tz = "timestamp with time zone";

const kutt = corpusApp("kutt");
describe.skipIf(!kutt)("corpus: kutt (Knex; tables created by model helpers the migrations call)", () => {
  let read: MigrationsRead;
  let schema: Schema;
  beforeAll(async () => {
    read = await knexReader.readMigrations(await globIn(kutt!, "server/migrations/*.js"), folderContext(kutt!, "postgres"));
    schema = replayed(read.migrations, "postgres");
  });

  // Hand-read in server/models/*.model.js and server/migrations/*.js at the pinned commit.
  const facts: ColumnFact[] = [
    ["users", "id", serial, false],
    ["users", "apikey", varchar, true],
    ["users", "banned", "boolean", false, lit(false)],
    ["users", "banned_by_id", "integer", true],
    ["users", "email", varchar, false],
    // t.enu("role", [ROLES.USER, ROLES.ADMIN]): the values are constants of another module, so the type is unknown.
    ["users", "role", null, false],
    ["users", "password", varchar, false],
    ["users", "change_email_expires", tz, true],
    ["users", "verified", "boolean", false, lit(false)],
    ["users", "created_at", tz, false, expr("CURRENT_TIMESTAMP")],
    ["ips", "ip", varchar, false],
    ["hosts", "address", varchar, false],
    ["hosts", "banned", "boolean", false, lit(false)],
    ["domains", "address", varchar, false],
    ["domains", "homepage", varchar, true],
    ["domains", "uuid", "uuid", false, expr("gen_random_uuid()")],
    ["links", "address", varchar, false],
    ["links", "target", "character varying(2040)", false],
    ["links", "description", varchar, true],
    ["links", "expire_in", tz, true],
    ["links", "visit_count", "integer", false, lit(0)],
    ["links", "uuid", "uuid", false, expr("gen_random_uuid()")],
    ["visits", "total", "integer", false, lit(0)],
    ["visits", "updated_at", tz, true, expr("CURRENT_TIMESTAMP")],
    ["visits", "countries", "jsonb", true],
  ];
  it.each(facts)("%s.%s", (...fact) => checkColumn(schema, fact as ColumnFact));

  it("reads every migration file", () => {
    expect(read.unreadable).toEqual([]);
    expect(read.migrations).toHaveLength(10);
  });

  it("reads the unique constraints, foreign keys and their actions, and drops removed columns", () => {
    expect(tableOf(schema, "users").uniques.map((u) => u.name).sort()).toEqual(["users_apikey_unique", "users_email_unique"]);
    expect(tableOf(schema, "domains").foreignKeys.find((f) => f.columns[0] === "user_id")).toMatchObject({ name: "domains_user_id_foreign", refTable: "users", onDelete: "set_null" });
    expect(tableOf(schema, "links").foreignKeys.find((f) => f.columns[0] === "user_id")).toMatchObject({ name: "links_user_id_foreign", onDelete: "cascade" });
    expect(tableOf(schema, "visits").foreignKeys.map((f) => f.name).sort()).toEqual(["visits_link_id_foreign", "visits_user_id_foreign"]);
    expect(tableOf(schema, "users").columns.map((c) => c.name)).not.toContain("cooldowns");
  });

  it("notes the hasTable/hasColumn guards and the PostgreSQL-only branch as run-time conditions", () => {
    const domains = read.migrations.find((m) => m.path.endsWith("20200510140704_domains.js"))!;
    expect(domains.conditions).toContain('server/migrations/20200510140704_domains.js:16 runs only if (knex.client.driverName === "pg")');
    expect(domains.conditions).toContain("server/models/user.model.js:6 runs only if (!hasTable)");
  });

  it("says the indexes built from a run-time template (IF NOT EXISTS on all but MySQL) are SQL it cannot read", () => {
    const migration = read.migrations.find((m) => m.path.endsWith("20241223062111_indexes.js"))!;
    expect(migration.up.filter((op) => op.kind === "raw" && op.reason === "the SQL is built at run time")).toHaveLength(8);
    expect(migration.up).toHaveLength(9);
  });
});

const kuma = corpusApp("uptime-kuma");
describe.skipIf(!kuma)("corpus: uptime-kuma (Knex migrations on MariaDB)", () => {
  let read: MigrationsRead;
  let schema: Schema;
  beforeAll(async () => {
    read = await knexReader.readMigrations(await globIn(kuma!, "db/knex_migrations/*.js"), folderContext(kuma!, "mysql"));
    schema = replayed(read.migrations, "mysql");
  });
  const float = "float(20,2)";

  // Hand-read in db/knex_migrations/*.js: ping was made `integer DEFAULT 0` (nullable) on 2025-10-15, then
  // float(20,2) NOT NULL with no default on 2026-01-10; stat_daily.up/down widened to int unsigned on 2026-07-22.
  const facts: ColumnFact[] = [
    ["stat_daily", "id", "int unsigned", false],
    ["stat_daily", "monitor_id", "int unsigned", false],
    ["stat_daily", "timestamp", "int", false],
    ["stat_daily", "ping", float, false, null],
    ["stat_daily", "ping_min", float, false, lit(0)],
    ["stat_daily", "up", "int unsigned", false],
    ["stat_daily", "extras", "text", true, lit(null)],
    ["stat_minutely", "ping", float, false, null],
    ["stat_minutely", "up", "smallint", false],
    ["stat_hourly", "ping_max", float, false, lit(0)],
    ["stat_hourly", "down", "smallint", false],
    ["remote_browser", "name", "varchar(255)", false],
    ["remote_browser", "user_id", "int unsigned", true],
    ["domain_expiry", "domain", "varchar(255)", false, null],
    ["domain_expiry", "last_check", "datetime", true],
    ["domain_expiry", "last_expiry_notification_sent", "int", true, lit(null)],
  ];
  it.each(facts)("%s.%s", (...fact) => checkColumn(schema, fact as ColumnFact));

  it("reads every migration file, and the unique keys and foreign keys of the tables they create", () => {
    // SQLite's `DROP INDEX IF EXISTS x` (a SQLite-only branch) is not MySQL: listed, not guessed.
    expect(read.unreadable.map((u) => `${u.path}:${u.line}`)).toEqual([7, 8, 28, 29].map((line) => `db/knex_migrations/2025-12-22-0121-optimize-important-indexes.js:${line}`));
    expect(read.migrations).toHaveLength(55);
    expect(tableOf(schema, "stat_daily").uniques.map((u) => u.columns)).toEqual([["monitor_id", "timestamp"]]);
    expect(tableOf(schema, "stat_daily").foreignKeys).toMatchObject([{ refTable: "monitor", refColumns: ["id"], onDelete: "cascade", onUpdate: "cascade" }]);
    expect(tableOf(schema, "domain_expiry").uniques.map((u) => u.name)).toEqual(["domain_expiry_domain_unique"]);
  });
});
