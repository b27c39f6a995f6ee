/**
 * The Laravel reader on real apps (MIGRATION_AGENT_CORPUS): bookstack. Facts checked by hand in their files,
 * with file and line; skipped when the corpus is not there.
 */
import { describe, expect, it } from "vitest";
import { laravelReader } from "../../../src/frameworks/laravel/reader.js";
import { corpusApp } from "../corpus-app.js";
import { check, column, index, indexKeys, literal, replayed, table } from "./dsl-facts.js";

const bookstack = corpusApp("bookstack");

describe.skipIf(!bookstack)("bookstack (Laravel, MySQL): database/migrations replayed", () => {
  it("matches the facts checked by hand in the migrations", async () => {
    const { schema, unreadable, migrations } = await replayed(bookstack!, "mysql", "database/migrations/*.php", laravelReader);
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
