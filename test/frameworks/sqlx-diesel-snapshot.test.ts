import { describe, expect, it } from "vitest";
import { dieselReader } from "../../src/frameworks/diesel/reader.js";
import type { ReadContext } from "../../src/frameworks/reader.js";
import { sqlxReader } from "../../src/frameworks/sqlx/reader.js";
import { findColumn, findTable, indexesOn } from "../../src/model/schema.js";
import { readSqlSnapshot } from "../../src/sql/snapshot.js";

function files(map: Record<string, string>): ReadContext {
  return {
    dialect: "postgres",
    readText: async (path) => {
      if (!(path in map)) throw new Error(`no such file: ${path}`);
      return map[path]!;
    },
  };
}

describe("sqlx and diesel readers", () => {
  it("sqlx: a reversible pair reads both ways; `-- no-transaction` on the first line runs outside a transaction", async () => {
    const ctx = files({
      "migrations/20240101000000_users.up.sql": "CREATE TABLE users (id bigint PRIMARY KEY);",
      "migrations/20240101000000_users.down.sql": "DROP TABLE users;",
      "migrations/20240201000000_idx.sql": "-- no-transaction\nCREATE INDEX CONCURRENTLY users_id ON users (id);",
    });
    const { migrations } = await sqlxReader.readMigrations(["migrations/20240101000000_users.up.sql", "migrations/20240101000000_users.down.sql", "migrations/20240201000000_idx.sql"], ctx);
    expect(migrations.map((m) => [m.version, m.transaction, m.up.map((o) => o.kind), m.down?.map((o) => o.kind) ?? null])).toEqual([
      ["20240101000000", "wrapped", ["create_table"], ["drop_table"]],
      ["20240201000000", "none", ["create_index"], null],
    ]);
  });

  it("diesel: up.sql and down.sql per folder; run_in_transaction = false in metadata.toml opts out", async () => {
    const ctx = files({
      "migrations/2024-01-01-000000_users/up.sql": "CREATE TABLE users (id serial PRIMARY KEY);",
      "migrations/2024-01-01-000000_users/down.sql": "DROP TABLE users;",
      "migrations/2024-02-01-000000_idx/up.sql": "CREATE INDEX CONCURRENTLY users_id ON users (id);",
      "migrations/2024-02-01-000000_idx/metadata.toml": "run_in_transaction = false\n",
    });
    const { migrations } = await dieselReader.readMigrations(["migrations/2024-01-01-000000_users/up.sql", "migrations/2024-02-01-000000_idx/up.sql"], ctx);
    expect(migrations.map((m) => [m.transaction, m.optOut ?? null, m.down?.length ?? null])).toEqual([
      ["wrapped", null, 1],
      ["none", { path: "migrations/2024-02-01-000000_idx/metadata.toml", line: 1 }, null],
    ]);
  });
});

describe("structure.sql snapshot", () => {
  it("reads pg_dump's separate sequence default, primary key and index statements into one table", async () => {
    const ctx = files({
      "db/structure.sql": `SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.users (
    id bigint NOT NULL,
    email character varying NOT NULL,
    created_at timestamp(6) without time zone NOT NULL
);
CREATE SEQUENCE public.users_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;
ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);
ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);
CREATE UNIQUE INDEX index_users_on_lower_email ON public.users USING btree (lower((email)::text));
INSERT INTO "schema_migrations" (version) VALUES ('20240101120000');
`,
    });
    const snapshot = (await readSqlSnapshot(["db/structure.sql"], ctx))!;
    expect(snapshot.unreadable).toEqual([]);
    const users = findTable(snapshot.schema, "users")!;
    expect(findColumn(users, "id")!.default).toEqual({ value: { kind: "expression", sql: "nextval(CAST('public.users_id_seq' AS regclass))" }, source: { path: "db/structure.sql", line: 10 } });
    expect(users.primaryKey).toMatchObject({ name: "users_pkey", columns: ["id"], source: { line: 11 } });
    expect(indexesOn(users, "email")).toMatchObject([{ name: "index_users_on_lower_email", unique: true, keys: [{ columns: ["email"] }] }]);
  });
});
