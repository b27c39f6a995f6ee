/**
 * The model read from real apps' SQL migrations and snapshots (MIGRATION_AGENT_CORPUS), against facts checked
 * by hand in their files (file:line given with each). Skipped when the corpus is not there.
 * umami: Prisma migrations, PostgreSQL. openstatus: Drizzle SQL migrations, SQLite. hexpm: Ecto's pg_dump structure.sql.
 * (flipt at the pinned commit keeps only ClickHouse migrations, a dialect with no reader here.)
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { readDrizzleMigrations } from "../../src/frameworks/drizzle/sql-migrations.js";
import { readPrismaMigrations } from "../../src/frameworks/prisma/sql-migrations.js";
import type { MigrationsRead, ReadContext } from "../../src/frameworks/reader.js";
import { replayMigrations } from "../../src/model/replay.js";
import { emptySchema, findColumn, findTable, indexesOn, type Schema, type SqlDialect, type Table } from "../../src/model/schema.js";
import { readSqlSnapshot } from "../../src/sql/snapshot.js";

const CORPUS = process.env.MIGRATION_AGENT_CORPUS;
const present = (app: string) => Boolean(CORPUS && existsSync(join(CORPUS, app)));

function context(app: string, dialect: SqlDialect): ReadContext {
  return { dialect, readText: (path) => readFile(join(CORPUS!, app, path), "utf8") };
}

async function replayed(app: string, dialect: SqlDialect, glob: string, read: (paths: string[], ctx: ReadContext) => Promise<MigrationsRead>) {
  const paths = (await fg(glob, { cwd: join(CORPUS!, app) })).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const result = await read(paths, context(app, dialect));
  return { schema: replayMigrations(emptySchema(dialect), result.migrations), unreadable: result.unreadable, files: paths.length };
}

type Fact = [what: string, actual: (schema: Schema) => unknown, expected: unknown];

/** Checks every fact, prints the right/wrong count, and fails with the wrong ones. */
function check(app: string, schema: Schema, facts: Fact[]) {
  const wrong = facts.flatMap(([what, actual, expected]) => {
    let value: unknown;
    try {
      value = actual(schema);
    } catch (error) {
      value = `threw ${(error as Error).message}`;
    }
    return isDeepStrictEqual(value, expected) ? [] : [{ what, value, expected }];
  });
  console.log(`${app}: ${facts.length - wrong.length} right, ${wrong.length} wrong of ${facts.length} hand-checked facts`);
  expect(wrong).toEqual([]);
}

const table = (schema: Schema, name: string): Table => findTable(schema, name) ?? (() => { throw new Error(`no table ${name}`); })();
const column = (schema: Schema, t: string, c: string) => {
  const found = findColumn(table(schema, t), c);
  return found ? { type: found.type?.value, nullable: found.nullable?.value, default: found.default?.value } : null;
};
const indexNames = (schema: Schema, t: string, c: string) => indexesOn(table(schema, t), c).map((i) => i.name);
const index = (schema: Schema, t: string, name: string) => {
  const found = table(schema, t).indexes.find((i) => i.name === name);
  return found ? { unique: found.unique, method: found.method, keys: found.keys, whereColumns: found.whereColumns } : null;
};

