import { describe, expect, it } from "vitest";
import { laravelReader } from "../../../src/frameworks/laravel/reader.js";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findColumn, findTable, indexesOn, type SqlDialect } from "../../../src/model/schema.js";
import { filesIn, fixtureContext, inlineContext } from "../fixture-app.js";

async function bookshop(dialect: SqlDialect = "mysql") {
  const read = await laravelReader.readMigrations(filesIn("laravel", "database/migrations"), fixtureContext("laravel", dialect));
  return { ...read, schema: replayMigrations(emptySchema(dialect), read.migrations) };
}

describe("Laravel migrations, replayed", () => {
  it("reads columns as NOT NULL unless nullable(), with Laravel's types for MySQL", async () => {
    const { schema } = await bookshop();
    const users = findTable(schema, "users")!;
    expect(users.columns.map((c) => [c.name, c.type?.value, c.nullable?.value])).toEqual([
      ["id", "bigint unsigned", false],
      ["name", "varchar(120)", true],
      ["email", "varchar(255)", false],
      ["handle", "varchar(40)", true],
      ["is_admin", "tinyint(1)", false],
      ["email_verified_at", "timestamp", true],
      ["remember_token", "varchar(100)", true],
      ["created_at", "timestamp", true],
      ["updated_at", "timestamp", true],
    ]);
    expect(findColumn(users, "id")!.identity?.value).toBe("auto_increment");
    expect(findColumn(users, "is_admin")!.default?.value).toEqual({ kind: "literal", value: false });
  });

  it("reads ->change() as the whole column restated: nullable() now, the new length", async () => {
    const { schema } = await bookshop();
    const name = findColumn(findTable(schema, "users")!, "name")!;
    expect(name).toMatchObject({ type: { value: "varchar(120)" }, nullable: { value: true, source: { path: "database/migrations/2024_03_05_120000_relax_users_name.php", line: 13 } } });
  });

  it("names unique, index and foreign keys as Laravel does, the foreign key from foreignId()->constrained() over several lines", async () => {
    const { schema } = await bookshop();
    const books = findTable(schema, "books")!;
    expect(books.foreignKeys).toEqual([expect.objectContaining({ name: "books_author_id_foreign", columns: ["author_id"], refTable: "users", refColumns: ["id"], onDelete: "cascade", source: expect.objectContaining({ line: 13, endLine: 15 }) })]);
    expect(findTable(schema, "users")!.indexes.map((i) => [i.name, i.unique])).toEqual([["users_email_unique", true], ["users_lower_email_index", false]]);
    expect(indexesOn(books, "slug").map((i) => i.name)).toEqual(["books_author_slug_index", "books_slug_unique"]);
    expect(books.indexes.map((i) => i.name)).not.toContain("books_title_index");
    expect(findColumn(books, "deleted_at")!.nullable?.value).toBe(true);
    expect(findColumn(books, "isbn")!).toMatchObject({ type: { value: "varchar(13)" }, nullable: { value: true } });
  });

  it("reads PostgreSQL's types and its unique constraint", async () => {
    const { schema } = await bookshop("postgres");
    const users = findTable(schema, "users")!;
    expect(findColumn(users, "email_verified_at")!.type?.value).toBe("timestamp(0) without time zone");
    expect(findColumn(users, "id")!.default?.value).toEqual({ kind: "expression", sql: "nextval('users_id_seq'::regclass)" });
    expect(users.uniques).toEqual([expect.objectContaining({ name: "users_email_unique", columns: ["email"] })]);
    expect(findColumn(findTable(schema, "books")!, "price")!.type?.value).toBe("numeric(8,2)");
  });

  it("hands DB::statement to the SQL reader and lists DB::table queries and the guard", async () => {
    const { schema, unreadable } = await bookshop();
    expect(findTable(schema, "users")!.indexes.find((i) => i.name === "users_lower_email_index")).toMatchObject({ keys: [{ expression: "lower(`email`)" }] });
    expect(unreadable).toEqual([
      { path: "database/migrations/2024_03_05_120000_relax_users_name.php", line: 19, message: expect.stringContaining("a query PHP runs at migration time") },
    ]);
  });
});

describe("Laravel code shapes", () => {
  it("reads $withinTransaction = false as running outside a transaction, and a Blueprint closure kept in a variable", async () => {
    const path = "database/migrations/2024_05_01_000000_x.php";
    const text = `<?php
return new class extends Migration {
    public $withinTransaction = false;
    public function up(): void
    {
        $add = function (Blueprint $table) {
            $table->text('description_html');
        };
        Schema::table('books', $add);
        Schema::table('chapters', $add);
    }
};`;
    const { migrations, unreadable } = await laravelReader.readMigrations([path], inlineContext({ [path]: text }, "mysql"));
    expect(migrations[0]).toMatchObject({ transaction: "none", optOut: { path, line: 3 }, version: "2024_05_01_000000" });
    expect(migrations[0]!.up.map((op) => op.kind === "add_column" && `${op.table}.${op.column.name}`)).toEqual(["books.description_html", "chapters.description_html"]);
    expect(unreadable).toEqual([]);
  });
});
