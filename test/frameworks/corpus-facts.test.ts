/**
 * The DSL readers on real apps (MIGRATION_AGENT_CORPUS): each app's migrations replayed (and lobsters' schema.rb
 * snapshot read), against facts checked by hand in their files (the file and line are given with each).
 * Skipped when the corpus is not there. A fact the reader gets wrong or cannot know is listed under `known`
 * with the reason: the check prints right/wrong, and fails when any other fact is wrong or a known one is fixed.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { alembicReader } from "../../src/frameworks/alembic/reader.js";
import { djangoReader } from "../../src/frameworks/django/reader.js";
import { ectoReader } from "../../src/frameworks/ecto/reader.js";
import { laravelReader } from "../../src/frameworks/laravel/reader.js";
import { railsReader } from "../../src/frameworks/rails/reader.js";
import type { FrameworkReader, ReadContext } from "../../src/frameworks/reader.js";
import { replayMigrations } from "../../src/model/replay.js";
import { emptySchema, findColumn, findTable, type Schema, type SqlDialect, type Table, type Unreadable } from "../../src/model/schema.js";

const CORPUS = process.env.MIGRATION_AGENT_CORPUS;
const present = (app: string) => Boolean(CORPUS && existsSync(join(CORPUS, app)));

function context(app: string, dialect: SqlDialect): ReadContext {
  return { dialect, readText: (path) => readFile(join(CORPUS!, app, path), "utf8") };
}

async function replayed(app: string, dialect: SqlDialect, glob: string, reader: FrameworkReader) {
  const paths = (await fg(glob, { cwd: join(CORPUS!, app) })).sort();
  const read = await reader.readMigrations(paths, context(app, dialect));
  return { schema: replayMigrations(emptySchema(dialect), read.migrations), unreadable: read.unreadable, files: paths.length, migrations: read.migrations.length };
}

type Fact = [what: string, actual: (schema: Schema) => unknown, expected: unknown];

/** Checks every fact; prints right/wrong and the files or statements not read; the wrong ones must be exactly `known`. */
function check(app: string, schema: Schema, facts: Fact[], known: Record<string, string>, unreadable: Unreadable[]) {
  const wrong = facts.flatMap(([what, actual, expected]) => {
    let value: unknown;
    try {
      value = actual(schema);
    } catch (error) {
      value = `threw ${(error as Error).message}`;
    }
    return isDeepStrictEqual(value, expected) ? [] : [{ what, value, expected }];
  });
  const files = new Set(unreadable.map((u) => u.path));
  console.log(`${app}: ${facts.length - wrong.length} right, ${wrong.length} wrong of ${facts.length} hand-checked facts; ${unreadable.length} statements in ${files.size} files not typed`);
  expect(wrong.map((w) => w.what).sort()).toEqual(Object.keys(known).sort());
}

const table = (schema: Schema, name: string): Table => findTable(schema, name) ?? (() => { throw new Error(`no table ${name}`); })();
const column = (schema: Schema, t: string, c: string) => {
  const found = findColumn(table(schema, t), c);
  return found ? { type: found.type?.value, nullable: found.nullable?.value, default: found.default?.value } : null;
};
const index = (schema: Schema, t: string, name: string) => {
  const found = table(schema, t).indexes.find((i) => i.name === name);
  return found ? { unique: found.unique, method: found.method, keys: found.keys.map((k) => k.column ?? k.expression), where: found.where } : null;
};
const indexKeys = (schema: Schema, t: string, name: string) => index(schema, t, name)?.keys;
const opclasses = (schema: Schema, t: string, name: string) => table(schema, t).indexes.find((i) => i.name === name)?.keys.map((k) => k.opclass ?? null);
const fk = (schema: Schema, t: string, c: string) =>
  table(schema, t).foreignKeys.filter((f) => f.columns.includes(c)).map((f) => ({ name: f.name, refTable: f.refTable, onDelete: f.onDelete }));
const uniques = (schema: Schema, t: string) => table(schema, t).uniques.map((u) => [u.name, u.columns]);
const literal = (value: string | number | boolean | null) => ({ kind: "literal", value });