describe.skipIf(!present("umami"))("umami (Prisma migrations, PostgreSQL) replayed", () => {
  it("matches the facts checked by hand in prisma/migrations", async () => {
    const { schema, unreadable, files } = await replayed("umami", "postgres", "prisma/migrations/*/migration.sql", readPrismaMigrations);
    expect(files).toBe(19);
    expect(unreadable).toEqual([]);
    check("umami", schema, [
      // 01_init:25 subdivision1 VARCHAR(20); 09:16 renamed to region
      ["session.region", (s) => column(s, "session", "region"), { type: "character varying(20)", nullable: true, default: null }],
      // 09:17-18 dropped
      ["session.hostname gone", (s) => column(s, "session", "hostname"), null],
      ["session.subdivision2 gone", (s) => column(s, "session", "subdivision2"), null],
      // 10:2
      ["session.distinct_id", (s) => column(s, "session", "distinct_id"), { type: "character varying(50)", nullable: true, default: null }],
      // 03:32 subdivision1 index dropped at 09:13 before the rename; 09:22 the region index
      ["indexes on session.region", (s) => indexNames(s, "session", "region"), ["session_website_id_created_at_region_idx"]],
      // 01:124,127 and 03:8..35 (hostname 03:11 dropped at 09:12); created_at second in the composites
      ["indexes on session.created_at", (s) => indexNames(s, "session", "created_at").length, 10],
      // 02:32 VARCHAR(6000) NOT NULL; 12:3 SET DATA TYPE JSONB
      ["report.parameters", (s) => column(s, "report", "parameters"), { type: "jsonb", nullable: false, default: null }],
      // 02:29 VARCHAR(200); 14:2 VARCHAR(50)
      ["report.type", (s) => column(s, "report", "type"), { type: "character varying(50)", nullable: false, default: null }],
      // 05: added nullable, then SET NOT NULL at 05:16
      ["website_event.visit_id NOT NULL", (s) => findColumn(table(s, "website_event"), "visit_id")?.nullable?.value, false],
      // 15:40
      ["website.share_id gone", (s) => column(s, "website", "share_id"), null],
      // 13:8 DECIMAL(19,4); 13:7 VARCHAR(100) then 14:5 VARCHAR(10)
      ["revenue.revenue", (s) => column(s, "revenue", "revenue"), { type: "numeric(19,4)", nullable: true, default: null }],
      ["revenue.currency", (s) => column(s, "revenue", "currency"), { type: "character varying(10)", nullable: false, default: null }],
      // 01_init:10
      ["user.created_at", (s) => column(s, "user", "created_at"), { type: "timestamp(6) with time zone", nullable: true, default: { kind: "expression", sql: "CURRENT_TIMESTAMP" } }],
      ["user primary key", (s) => table(s, "user").primaryKey?.columns, ["user_id"]],
      // 13:16, dropped at 17:11
      ["revenue_revenue_id_key dropped", (s) => index(s, "revenue", "revenue_revenue_id_key"), null],
    ]);
  });
});

describe.skipIf(!present("openstatus"))("openstatus (Drizzle SQL migrations, SQLite) replayed", () => {
  it("matches the facts checked by hand in packages/db/drizzle", async () => {
    const { schema, unreadable, files } = await replayed("openstatus", "sqlite", "packages/db/drizzle/*.sql", readDrizzleMigrations);
    expect(files).toBe(84);
    // libSQL's ALTER COLUMN … TO (0041:20, 0064:17), UPDATE … FROM (0034:3), and one more the grammar refuses (0032:1).
    expect(unreadable.map((u) => `${u.path.split("/").pop()}:${u.line}`)).toEqual([
      "0032_hot_swordsman.sql:1", "0034_serious_shard.sql:3", "0041_nasty_jigsaw.sql:20", "0064_dusty_sunfire.sql:17",
    ]);
    const ps = "page_subscriber";
    check("openstatus", schema, [
      // 0078:2-20, the last rebuild; renamed at 0078:24
      ["page_subscriber rebuilt under its own name", (s) => [Boolean(findTable(s, ps)), Boolean(findTable(s, "__new_page_subscriber"))], [true, false]],
      ["page_subscriber columns", (s) => table(s, ps).columns.map((c) => c.name), ["id", "email", "page_id", "channel_type", "webhook_url", "channel_config", "slack_channel_id", "source", "name", "token", "accepted_at", "expires_at", "unsubscribed_at", "created_at", "updated_at"]],
      ["page_subscriber.email", (s) => column(s, ps, "email"), { type: "text", nullable: true, default: null }],
      ["page_subscriber.page_id", (s) => column(s, ps, "page_id"), { type: "integer", nullable: false, default: null }],
      ["page_subscriber.channel_type", (s) => column(s, ps, "channel_type"), { type: "text", nullable: false, default: { kind: "literal", value: "email" } }],
      ["page_subscriber.source", (s) => column(s, ps, "source"), { type: "text", nullable: false, default: { kind: "literal", value: "self_signup" } }],
      ["page_subscriber.created_at", (s) => column(s, ps, "created_at")?.default, { kind: "expression", sql: "strftime('%s', 'now')" }],
      // 0078:18
      ["page_subscriber → page ON DELETE cascade", (s) => table(s, ps).foreignKeys.map((fk) => [fk.columns, fk.refTable, fk.onDelete]), [[["page_id"], "page", "cascade"]]],
      // 0078:26 LOWER("email") first, page_id second, partial
      ["email_page_active", (s) => index(s, ps, "idx_page_subscriber_email_page_active"), {
        unique: true, method: null,
        keys: [{ columns: ["email"], expression: 'LOWER("email")' }, { columns: ["page_id"], column: "page_id" }],
        whereColumns: ["unsubscribed_at", "channel_type"],
      }],
      // 0078:26-28 (page_id second in each) and 0082:8
      ["indexes on page_subscriber.page_id", (s) => indexNames(s, ps, "page_id"), ["idx_page_subscriber_email_page_active", "idx_page_subscriber_webhook_page_active", "idx_page_subscriber_slack_channel_page_active", "page_subscriber_page_id_idx"]],
      // only in the WHERE of 0078:26-28
      ["page_subscriber.unsubscribed_at not indexed", (s) => indexNames(s, ps, "unsubscribed_at"), []],
      // 0082:1-3
      ["incident_workspace_id_idx dropped", (s) => index(s, "incident", "incident_workspace_id_idx"), null],
      ["incident.resolved_at only in a WHERE", (s) => indexNames(s, "incident", "resolved_at"), []],
      // 0064:10 dropped and 0064:27 re-created (started_at second); 0082:2
      ["indexes on incident.started_at", (s) => indexNames(s, "incident", "started_at"), ["incident_monitor_id_started_at_unique", "incident_workspace_id_started_at_idx"]],
    ]);
  });
});

