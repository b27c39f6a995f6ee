import { describe, expect, it, vi } from "vitest";
import { djangoReader } from "../../../src/frameworks/django/reader.js";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findColumn, findTable, indexesOn } from "../../../src/model/schema.js";
import { filesIn, fixtureContext, inlineContext } from "../fixture-app.js";

// What the reader hands the SQL reader, whatever that reader makes of it.
const sqlCalls = vi.hoisted(() => [] as unknown[][]);
vi.mock("../../../src/sql/read.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../../src/sql/read.js")>();
  return { ...actual, readSqlText: (...args: Parameters<typeof actual.readSqlText>) => (sqlCalls.push(args), actual.readSqlText(...args)) };
});

const context = fixtureContext("django", "postgres");
const paths = [...filesIn("django", "accounts/migrations"), ...filesIn("django", "order/migrations")];

async function shop() {
  const read = await djangoReader.readMigrations(paths, context);
  return { ...read, schema: replayMigrations(emptySchema("postgres"), read.migrations) };
}

describe("Django migrations, replayed", () => {
  it("orders migrations by the dependency graph across apps, as Django's executor plans them", async () => {
    const { migrations } = await shop();
    // Graph.iterative_dfs from the leaf: a migration's dependencies, the greatest first, each before it.
    expect(migrations.map((m) => m.version)).toEqual([
      "accounts.0001_initial",
      "order.0001_initial",
      "order.0002_search_and_constraints",
      "accounts.0002_customer_email_lower_uniq",
      "accounts.0003_customer_name_nullable",
      "order.0003_backfill_and_legacy",
    ]);
  });

  it("names a model Order in app order table order_order, and db_table wins", async () => {
    const { schema } = await shop();
    expect(findTable(schema, "order_order")).toBeDefined();
    expect(findTable(schema, "customers")).toBeDefined();
    expect(findTable(schema, "order_order_tags")!.columns.map((c) => [c.name, c.type?.value, c.nullable?.value])).toEqual([
      ["id", "bigint", false],
      ["order_id", "bigint", false],
      ["tag_id", "bigint", false],
    ]);
  });

  it("reads a column whose NOT NULL a later AlterField dropped as nullable", async () => {
    const { schema } = await shop();
    const name = findColumn(findTable(schema, "customers")!, "name")!;
    expect(name.nullable).toEqual({ value: true, source: { path: "accounts/migrations/0003_customer_name_nullable.py", line: 11, endLine: 15 } });
    expect(name.type?.value).toBe("character varying(120)");
  });

  it("reads a ForeignKey as <name>_id with Django's constraint and index names, and no ON DELETE in the database", async () => {
    const { schema } = await shop();
    const orders = findTable(schema, "order_order")!;
    expect(findColumn(orders, "customer_id")!).toMatchObject({ type: { value: "bigint" }, nullable: { value: false } });
    expect(orders.foreignKeys).toEqual([
      expect.objectContaining({ name: "order_order_customer_id_5bbbd957_fk_customers_id", columns: ["customer_id"], refTable: "customers", refColumns: ["id"], onDelete: "no_action" }),
    ]);
    expect(orders.indexes.map((i) => i.name)).toContain("order_order_customer_id_5bbbd957");
  });

  it("keeps a Python default out of the database, and reads db_default into it", async () => {
    const { schema } = await shop();
    const orders = findTable(schema, "order_order")!;
    expect(findColumn(orders, "status")!.default?.value).toBeNull();
    expect(findColumn(orders, "total")!).toMatchObject({ type: { value: "numeric(12,2)" }, default: { value: { kind: "literal", value: 0 } } });
    expect(findColumn(orders, "label_color")!.type?.value).toBe("character varying(6)");
  });

  it("finds the unique index on lower(email), and the migration that built an index concurrently runs outside a transaction", async () => {
    const { schema, migrations } = await shop();
    const customers = findTable(schema, "customers")!;
    expect(customers.indexes.find((i) => i.name === "customers_email_lower_uniq")).toMatchObject({ unique: true, keys: [{ expression: "lower(email)", columns: ["email"] }] });
    const concurrent = migrations.find((m) => m.version === "accounts.0002_customer_email_lower_uniq")!;
    expect(concurrent).toMatchObject({ transaction: "none", optOut: { path: "accounts/migrations/0002_customer_email_lower_uniq.py", line: 8 } });
    expect(concurrent.up[1]).toMatchObject({ kind: "create_index", concurrently: true, call: "AddIndexConcurrently" });
  });

  it("finds the GIN trigram index over three columns, the partial unique constraint and the composite index with the column second", async () => {
    const { schema } = await shop();
    const orders = findTable(schema, "order_order")!;
    const trgm = orders.indexes.find((i) => i.name === "order_search_trgm")!;
    expect(trgm.method).toBe("gin");
    expect(trgm.keys.map((k) => [k.column, k.opclass])).toEqual([["reference", "gin_trgm_ops"], ["email", "gin_trgm_ops"], ["note", "gin_trgm_ops"]]);
    const partial = orders.indexes.find((i) => i.name === "order_reference_live_uniq")!;
    expect(partial).toMatchObject({ unique: true, where: "deleted_at IS NULL", whereColumns: ["deleted_at"] });
    expect(indexesOn(orders, "deleted_at")).toEqual([]);
    expect(indexesOn(orders, "email").map((i) => i.name)).toEqual(["order_customer_email_idx", "order_search_trgm"]);
    expect(orders.checks).toEqual([expect.objectContaining({ name: "order_total_not_negative", expression: "total >= 0" })]);
  });

  it("adds PostgreSQL's _like index for a unique varchar, and names the column's UNIQUE as PostgreSQL does", async () => {
    const { schema } = await shop();
    const tags = findTable(schema, "order_tag")!;
    expect(tags.uniques).toEqual([expect.objectContaining({ name: "order_tag_name_key", columns: ["name"] })]);
    expect(tags.indexes).toEqual([expect.objectContaining({ name: "order_tag_name_d2fb79f6_like", keys: [{ column: "name", columns: ["name"], opclass: "varchar_pattern_ops" }] })]);
  });

  it("sends RunSQL to the SQL reader, lists RunPython, and runs only the database half of SeparateDatabaseAndState", async () => {
    const { migrations, unreadable, schema } = await shop();
    const last = migrations.find((m) => m.version === "order.0003_backfill_and_legacy")!;
    expect(last.up[0]).toMatchObject({ kind: "raw", call: "RunPython", source: { line: 18 } });
    expect(sqlCalls).toContainEqual([
      "\n                UPDATE order_order\n                SET status = 'cancelled'\n                WHERE deleted_at IS NOT NULL\n            ",
      "postgres",
      { path: "order/migrations/0003_backfill_and_legacy.py", line: 20 },
    ]);
    expect(unreadable).toEqual([{ path: "order/migrations/0003_backfill_and_legacy.py", line: 18, message: expect.stringContaining("RunPython") }]);
    expect(findColumn(findTable(schema, "order_order")!, "legacy_code")).toBeUndefined();
    expect(last.down).toEqual([]);
  });

  it("undoes what Django can reverse by itself", async () => {
    const { migrations } = await shop();
    expect(migrations.find((m) => m.version === "accounts.0003_customer_name_nullable")!.down).toMatchObject([{ kind: "set_nullable", column: "name", nullable: false }]);
  });
});