describe.skipIf(!present("lobsters"))("lobsters (Rails, SQLite): db/schema.rb and the migrations kept in db/migrate", () => {
  it("reads the snapshot's facts as schema.rb states them", async () => {
    const snapshot = (await railsReader.readSnapshot!(["db/schema.rb"], context("lobsters", "sqlite")))!;
    expect(snapshot.unreadable).toEqual([]);
    check("lobsters schema.rb", snapshot.schema, [
      ["users.username", (s) => column(s, "users", "username"), { type: "varchar(50)", nullable: true, default: null }], // schema.rb:482
      ["users index username", (s) => index(s, "users", "username"), { unique: true, method: null, keys: ["username"], where: null }], // :519
      ["users.karma", (s) => column(s, "users", "karma"), { type: "integer", nullable: false, default: literal(0) }], // :496
      ["stories.short_id", (s) => column(s, "stories", "short_id"), { type: "varchar(6)", nullable: false, default: literal("") }], // :376
      ["stories.merged_story_id", (s) => column(s, "stories", "merged_story_id"), { type: "bigint", nullable: true, default: null }], // :384
      ["stories fk merged_story_id", (s) => fk(s, "stories", "merged_story_id").map((f) => [f.refTable, f.onDelete]), [["stories", "set_null"]]], // :580
      ["stories index merged_story_id, hotness", (s) => indexKeys(s, "stories", "index_stories_on_merged_story_id_and_hotness"), ["merged_story_id", "hotness"]],
      ["comments.story_id", (s) => column(s, "comments", "story_id"), { type: "bigint", nullable: false, default: null }], // :70
      ["comments fk story_id", (s) => fk(s, "comments", "story_id").map((f) => [f.refTable, f.onDelete]), [["stories", "no_action"]]], // :539
      ["tags.tag", (s) => column(s, "tags", "tag"), { type: "varchar(25)", nullable: false, default: null }], // :456
      ["taggings unique (story_id, tag_id)", (s) => index(s, "taggings", "story_id_tag_id"), { unique: true, method: null, keys: ["story_id", "tag_id"], where: null }], // :451
      ["taggings fk tag_id", (s) => fk(s, "taggings", "tag_id").map((f) => [f.refTable, f.onDelete]), [["tags", "cascade"]]], // :590
      ["votes.vote", (s) => column(s, "votes", "vote"), { type: "integer(1)", nullable: false, default: null }], // :526
      ["messages.short_id", (s) => column(s, "messages", "short_id"), { type: "varchar(30)", nullable: false, default: literal("") }], // :219
      ["invitations.code", (s) => column(s, "invitations", "code"), { type: "varchar", nullable: true, default: null }], // :170
      ["hats.hat", (s) => column(s, "hats", "hat"), { type: "varchar", nullable: false, default: null }], // :133
      ["categories.category", (s) => column(s, "categories", "category"), { type: "varchar(25)", nullable: false, default: null }], // :52
      ["domains.banned_at", (s) => column(s, "domains", "banned_at"), { type: "datetime", nullable: true, default: null }], // :104 precision: nil
      ["links unique (url, from_story_id, from_comment_id)", (s) => indexKeys(s, "links", "index_links_on_url_and_from_story_id_and_from_comment_id"), ["url", "from_story_id", "from_comment_id"]],
    ], {}, snapshot.unreadable);
  });

  it("reads the 14 migrations kept, listing the Ruby it cannot type", async () => {
    const { schema, unreadable, migrations } = await replayed("lobsters", "sqlite", "db/migrate/*.rb", railsReader);
    expect(migrations).toBe(14);
    // 20250818182728:11 create_virtual_table :comments_fts, :fts5, ["comment", "content=''", …]
    expect(table(schema, "comments_fts").columns.map((c) => c.name)).toEqual(["comment"]);
    // INDEXES_PARAMS.each (20251214222742:9,23), model calls in data migrations (20260216202600, 20260219183300).
    expect(new Set(unreadable.map((u) => u.path.split("/").pop()))).toEqual(
      new Set(["20251214043426_messages_short_id_non_nullable_and_default_value.rb", "20251214222742_add_unique_indexes_to_links.rb", "20260216202600_clean_up_null_bytes.rb", "20260219183300_create_system_user.rb"]),
    );
  });
});

