import { describe, expect, it, vi } from "vitest";
import { railsReader } from "../../../src/frameworks/rails/reader.js";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findColumn, findTable, indexesOn, type Schema } from "../../../src/model/schema.js";
import type { Migration } from "../../../src/model/operations.js";
import { filesIn, fixtureContext, inlineContext } from "../fixture-app.js";

// What the reader hands the SQL reader, whatever that reader makes of it.
const sqlCalls = vi.hoisted(() => [] as unknown[][]);
vi.mock("../../../src/sql/read.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../../src/sql/read.js")>();
  return { ...actual, readSqlText: (...args: Parameters<typeof actual.readSqlText>) => (sqlCalls.push(args), actual.readSqlText(...args)) };
});

const context = fixtureContext("rails", "postgres");

async function store(): Promise<{ migrations: Migration[]; schema: Schema; unreadable: { path: string; line?: number; message: string }[] }> {
  const read = await railsReader.readMigrations(filesIn("rails", "db/migrate"), context);
  return { ...read, schema: replayMigrations(emptySchema("postgres"), read.migrations) };
}

const file = (name: string) => `db/migrate/${name}.rb`;

describe("Rails migrations, replayed", () => {
  it("orders migrations by version and reads each Migration[x.y] class", async () => {
    const { migrations } = await store();
    expect(migrations.map((m) => m.version)).toEqual([
      "20210304101500", "20230105100000", "20230110120000", "20230201090000", "20230215100000", "20230301000000",
      "20230320083000", "20230412140000", "20230413090000", "20230501120000", "20230602110000", "20230710150000",
    ]);
    expect(migrations.every((m) => m.framework === "rails")).toBe(true);
  });

  it("reads a column whose NOT NULL a later migration dropped as nullable, citing that migration", async () => {
    const { schema } = await store();
    const name = findColumn(findTable(schema, "users")!, "name")!;
    expect(name.nullable).toEqual({ value: true, source: { path: file("20230320083000_make_users_name_optional"), line: 3 } });
    expect(name.type?.value).toBe("character varying");
  });

  it("finds the unique index on lower(email), built concurrently outside the transaction", async () => {
    const { schema, migrations } = await store();
    const users = findTable(schema, "users")!;
    const lower = users.indexes.find((i) => i.name === "index_users_on_lower_email")!;
    expect(lower).toMatchObject({ unique: true, keys: [{ expression: "lower(email)", columns: ["email"] }] });
    expect(lower.source).toEqual({ path: file("20230110120000_add_lower_email_index_to_users"), line: 5, endLine: 9 });
    const migration = migrations.find((m) => m.version === "20230110120000")!;
    expect(migration.transaction).toBe("none");
    expect(migration.optOut).toEqual({ path: file("20230110120000_add_lower_email_index_to_users"), line: 2 });
    expect(migration.up[0]).toMatchObject({ kind: "create_index", concurrently: true, call: "add_index" });
  });

  it("finds the GIN trigram index over three columns with its operator class", async () => {
    const { schema } = await store();
    const products = findTable(schema, "products")!;
    const search = products.indexes.find((i) => i.name === "index_products_on_search_trgm")!;
    expect(search.method).toBe("gin");
    expect(search.keys).toEqual(["title", "sku", "description"].map((c) => ({ column: c, columns: [c], opclass: "gin_trgm_ops" })));
    expect(indexesOn(products, "description")).toContain(search);
  });

  it("finds a partial unique index, and a column named only in its WHERE is not indexed by it", async () => {
    const { schema } = await store();
    const products = findTable(schema, "products")!;
    const partial = products.indexes.find((i) => i.name === "index_products_on_account_id_and_sku")!;
    expect(partial).toMatchObject({ unique: true, where: "deleted_at IS NULL", whereColumns: ["deleted_at"] });
    expect(indexesOn(products, "deleted_at")).toEqual([]);
    expect(indexesOn(products, "sku")).toContain(partial);
  });

  it("finds a composite index where the column is second", async () => {
    const { schema } = await store();
    const names = indexesOn(findTable(schema, "users")!, "email").map((i) => i.name);
    expect(names).toEqual(["index_users_on_account_id_and_email", "index_users_on_lower_email"]);
  });

  it("does not read a call that a comment mentions", async () => {
    const { migrations } = await store();
    const createUsers = migrations.find((m) => m.version === "20230105100000")!;
    expect(createUsers.up.filter((op) => op.kind === "create_index").map((op) => op.kind === "create_index" && op.index.name)).toEqual([
      "index_users_on_account_id",
      "index_users_on_account_id_and_email",
    ]);
  });

  it("types columns by the migration's Rails version: datetime precision 6 from 7.0, none in 6.1", async () => {
    const { schema } = await store();
    const accounts = findTable(schema, "accounts")!;
    expect(findColumn(accounts, "trial_ends_at")!.type?.value).toBe("timestamp without time zone");
    expect(findColumn(accounts, "created_at")!.type?.value).toBe("timestamp(6) without time zone");
    expect(findColumn(findTable(schema, "users")!, "deleted_at")!.type?.value).toBe("timestamp(6) without time zone");
    expect(findColumn(accounts, "id")!).toMatchObject({ type: { value: "bigint" }, nullable: { value: false } });
    expect(findColumn(accounts, "id")!.default?.value).toEqual({ kind: "expression", sql: "nextval('accounts_id_seq'::regclass)" });
  });

  it("reads defaults: literals typed by the column, JSON and array literals, and none where none is given", async () => {
    const { schema } = await store();
    const products = findTable(schema, "products")!;
    expect(findColumn(products, "price")!.default?.value).toEqual({ kind: "literal", value: "0.0" });
    expect(findColumn(products, "metadata")!.default?.value).toEqual({ kind: "literal", value: "{}" });
    expect(findColumn(products, "tags")!).toMatchObject({ type: { value: "character varying[]" }, default: { value: { kind: "literal", value: "{}" } } });
    expect(findColumn(products, "sku")!.default?.value).toBeNull();
    expect(findColumn(findTable(schema, "accounts")!, "plan")!.default?.value).toEqual({ kind: "literal", value: "starter" });
  });

  it("reads references: the column, its index and a foreign key to the plural table with its ON DELETE", async () => {
    const { schema } = await store();
    const products = findTable(schema, "products")!;
    expect(findColumn(products, "account_id")!).toMatchObject({ type: { value: "bigint" }, nullable: { value: false } });
    expect(products.indexes.map((i) => i.name)).toContain("index_products_on_account_id");
    expect(products.foreignKeys).toEqual([
      expect.objectContaining({ columns: ["account_id"], refTable: "accounts", refColumns: ["id"], onDelete: "cascade", name: "fk_rails_6dc06b37ef" }),
    ]);
  });

  it("adds a multi-line foreign key and check NOT VALID, then validates them", async () => {
    const { migrations, schema } = await store();
    const create = migrations.find((m) => m.version === "20230412140000")!;
    const fk = create.up.find((op) => op.kind === "add_constraint" && op.constraint.kind === "foreign_key")!;
    expect(fk).toMatchObject({ notValid: true, source: { line: 11, endLine: 14 }, constraint: { onDelete: "set_null", columns: ["user_id"] } });
    const orders = findTable(schema, "orders")!;
    expect(orders.foreignKeys[0]!.validated).toBe(true);
    expect(orders.checks).toEqual([expect.objectContaining({ name: "orders_quantity_positive", expression: "quantity > 0", columns: ["quantity"], validated: true })]);
  });

  it("sends execute's heredoc to the SQL reader from its first line, and lists Ruby data changes as unreadable", async () => {
    const { migrations, unreadable } = await store();
    const backfill = migrations.find((m) => m.version === "20230501120000")!;
    expect(sqlCalls).toContainEqual(["UPDATE orders\nSET total_cents = quantity * 100\nWHERE total_cents IS NULL\n", "postgres", { path: file("20230501120000_backfill_order_totals"), line: 7 }]);
    const raw = backfill.up.filter((op) => op.kind === "raw" && op.call === "update_all");
    expect(raw).toMatchObject([{ reason: "Ruby code the reader does not type", source: { line: 13 } }]);
    expect(unreadable).toContainEqual({ path: file("20230501120000_backfill_order_totals"), line: 13, message: expect.stringContaining("Order.where(status: nil)") });
    // change_column_null's fourth argument fills the NULLs first.
    expect(backfill.up.slice(-2)).toMatchObject([
      { kind: "update", table: "orders", set: [{ column: "total_cents", sql: "0" }], where: "total_cents IS NULL" },
      { kind: "set_nullable", column: "total_cents", nullable: false },
    ]);
    expect(backfill.down).toMatchObject([{ kind: "drop_column", table: "orders", column: "total_cents" }]);
  });

  it("renames a column with its conventionally named index, and takes reversible's dir.up", async () => {
    const { schema, migrations } = await store();
    const orders = findTable(schema, "orders")!;
    expect(orders.indexes.map((i) => i.name)).toContain("index_orders_on_state");
    expect(findColumn(orders, "quantity")!.type?.value).toBe("bigint");
    const rename = migrations.find((m) => m.version === "20230602110000")!;
    expect(rename.down).toMatchObject([
      { kind: "change_type", type: "integer" },
      { kind: "rename_column", column: "state", to: "status" },
      { kind: "drop_index", name: "index_orders_on_status" },
    ]);
  });

  it("undoes change by inverting it, and knows what cannot be undone", async () => {
    const { migrations } = await store();
    const byVersion = (v: string) => migrations.find((m) => m.version === v)!;
    expect(byVersion("20230105100000").down?.map((op) => op.kind)).toEqual(["drop_index", "drop_table"]);
    expect(byVersion("20230320083000").down).toMatchObject([
      { kind: "set_default", table: "accounts", column: "plan", default: { kind: "literal", value: "free" } },
      { kind: "set_nullable", table: "users", column: "name", nullable: false },
    ]);
    // remove_column without its type cannot be rolled back.
    expect(byVersion("20230710150000").down).toBeNull();
  });

  it("reads every migration of the fixture without leaving any out", async () => {
    const { unreadable } = await store();
    expect(unreadable.map((u) => u.line)).toEqual([13]);
  });
});

