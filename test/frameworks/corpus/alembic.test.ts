/**
 * The Alembic reader on real apps (MIGRATION_AGENT_CORPUS): ctfd, mealie. Facts checked by hand in their files,
 * with file and line; skipped when the corpus is not there.
 */
import { describe, expect, it } from "vitest";
import { alembicReader } from "../../../src/frameworks/alembic/reader.js";
import { corpusApp } from "../corpus-app.js";
import { check, column, fk, index, indexKeys, literal, opclasses, replayed, uniques } from "./dsl-facts.js";

const ctfd = corpusApp("ctfd");
const mealie = corpusApp("mealie");

describe.skipIf(!ctfd)("ctfd (Alembic, MySQL): migrations/versions in down_revision order", () => {
  it("matches the facts checked by hand in the revisions", async () => {
    const { schema, unreadable, migrations } = await replayed(ctfd!, "mysql", "migrations/versions/*.py", alembicReader);
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

describe.skipIf(!mealie)("mealie (Alembic, PostgreSQL): alembic/versions in down_revision order", () => {
  it("matches the facts checked by hand in the revisions and mealie's GUID type", async () => {
    const { schema, unreadable, migrations } = await replayed(mealie!, "postgres", "alembic/versions/*.py", alembicReader);
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