describe.skipIf(!present("maybe"))("maybe (Rails, PostgreSQL): 199 migrations replayed", () => {
  it("matches the facts checked by hand in db/migrate and db/schema.rb", async () => {
    const { schema, unreadable, migrations } = await replayed("maybe", "postgres", "db/migrate/*.rb", railsReader);
    expect(migrations).toBe(199);
    check("maybe", schema, [
      ["users.role", (s) => column(s, "users", "role"), { type: "character varying", nullable: false, default: literal("member") }], // 20240425000110:4; schema.rb:785
      ["users partial unique otp_secret", (s) => index(s, "users", "index_users_on_otp_secret"), { unique: true, method: null, keys: ["otp_secret"], where: "otp_secret IS NOT NULL" }], // schema.rb:806
      ["families.currency", (s) => column(s, "families", "currency"), { type: "character varying", nullable: true, default: literal("USD") }], // schema.rb:260
      ["accounts.status", (s) => column(s, "accounts", "status"), { type: "character varying", nullable: true, default: literal("active") }], // 20250701161640:3
      // NOT NULL set by a later change_column_null (20250701161640:4); schema.rb:225
      ["entries.amount", (s) => column(s, "entries", "amount"), { type: "numeric(19,4)", nullable: false, default: null }],
      ["entries lower(name) index", (s) => indexKeys(s, "entries", "index_entries_on_lower_name"), ["lower(name)"]],
      // through rename_table transactions → account_transactions → transactions (20240621212528, 20250413141446)
      ["transactions fk category_id", (s) => fk(s, "transactions", "category_id").map((f) => [f.refTable, f.onDelete]), [["categories", "set_null"]]], // schema.rb:873
      ["transactions index category_id follows the renames", (s) => indexKeys(s, "transactions", "index_transactions_on_category_id"), ["category_id"]],
      ["merchants partial unique (family_id, name)", (s) => index(s, "merchants", "index_merchants_on_family_id_and_name"), { unique: true, method: null, keys: ["family_id", "name"], where: "type = 'FamilyMerchant'" }], // schema.rb:437
      ["securities.ticker", (s) => column(s, "securities", "ticker"), { type: "character varying", nullable: false, default: null }], // 20250211161238:3; schema.rb:624
      // Rails 7.1's short name, renamed with account_holdings → holdings (schema.rb:291)
      ["holdings unique (account_id, security_id, date, currency)", (s) => index(s, "holdings", "idx_on_account_id_security_id_date_currency_5323e39f8b")?.unique, true],
      ["holdings.qty", (s) => column(s, "holdings", "qty"), { type: "numeric(19,4)", nullable: false, default: null }], // schema.rb:285
      ["balances.balance", (s) => column(s, "balances", "balance"), { type: "numeric(19,4)", nullable: false, default: null }], // schema.rb:113
      ["sessions.user_id", (s) => column(s, "sessions", "user_id"), { type: "uuid", nullable: false, default: null }],
      ["sessions fk user_id", (s) => fk(s, "sessions", "user_id").map((f) => f.refTable), ["users"]], // schema.rb:866
      ["valuations.kind", (s) => column(s, "valuations", "kind"), { type: "character varying", nullable: false, default: literal("reconciliation") }], // schema.rb:813
      // rename_column base_currency → from_currency renames its index (20240706151026:3)
      ["exchange_rates index from_currency", (s) => indexKeys(s, "exchange_rates", "index_exchange_rates_on_from_currency"), ["from_currency"]],
      ["active_storage_blobs.id", (s) => column(s, "active_storage_blobs", "id")?.type, "uuid"],
    ], {
      "active_storage_blobs.id": "20240426162500:7 create_table … id: primary_key_type, a value a Ruby method computes from the app's configuration: the type stays unknown",
    }, unreadable);
  });
});

