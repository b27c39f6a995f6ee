import { describe, expect, it } from "vitest";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findColumn, findTable, indexesOn } from "../../../src/model/schema.js";
import type { Migration } from "../../../src/model/operations.js";
import { readSqlText } from "../../../src/sql/read.js";

const at = (path: string, line = 1) => ({ path, line });

async function migration(path: string, sql: string): Promise<Migration> {
  const { operations } = await readSqlText(sql, "postgres", at(path));
  return { path, framework: "sql", version: null, transaction: "wrapped", up: operations, down: null };
}

describe("PostgreSQL reader", () => {
  it("cites each statement's own line, offset by where the text starts in its file", async () => {
    const sql = "-- users\nCREATE TABLE users (id bigint);\n\n\nALTER TABLE users\n  ADD COLUMN email text;";
    const { operations } = await readSqlText(sql, "postgres", at("db/structure.sql", 10));
    expect(operations.map((op) => op.source)).toEqual([
      { path: "db/structure.sql", line: 11 },
      { path: "db/structure.sql", line: 14, endLine: 15 },
    ]);
    expect(operations.map((op) => op.call)).toEqual(["CREATE TABLE", "ALTER TABLE"]);
  });

  it("keeps the statements it can read when one is refused, and lists the refused one as raw and unreadable", async () => {
    const sql = "CREATE TABLE a (id int);\nCREATE TABLE b (id int) WITH SYSTEM VERSIONING;\nDROP TABLE a;";
    const read = await readSqlText(sql, "postgres", at("m.sql"));
    expect(read.operations.map((op) => op.kind)).toEqual(["create_table", "raw", "drop_table"]);
    expect(read.unreadable).toEqual([{ path: "m.sql", line: 2, message: expect.stringContaining("PostgreSQL's parser refused") }]);
  });

  it("reads a statement it has no kind for as raw with a reason, and not as unreadable", async () => {
    const read = await readSqlText("CREATE EXTENSION IF NOT EXISTS pg_trgm;", "postgres", at("m.sql"));
    expect(read.operations).toEqual([expect.objectContaining({ kind: "raw", reason: "CREATE EXTENSION is not modelled" })]);
    expect(read.unreadable).toEqual([]);
  });

  it("spells types as PostgreSQL does, keeps serial, and types literal defaults by the column", async () => {
    const { operations } = await readSqlText(
      "CREATE TABLE t (id serial PRIMARY KEY, n int DEFAULT '0', ok bool DEFAULT 'f', s varchar(20) DEFAULT 'x'::character varying, at timestamptz DEFAULT now(), d timestamp(6))",
      "postgres",
      at("m.sql"),
    );
    const op = operations[0]!;
    if (op.kind !== "create_table") throw new Error(op.kind);
    expect(op.columns.map((c) => [c.name, c.type, c.nullable, c.default])).toEqual([
      ["id", "serial", false, undefined],
      ["n", "integer", true, { kind: "literal", value: 0 }],
      ["ok", "boolean", true, { kind: "literal", value: false }],
      ["s", "character varying(20)", true, { kind: "literal", value: "x" }],
      ["at", "timestamp with time zone", true, { kind: "expression", sql: "now()" }],
      ["d", "timestamp(6) without time zone", true, null],
    ]);
  });
});

describe("PostgreSQL migrations replayed (model.md, where it must be right)", () => {
  const files = async () =>
    replayMigrations(emptySchema("postgres"), [
      await migration(
        "migrations/001_users.up.sql",
        `CREATE TABLE users (
  id bigserial PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs (id),
  email text NOT NULL,
  first_name text,
  last_name text,
  deleted_at timestamptz
);
CREATE UNIQUE INDEX users_lower_email ON users (lower(email));
CREATE INDEX users_name_trgm ON users USING gin (first_name gin_trgm_ops, last_name gin_trgm_ops, email gin_trgm_ops);
CREATE UNIQUE INDEX users_active_email ON users (email) WHERE deleted_at IS NULL;
CREATE INDEX users_org_created ON users (org_id, first_name);`,
      ),
      await migration("migrations/002_email_optional.up.sql", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;"),
    ]);

  it("reads a column whose NOT NULL a later migration dropped as nullable, citing that migration", async () => {
    const email = findColumn(findTable(await files(), "users")!, "email")!;
    expect(email.nullable).toEqual({ value: true, source: { path: "migrations/002_email_optional.up.sql", line: 1 } });
  });

  it("finds UNIQUE (lower(email)), the GIN trigram index over three columns, the partial unique index, with their keys", async () => {
    const users = findTable(await files(), "users")!;
    expect(indexesOn(users, "email").map((i) => i.name)).toEqual(["users_lower_email", "users_name_trgm", "users_active_email"]);
    const [lower, trgm, partial] = indexesOn(users, "email");
    expect(lower!.keys).toEqual([{ expression: "lower(email)", columns: ["email"] }]);
    expect(lower!.unique).toBe(true);
    expect(trgm!.method).toBe("gin");
    expect(trgm!.keys.map((k) => [k.column, k.opclass])).toEqual([["first_name", "gin_trgm_ops"], ["last_name", "gin_trgm_ops"], ["email", "gin_trgm_ops"]]);
    expect(partial!.where).toBe("deleted_at IS NULL");
    expect(partial!.whereColumns).toEqual(["deleted_at"]);
  });

  it("finds a composite index where the column is second, and does not count a column only in a partial index's WHERE as indexed", async () => {
    const users = findTable(await files(), "users")!;
    expect(indexesOn(users, "first_name").map((i) => i.name)).toEqual(["users_name_trgm", "users_org_created"]);
    expect(indexesOn(users, "deleted_at")).toEqual([]);
  });
});