describe.skipIf(!present("hexpm"))("hexpm (priv/repo/structure.sql, PostgreSQL) as a snapshot", () => {
  it("matches the facts checked by hand in the pg_dump", async () => {
    const snapshot = (await readSqlSnapshot(["priv/repo/structure.sql"], context("hexpm", "postgres")))!;
    expect(snapshot.unreadable).toEqual([]);
    check("hexpm", snapshot.schema, [
      // structure.sql:1313-1327
      ["users.username", (s) => column(s, "users", "username"), { type: "public.citext", nullable: false, default: null }],
      ["users.password", (s) => column(s, "users", "password"), { type: "text", nullable: true, default: null }],
      ["users.service", (s) => column(s, "users", "service"), { type: "boolean", nullable: true, default: { kind: "literal", value: false } }],
      ["users.role", (s) => column(s, "users", "role"), { type: "character varying(255)", nullable: true, default: { kind: "literal", value: "basic" } }],
      ["users.deactivated_at", (s) => column(s, "users", "deactivated_at"), { type: "timestamp(0) without time zone", nullable: true, default: null }],
      ["users.handles default is an expression", (s) => (column(s, "users", "handles")?.default as { kind: string })?.kind, "expression"],
      // :1564
      ["users.id default line", (s) => findColumn(table(s, "users"), "id")?.default?.source.line, 1564],
      // :1875, :2844
      ["users primary key", (s) => [table(s, "users").primaryKey?.name, table(s, "users").primaryKey?.source.line], ["users_pkey", 1875]],
      ["users → organizations", (s) => table(s, "users").foreignKeys.map((fk) => [fk.name, fk.columns, fk.refTable]), [["users_organization_id_fkey", ["organization_id"], "organizations"]]],
      // :2437
      ["indexes on users.username", (s) => indexNames(s, "users", "username"), ["users_username_idx"]],
      // :2234 gin trigram; :2241 name second with text_pattern_ops; :2227
      ["indexes on packages.name", (s) => indexNames(s, "packages", "name"), ["packages_name_index", "packages_name_trgm", "packages_repository_id_name_text_pattern_ops_index"]],
      ["packages_name_trgm", (s) => index(s, "packages", "packages_name_trgm"), { unique: false, method: "gin", keys: [{ column: "name", columns: ["name"], opclass: "public.gin_trgm_ops" }], whereColumns: [] }],
      ["packages_repository_id_name_text_pattern_ops_index", (s) => index(s, "packages", "packages_repository_id_name_text_pattern_ops_index")?.keys, [{ column: "repository_id", columns: ["repository_id"] }, { column: "name", columns: ["name"], opclass: "text_pattern_ops" }]],
      // :2220 and :2206, expressions over meta
      ["indexes on packages.meta", (s) => indexNames(s, "packages", "meta"), ["packages_description_text", "packages_meta_extra_idx"]],
      // :2325 lower((name)::text)
      ["reserved_usernames lower(name)", (s) => index(s, "reserved_usernames", "reserved_usernames_name_idx")?.keys.map((k) => k.columns), [["name"]]],
    ]);
  });
});