describe("Django operations", () => {
  async function read(files: Record<string, string>, dialect: "postgres" | "mysql" | "sqlite" = "postgres") {
    const result = await djangoReader.readMigrations(Object.keys(files), inlineContext(files, dialect));
    return { ...result, schema: replayMigrations(emptySchema(dialect), result.migrations) };
  }
  const migration = (dependencies: string, operations: string) =>
    `from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    dependencies = [${dependencies}]\n    operations = [\n${operations}\n    ]\n`;

  it("renames fields and models with their columns and tables, and re-targets unique_together", async () => {
    const { schema } = await read({
      "blog/migrations/0001_initial.py": migration(
        "",
        `        migrations.CreateModel(name="Post", fields=[("id", models.AutoField(primary_key=True)), ("title", models.CharField(max_length=80)), ("slug", models.SlugField())]),
        migrations.AlterUniqueTogether(name="post", unique_together={("title", "slug")}),`,
      ),
      "blog/migrations/0002_rename.py": migration(
        `("blog", "0001_initial")`,
        `        migrations.RenameField(model_name="post", old_name="title", new_name="headline"),
        migrations.RenameModel(old_name="Post", new_name="Article"),
        migrations.AlterUniqueTogether(name="article", unique_together=set()),`,
      ),
    });
    const articles = findTable(schema, "blog_article")!;
    expect(articles.columns.map((c) => c.name)).toEqual(["id", "headline", "slug"]);
    expect(articles.uniques).toEqual([]);
  });

  it("types fields for MySQL and SQLite", async () => {
    const files = { "app/migrations/0001_initial.py": migration("", `        migrations.CreateModel(name="Thing", fields=[("id", models.BigAutoField(primary_key=True)), ("flag", models.BooleanField(default=False)), ("at", models.DateTimeField()), ("body", models.TextField())]),`) };
    const types = async (dialect: "mysql" | "sqlite") => findTable((await read(files, dialect)).schema, "app_thing")!.columns.map((c) => c.type?.value);
    expect(await types("mysql")).toEqual(["bigint", "tinyint(1)", "datetime(6)", "longtext"]);
    expect(await types("sqlite")).toEqual(["integer", "bool", "datetime", "text"]);
  });

  it("lists an operation on a model the migrations never created", async () => {
    const { unreadable } = await read({ "app/migrations/0001_x.py": migration("", `        migrations.AddField(model_name="ghost", name="x", field=models.IntegerField()),`) });
    expect(unreadable).toEqual([{ path: "app/migrations/0001_x.py", line: 6, message: expect.stringContaining("model not created by the migrations read") }]);
  });
});