describe.skipIf(!present("netbox"))("netbox (Django, PostgreSQL): migrations of every app, in the graph's order", () => {
  it("matches the facts checked by hand in the migrations and field classes", async () => {
    const { schema, unreadable, migrations } = await replayed("netbox", "postgres", "netbox/*/migrations/0*.py", djangoReader);
    expect(migrations).toBeGreaterThan(250);
    check("netbox", schema, [
      ["dcim_site.name", (s) => column(s, "dcim_site", "name"), { type: "character varying(100)", nullable: false, default: null }], // dcim/0001_squashed.py:806
      ["dcim_site slug _like index", (s) => opclasses(s, "dcim_site", "dcim_site_slug_4412c762_like"), ["varchar_pattern_ops"]],
      ["dcim_site fk tenant_id", (s) => fk(s, "dcim_site", "tenant_id"), [{ name: "dcim_site_tenant_id_15e7df63_fk_tenancy_tenant_id", refTable: "tenancy_tenant", onDelete: "no_action" }]], // dcim/0002_squashed.py:65
      // dcim/0160_squashed_0166.py:324-330 UniqueConstraint(Lower('name'), F('site'), condition=Q(tenant__isnull=True))
      ["dcim_device partial unique lower(name), site", (s) => index(s, "dcim_device", "dcim_device_unique_name_site"), { unique: true, method: null, keys: ["lower(name)", "site_id"], where: "tenant_id IS NULL" }],
      ["dcim_device.site_id", (s) => column(s, "dcim_device", "site_id"), { type: "bigint", nullable: false, default: null }],
      ["dcim_interface.mtu", (s) => column(s, "dcim_interface", "mtu"), { type: "integer", nullable: true, default: null }], // dcim/0001_squashed.py:351
      // ipam/fields.py:63,70 IPNetworkField.db_type → 'cidr'; ipam/0082:18 GistIndex(opclasses=['inet_ops'])
      ["ipam_prefix.prefix", (s) => column(s, "ipam_prefix", "prefix"), { type: "cidr", nullable: false, default: null }],
      ["ipam_prefix gist index", (s) => [index(s, "ipam_prefix", "ipam_prefix_gist_idx")?.method, opclasses(s, "ipam_prefix", "ipam_prefix_gist_idx")], ["gist", ["inet_ops"]]],
      ["ipam_ipaddress.address", (s) => column(s, "ipam_ipaddress", "address"), { type: "inet", nullable: false, default: null }], // ipam/fields.py:95
      // tenancy/0002_squashed_0011.py:218-221
      ["tenancy_tenant partial unique name", (s) => index(s, "tenancy_tenant", "tenancy_tenant_unique_name"), { unique: true, method: null, keys: ["name"], where: "group_id IS NULL" }],
      // circuits/0057_default_ordering_indexes.py:17, cid third
      ["circuits_circuit composite index", (s) => indexKeys(s, "circuits_circuit", "circuits_ci_provide_a0c42c_idx"), ["provider_id", "provider_account_id", "cid"]],
      // utilities/fields.py:23 ColorField(models.CharField), max_length 6; Python default only
      ["extras_tag.color", (s) => column(s, "extras_tag", "color"), { type: "character varying(6)", nullable: false, default: null }],
      ["virtualization_virtualmachine.vcpus", (s) => column(s, "virtualization_virtualmachine", "vcpus"), { type: "numeric(6,2)", nullable: true, default: null }],
      ["dcim_rack.u_height", (s) => column(s, "dcim_rack", "u_height")?.type, "smallint"], // PositiveSmallIntegerField
      // NOT NULL dropped by a later AlterField: dcim/0194_charfield_null_choices.py:86-89
      ["dcim_cable.type", (s) => column(s, "dcim_cable", "type"), { type: "character varying(50)", nullable: true, default: null }],
      ["users_user.username _like index", (s) => indexKeys(s, "users_user", "users_user_username_06e46fe6_like"), ["username"]],
    ], {}, unreadable);
  });
});

