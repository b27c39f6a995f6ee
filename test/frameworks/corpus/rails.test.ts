/**
 * The Rails reader on real apps (MIGRATION_AGENT_CORPUS): lobsters, maybe. Facts checked by hand in their files,
 * with file and line; skipped when the corpus is not there.
 */
import { describe, expect, it } from "vitest";
import { railsReader } from "../../../src/frameworks/rails/reader.js";
import { corpusApp } from "../corpus-app.js";
import { check, column, context, fk, index, indexKeys, literal, replayed, table } from "./dsl-facts.js";

const lobsters = corpusApp("lobsters");
const maybe = corpusApp("maybe");

describe.skipIf(!lobsters)("lobsters (Rails, SQLite): db/schema.rb and the migrations kept in db/migrate", () => {
  it("reads the snapshot's facts as schema.rb states them", async () => {
    const snapshot = (await railsReader.readSnapshot!(["db/schema.rb"], context(lobsters!, "sqlite")))!;
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
    const { schema, unreadable, migrations } = await replayed(lobsters!, "sqlite", "db/migrate/*.rb", railsReader);
    expect(migrations).toBe(14);
    // 20250818182728:11 create_virtual_table :comments_fts, :fts5, ["comment", "content=''", …]
    expect(table(schema, "comments_fts").columns.map((c) => c.name)).toEqual(["comment"]);
    // INDEXES_PARAMS.each (20251214222742:9,23), model calls in data migrations (20260216202600, 20260219183300).
    expect(new Set(unreadable.map((u) => u.path.split("/").pop()))).toEqual(
      new Set(["20251214043426_messages_short_id_non_nullable_and_default_value.rb", "20251214222742_add_unique_indexes_to_links.rb", "20260216202600_clean_up_null_bytes.rb", "20260219183300_create_system_user.rb"]),
    );
  });
});

describe.skipIf(!maybe)("maybe (Rails, PostgreSQL): 199 migrations replayed", () => {
  it("matches the facts checked by hand in db/migrate and db/schema.rb", async () => {
    const { schema, unreadable, migrations } = await replayed(maybe!, "postgres", "db/migrate/*.rb", railsReader);
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