describe("Rails migration code shapes", () => {
  async function read(source: string, dialect: "postgres" | "mysql" | "sqlite" = "postgres") {
    const path = "db/migrate/20240101000000_x.rb";
    const result = await railsReader.readMigrations([path], inlineContext({ [path]: source }, dialect));
    return { ...result, migration: result.migrations[0]! };
  }

  it("reads the types each adapter creates", async () => {
    const source = `class X < ActiveRecord::Migration[7.1]
  def change
    create_table :t do |t|
      t.string :a
      t.string :b, limit: 40
      t.datetime :c
      t.boolean :d
      t.integer :e, limit: 8
      t.decimal :f, precision: 8, scale: 2
      t.text :g
      t.float :h
    end
  end
end`;
    const types = async (dialect: "postgres" | "mysql" | "sqlite") => {
      const { migration } = await read(source, dialect);
      const op = migration.up[0]!;
      return op.kind === "create_table" ? op.columns.map((c) => c.type) : [];
    };
    expect(await types("postgres")).toEqual(["bigint", "character varying", "character varying(40)", "timestamp(6) without time zone", "boolean", "bigint", "numeric(8,2)", "text", "double precision"]);
    expect(await types("mysql")).toEqual(["bigint", "varchar(255)", "varchar(40)", "datetime(6)", "tinyint(1)", "bigint", "decimal(8,2)", "text", "float"]);
    expect(await types("sqlite")).toEqual(["integer", "varchar", "varchar(40)", "datetime(6)", "boolean", "integer(8)", "decimal(8,2)", "text", "float"]);
  });

  it("leaves types unknown without a dialect, and nullability known", async () => {
    const path = "db/migrate/1_x.rb";
    const { migrations } = await railsReader.readMigrations([path], inlineContext({ [path]: "class X < ActiveRecord::Migration[7.1]\n  def change\n    add_column :users, :bio, :text, null: false\n  end\nend" }, null));
    expect(migrations[0]!.up[0]).toMatchObject({ kind: "add_column", column: { name: "bio", type: null, nullable: false } });
  });

  it("reads Migration[5.0] keys as integers and old up/down class methods", async () => {
    const { migration } = await read(`class CreatePosts < ActiveRecord::Migration[5.0]
  def self.up
    create_table :posts do |t|
      t.references :author
      t.timestamps
    end
  end

  def self.down
    drop_table :posts
  end
end`);
    const create = migration.up[0]!;
    expect(create.kind === "create_table" && create.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([
      ["id", "integer", false],
      ["author_id", "integer", true],
      ["created_at", "timestamp without time zone", false],
      ["updated_at", "timestamp without time zone", false],
    ]);
    expect(migration.down).toMatchObject([{ kind: "drop_table", table: "posts" }]);
  });

  it("reads change_table's t. calls as the commands they stand for", async () => {
    const { migration } = await read(`class ChangeUsers < ActiveRecord::Migration[7.1]
  def change
    change_table :users, bulk: true do |t|
      t.string :nickname, index: { unique: true }
      t.remove :legacy_flag, type: :boolean
      t.rename :email, :email_address
      t.change_default :role, from: nil, to: "member"
    end
  end
end`);
    expect(migration.up.map((op) => op.kind)).toEqual(["add_column", "create_index", "drop_column", "rename_column", "set_default"]);
    expect(migration.up[1]).toMatchObject({ index: { name: "index_users_on_nickname", unique: true } });
    expect(migration.down?.map((op) => op.kind)).toEqual(["set_default", "rename_column", "add_column", "drop_index", "drop_column"]);
  });

  it("takes the branch the adapter decides and lists a condition it cannot decide", async () => {
    const { migration, unreadable } = await read(`class X < ActiveRecord::Migration[7.1]
  def up
    if connection.adapter_name == "PostgreSQL"
      add_index :users, :email, using: :hash
    else
      add_index :users, :email
    end
    add_column :users, :x, :string if ENV["WITH_X"]
  end
end`);
    expect(migration.up).toMatchObject([{ kind: "create_index", index: { method: "hash" } }, { kind: "add_column" }]);
    expect(unreadable).toEqual([{ path: "db/migrate/20240101000000_x.rb", line: 8, message: 'replayed as if this condition holds: ENV["WITH_X"]' }]);
  });

  it("reads a polymorphic reference with Rails 6.1+ index naming, and remove_index by column", async () => {
    const { migration } = await read(`class X < ActiveRecord::Migration[7.1]
  def change
    add_reference :comments, :commentable, polymorphic: true, null: false
    remove_index :comments, column: :legacy_id
  end
end`);
    expect(migration.up).toMatchObject([
      { kind: "add_column", column: { name: "commentable_id", type: "bigint", nullable: false } },
      { kind: "add_column", column: { name: "commentable_type", type: "character varying", nullable: false } },
      { kind: "create_index", index: { name: "index_comments_on_commentable", keys: [{ column: "commentable_type" }, { column: "commentable_id" }] } },
      { kind: "drop_index", name: "index_comments_on_legacy_id", columns: ["legacy_id"] },
    ]);
  });

  it("reports a file without a migration class", async () => {
    const { migrations, unreadable } = await read("puts 'hello'");
    expect(migrations).toEqual([]);
    expect(unreadable).toEqual([{ path: "db/migrate/20240101000000_x.rb", message: "no class inheriting ActiveRecord::Migration" }]);
  });
});