describe.skipIf(!present("ctfd"))("ctfd (Alembic, MySQL): migrations/versions in down_revision order", () => {
  it("matches the facts checked by hand in the revisions", async () => {
    const { schema, unreadable, migrations } = await replayed("ctfd", "mysql", "migrations/versions/*.py", alembicReader);
    expect(migrations).toBe(33);
    check("ctfd", schema, [
      ["users.name", (s) => column(s, "users", "name"), { type: "varchar(128)", nullable: true, default: null }], // 8369118943a1:126
      ["users uniques", (s) => uniques(s, "users"), [["email", ["email"]], ["id", ["id", "oauth_id"]], ["oauth_id", ["oauth_id"]]]], // :142-144
      ["users fk team_id", (s) => fk(s, "users", "team_id").map((f) => f.name), ["users_ibfk_1"]],
      ["teams fk captain_id", (s) => fk(s, "teams", "captain_id"), [{ name: "team_captain_id", refTable: "users", onDelete: "set_null" }]], // b5551cd26764:28,34; b295b033364d:73
      ["challenges.state", (s) => column(s, "challenges", "state"), { type: "varchar(80)", nullable: false, default: null }], // 8369118943a1:30
      ["challenges.connection_info", (s) => column(s, "challenges", "connection_info"), { type: "text", nullable: true, default: null }], // 6012fe8de495:22
      ["submissions fk user_id", (s) => fk(s, "submissions", "user_id"), [{ name: "submissions_ibfk_3", refTable: "users", onDelete: "cascade" }]], // 8369118943a1:188; b295b033364d
      ["solves fk id", (s) => fk(s, "solves", "id"), [{ name: "solves_ibfk_2", refTable: "submissions", onDelete: "cascade" }]], // :222
      // :226-227, the column second; MySQL names the second after its first column, _2
      ["solves uniques", (s) => uniques(s, "solves"), [["challenge_id", ["challenge_id", "team_id"]], ["challenge_id_2", ["challenge_id", "user_id"]]]],
      ["awards.type", (s) => column(s, "awards", "type"), { type: "varchar(80)", nullable: true, default: literal("standard") }], // 4e4d5a9ea000:21
      ["tokens.value", (s) => column(s, "tokens", "value"), { type: "varchar(128)", nullable: true, default: null }], // 080d29b15cd3:27
      ["pages unique route", (s) => uniques(s, "pages"), [["route", ["route"]]]], // 8369118943a1:51
      ["comments fk author_id", (s) => fk(s, "comments", "author_id").map((f) => f.onDelete), ["cascade"]], // 0366ba6575ca:33
      ["hints.cost", (s) => column(s, "hints", "cost"), { type: "int", nullable: true, default: null }],
      ["users.created", (s) => column(s, "users", "created")?.type, "datetime(6)"],
    ], {
      "users.created": "46a278193a94:23-31 makes every MySQL datetime column datetime(6) in a loop over a query's rows: listed as untyped, so replay keeps datetime",
    }, unreadable);
  });
});

