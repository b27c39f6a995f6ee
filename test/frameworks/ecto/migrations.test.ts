import { describe, expect, it } from "vitest";
import { ectoReader } from "../../../src/frameworks/ecto/reader.js";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findColumn, findTable, indexesOn } from "../../../src/model/schema.js";
import { filesIn, fixtureContext, inlineContext } from "../fixture-app.js";

const context = fixtureContext("ecto", "postgres");
const file = (name: string) => `priv/repo/migrations/${name}.exs`;

async function shop() {
  const read = await ectoReader.readMigrations(filesIn("ecto", "priv/repo/migrations"), context);
  return { ...read, schema: replayMigrations(emptySchema("postgres"), read.migrations) };
}

describe("Ecto migrations, replayed", () => {
  it("reads add with and without parentheses, NOT NULL only where null: false", async () => {
    const { schema } = await shop();
    const sites = findTable(schema, "sites")!;
    expect(findColumn(sites, "domain")!).toMatchObject({ type: { value: "character varying(255)" }, nullable: { value: false }, source: { path: file("20240301090000_create_sites"), line: 7 } });
    expect(findColumn(sites, "deleted_at")!).toMatchObject({ type: { value: "timestamp(0) without time zone" }, nullable: { value: true } });
    expect(findColumn(sites, "id")!).toMatchObject({ type: { value: "uuid" }, nullable: { value: false } });
  });

  it("reads a column whose NOT NULL a later modify (through a private helper and a for) dropped as nullable", async () => {
    const { schema, unreadable } = await shop();
    const name = findColumn(findTable(schema, "users")!, "name")!;
    expect(name.nullable).toEqual({ value: true, source: { path: file("20240326093000_relax_users_name"), line: 7 } });
    expect(unreadable).toEqual([]);
  });

  it("gives create table the configured timestamps and Ecto's bigserial key", async () => {
    const { schema } = await shop();
    const users = findTable(schema, "users")!;
    expect(findColumn(users, "inserted_at")!).toMatchObject({ type: { value: "timestamp without time zone" }, nullable: { value: false } });
    expect(findColumn(findTable(schema, "sites")!, "inserted_at")!.type?.value).toBe("timestamp(0) without time zone");
    expect(findColumn(users, "id")!).toMatchObject({ type: { value: "bigint" }, default: { value: { kind: "expression", sql: "nextval('users_id_seq'::regclass)" } } });
    expect(findColumn(users, "role")!.default?.value).toEqual({ kind: "literal", value: "member" });
  });

  it("finds the unique lower(email) index built concurrently outside the transaction", async () => {
    const { schema, migrations } = await shop();
    expect(findTable(schema, "users")!.indexes.find((i) => i.name === "users_lower_email_index")).toMatchObject({ unique: true, keys: [{ expression: "lower(email)", columns: ["email"] }] });
    const migration = migrations.find((m) => m.version === "20240216140000")!;
    expect(migration).toMatchObject({ transaction: "none", optOut: { path: file("20240216140000_add_lower_email_index"), line: 3 } });
    expect(migration.up[0]).toMatchObject({ kind: "create_index", concurrently: true });
  });

  it("reads unique_index(:sites, :domain) as on (domain), the partial unique index, and the composite with the column second", async () => {
    const { schema } = await shop();
    const sites = findTable(schema, "sites")!;
    expect(sites.indexes.find((i) => i.name === "sites_domain_index")).toMatchObject({ unique: true, keys: [{ column: "domain", columns: ["domain"] }] });
    expect(sites.indexes.find((i) => i.name === "sites_owner_title_live_index")).toBeUndefined();
    expect(indexesOn(findTable(schema, "users")!, "email").map((i) => i.name)).toEqual(["users_role_email_index", "users_lower_email_index"]);
  });

  it("keeps a partial index until its column is removed, and the column only in its WHERE is not indexed", async () => {
    const read = await ectoReader.readMigrations(filesIn("ecto", "priv/repo/migrations").slice(0, 3), context);
    const sites = findTable(replayMigrations(emptySchema("postgres"), read.migrations), "sites")!;
    expect(sites.indexes.find((i) => i.name === "sites_owner_title_live_index")).toMatchObject({ unique: true, where: "deleted_at IS NULL", whereColumns: ["deleted_at"] });
    expect(indexesOn(sites, "deleted_at")).toEqual([]);
    // The GIN trigram index comes from execute's SQL, read by the SQL reader.
    expect(sites.indexes.find((i) => i.name === "sites_search_trgm_index")).toMatchObject({ method: "gin", keys: [{ column: "domain", opclass: "gin_trgm_ops" }, { column: "title", opclass: "gin_trgm_ops" }] });
  });

  it("reads references as a foreign key <table>_<column>_fkey with its ON DELETE, the column typed by the key", async () => {
    const { schema } = await shop();
    const sites = findTable(schema, "sites")!;
    expect(findColumn(sites, "owner_id")!).toMatchObject({ type: { value: "bigint" }, nullable: { value: false } });
    expect(sites.foreignKeys).toEqual([expect.objectContaining({ name: "sites_owner_id_fkey", refTable: "users", refColumns: ["id"], onDelete: "cascade" })]);
    expect(sites.checks).toEqual([expect.objectContaining({ name: "domain_lowercase", expression: "domain = lower(domain)" })]);
    expect(findColumn(sites, "notes")!).toMatchObject({ type: { value: "text[]" }, default: { value: { kind: "literal", value: "{}" } } });
    expect(findColumn(findTable(schema, "users")!, "about")).toBeDefined();
  });

  it("undoes change: modify with from:, remove with its type, execute/2's second statement", async () => {
    const { migrations } = await shop();
    const relax = migrations.find((m) => m.version === "20240326093000")!;
    expect(relax.down?.map((op) => op.kind)).toEqual(["rename_column", "drop_constraint", "drop_column", "add_column", "change_type", "set_nullable"]);
    expect(relax.down?.at(-1)).toMatchObject({ column: "name", nullable: false });
    expect(migrations.find((m) => m.version === "20240301090000")!.down?.[0]).toMatchObject({ kind: "drop_index", name: "sites_search_trgm_index" });
  });
});

describe("Ecto code shapes", () => {
  it("lists what the reader cannot type and reads a down that raises as irreversible", async () => {
    const path = "priv/repo/migrations/20240101000000_x.exs";
    const text = `defmodule X do
  use Ecto.Migration

  def up do
    execute(fn -> repo().query!("UPDATE users SET x = 1") end)
    alter table(:users), do: add(:x, :integer)
  end

  def down, do: raise "irreversible"
end`;
    const { migrations, unreadable } = await ectoReader.readMigrations([path], inlineContext({ [path]: text }, "postgres"));
    expect(unreadable).toEqual([{ path, line: 5, message: expect.stringContaining("SQL built at run time") }]);
    expect(migrations[0]!.down).toBeNull();
  });
});