describe.skipIf(!present("mealie"))("mealie (Alembic, PostgreSQL): alembic/versions in down_revision order", () => {
  it("matches the facts checked by hand in the revisions and mealie's GUID type", async () => {
    const { schema, unreadable, migrations } = await replayed("mealie", "postgres", "alembic/versions/*.py", alembicReader);
    expect(migrations).toBe(37);
    check("mealie", schema, [
      // mealie/db/models/_model_utils/guid.py:35-37 GUID.load_dialect_impl → UUID on postgresql
      ["users.id", (s) => column(s, "users", "id"), { type: "uuid", nullable: false, default: null }],
      // 38514b39a824:25-31 Enum authmethod, created on PostgreSQL, server_default MEALIE
      ["users.auth_method", (s) => column(s, "users", "auth_method"), { type: "authmethod", nullable: false, default: literal("MEALIE") }],
      ["users unique index email", (s) => index(s, "users", "ix_users_email")?.unique, true],
      ["users fk group_id", (s) => fk(s, "users", "group_id"), [{ name: "users_group_id_fkey", refTable: "groups", onDelete: "no_action" }]],
      ["groups.slug", (s) => column(s, "groups", "slug"), { type: "character varying", nullable: true, default: null }], // 04ac51cbe9a4:50
      ["groups unique slug", (s) => index(s, "groups", "ix_groups_slug")?.unique, true], // 04ac51cbe9a4:51
      ["recipes.rating", (s) => column(s, "recipes", "rating")?.type, "double precision"], // d7c6efd2de42:186 (PostgreSQL branch)
      ["recipes unique (slug, group_id)", (s) => uniques(s, "recipes").find(([n]) => n === "recipe_slug_group_id_key"), ["recipe_slug_group_id_key", ["slug", "group_id"]]], // 6b0f5f32d602:238
      ["recipes_ingredients.quantity", (s) => column(s, "recipes_ingredients", "quantity")?.type, "double precision"], // 263dd6707191:29-35
      // b3dbb554ba53:22-33 inside setup_postgres_trigrams(), called when get_db_type() == "postgresql"
      ["recipes GIN trigram index", (s) => [index(s, "recipes", "ix_recipes_name_normalized_gin")?.method, opclasses(s, "recipes", "ix_recipes_name_normalized_gin")], ["gin", ["gin_trgm_ops"]]],
      ["cookbooks.position", (s) => column(s, "cookbooks", "position"), { type: "integer", nullable: false, default: null }],
      ["households fk group_id", (s) => fk(s, "households", "group_id").map((f) => f.name), ["households_group_id_fkey"]], // feecc8ffb956:207
      ["ingredient_foods unique (name, group_id)", (s) => uniques(s, "ingredient_foods").find(([n]) => n === "ingredient_foods_name_group_id_key"), ["ingredient_foods_name_group_id_key", ["name", "group_id"]]], // dded3119c1fe:265-266
      ["tags unique (slug, group_id)", (s) => uniques(s, "tags").find(([n]) => n === "tags_slug_group_id_key"), ["tags_slug_group_id_key", ["slug", "group_id"]]], // 6b0f5f32d602:287
      ["categories unique (slug, group_id)", (s) => uniques(s, "categories").find(([n]) => n === "category_slug_group_id_key"), ["category_slug_group_id_key", ["slug", "group_id"]]], // 6b0f5f32d602:57
      ["long_live_tokens.token", (s) => column(s, "long_live_tokens", "token"), { type: "character varying", nullable: false, default: null }],
      ["recipe_instructions index text", (s) => indexKeys(s, "recipe_instructions", "ix_recipe_instructions_text"), ["text"]], // 16160bf731a0
    ], {}, unreadable);
  });
});

describe.skipIf(!present("hexpm"))("hexpm (Ecto, PostgreSQL): priv/repo/migrations replayed with config.exs's migration settings", () => {
  it("matches the facts checked by hand in the migrations", async () => {
    const { schema, unreadable, migrations } = await replayed("hexpm", "postgres", "priv/repo/migrations/*.exs", ectoReader);
    expect(migrations).toBe(170);
    check("hexpm", schema, [
      ["users.full_name", (s) => column(s, "users", "full_name"), { type: "text", nullable: true, default: null }], // 20161004123829:6
      ["users.deactivated_at", (s) => column(s, "users", "deactivated_at")?.type, "timestamp(0) without time zone"], // 20190923222150:6 :utc_datetime
      // 20181011082425 fixup(:emails, [:verification_expiry]) → modify :utc_datetime_usec through a private helper and a for
      ["emails.verification_expiry", (s) => column(s, "emails", "verification_expiry")?.type, "timestamp without time zone"],
      ["organizations.name", (s) => column(s, "organizations", "name"), { type: "character varying(255)", nullable: false, default: null }],
      ["organizations unique name", (s) => index(s, "organizations", "organizations_name_index")?.unique, true],
      ["organizations.billing_active", (s) => column(s, "organizations", "billing_active"), { type: "boolean", nullable: false, default: literal(false) }], // 20171203144157:6
      ["package_owners.level", (s) => column(s, "package_owners", "level"), { type: "character varying(255)", nullable: false, default: literal("full") }], // 20180514125027:6
      ["repositories unique name", (s) => index(s, "repositories", "repositories_name_index")?.unique, true], // 20190129165916
      // 20190129165916:23 add references(:repositories) then :32 modify(:repository_id, :integer, null: false)
      ["packages.repository_id", (s) => column(s, "packages", "repository_id"), { type: "integer", nullable: false, default: null }],
      // NOT NULL dropped by a later modify … from: (20260315120000:12)
      ["oauth_tokens.user_id", (s) => column(s, "oauth_tokens", "user_id"), { type: "bigint", nullable: true, default: null }],
      ["oauth_tokens fk user_id", (s) => fk(s, "oauth_tokens", "user_id").map((f) => [f.name, f.onDelete]), [["oauth_tokens_user_id_fkey", "cascade"]]],
      ["audit_logs.action", (s) => column(s, "audit_logs", "action"), { type: "character varying(255)", nullable: false, default: null }], // 20160215102451:7
      // 20180513160026:12 ALTER TABLE … RENAME actor_id TO user_id; 20260203000536:30-31 the constraint re-added ON DELETE SET NULL
      ["audit_logs fk user_id", (s) => fk(s, "audit_logs", "user_id").map((f) => [f.name, f.onDelete]), [["audit_logs_actor_id_fkey", "set_null"]]],
      ["keys.name nullable", (s) => column(s, "keys", "name")?.nullable, true], // 20180704214746:5 ALTER name DROP NOT NULL
      ["sessions.token", (s) => column(s, "sessions", "token"), { type: "bytea", nullable: false, default: null }], // 20170429120741:6
      ["emails.email NOT NULL", (s) => column(s, "emails", "email")?.nullable, false],
    ], {
      "emails.email NOT NULL": "20170702145540:24 set_not_null builds its ALTER TABLE with interpolation and Enum.map_join: listed as SQL built at run time",
    }, unreadable);
  });
});

describe.skipIf(!present("bookstack"))("bookstack (Laravel, MySQL): database/migrations replayed", () => {
  it("matches the facts checked by hand in the migrations", async () => {
    const { schema, unreadable, migrations } = await replayed("bookstack", "mysql", "database/migrations/*.php", laravelReader);
    expect(migrations).toBe(85);
    check("bookstack", schema, [
      ["users.email", (s) => column(s, "users", "email"), { type: "varchar(255)", nullable: false, default: null }], // 2014_10_12_000000:19
      ["users unique email", (s) => index(s, "users", "users_email_unique")?.unique, true],
      ["users.image_id", (s) => column(s, "users", "image_id"), { type: "int", nullable: false, default: literal(0) }], // 2015_12_09_195748:15
      ["users.slug", (s) => column(s, "users", "slug"), { type: "varchar(180)", nullable: false, default: null }], // 2021_03_08_215138:17
      ["books.slug index", (s) => indexKeys(s, "books", "books_slug_index"), ["slug"]],
      // 2020_12_30_173528:15-18 foreach over ['pages', 'books', 'chapters', 'bookshelves']
      ["books.owned_by", (s) => column(s, "books", "owned_by"), { type: "int unsigned", nullable: false, default: null }],
      ["pages.draft", (s) => column(s, "pages", "draft"), { type: "tinyint(1)", nullable: false, default: literal(false) }], // 2016_03_13_082138:15
      ["pages.markdown", (s) => column(s, "pages", "markdown"), { type: "longtext", nullable: false, default: literal("") }], // 2016_03_25_123157:15
      ["pages.html", (s) => column(s, "pages", "html")?.type, "longtext"], // 2015_07_12_190027:20
      ["bookshelves.name", (s) => column(s, "bookshelves", "name"), { type: "varchar(180)", nullable: false, default: null }], // 2018_08_04_115700:41
      ["attachments.path", (s) => column(s, "attachments", "path")?.type, "text"], // 2023_02_20_093655:15 ->change()
      ["comments.parent_id", (s) => column(s, "comments", "parent_id"), { type: "int unsigned", nullable: true, default: null }], // 2017_08_01_130541:22
      ["comments index (entity_id, entity_type)", (s) => indexKeys(s, "comments", "comments_entity_id_entity_type_index"), ["entity_id", "entity_type"]],
      ["activities.type keeps its index name", (s) => indexKeys(s, "activities", "activities_key_index"), ["type"]], // renameColumn('key', 'type')
      ["api_tokens unique token_id", (s) => index(s, "api_tokens", "api_tokens_token_id_unique")?.unique, true], // 2019_12_29_120917:21
      ["webhooks.endpoint", (s) => column(s, "webhooks", "endpoint"), { type: "varchar(500)", nullable: false, default: null }], // 2021_12_07_111343:18
      ["joint_permissions primary key", (s) => table(s, "joint_permissions").primaryKey?.columns, ["role_id", "entity_type", "entity_id"]], // 2022_07_16_170051:22
    ], {}, unreadable);
  });
});
