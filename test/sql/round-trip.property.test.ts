import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ColumnSpec, Operation } from "../../src/model/operations.js";
import type { SqlDialect } from "../../src/model/schema.js";
import { readSqlText } from "../../src/sql/read.js";
import { renderOperation } from "../../src/sql/render/operation.js";
import type { Body } from "./round-trip-cases.js";

const at = { path: "m.sql", line: 1 };

/** Names a database folds or refuses unquoted sit beside plain ones: reserved words, capitals, spaces, quotes. */
const name = fc.oneof(
  fc.constantFrom("order", "user", "group", "select", "User", "createdAt", "from", "key", "check", "index", "table", "values"),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _]{0,10}[a-z]$/),
);

const TYPES: Record<SqlDialect, { type: string; literal: fc.Arbitrary<string | number | boolean> }[]> = {
  postgres: [
    { type: "integer", literal: fc.integer({ min: -1000, max: 1000 }) },
    { type: "bigint", literal: fc.integer() },
    { type: "boolean", literal: fc.boolean() },
    { type: "text", literal: fc.string({ maxLength: 12 }) },
    { type: "character varying(64)", literal: fc.constantFrom("", "0)", "it's", "a\\b", "ünï") },
    { type: "numeric(10,2)", literal: fc.constantFrom(0, 1.5, -2.25) },
  ],
  mysql: [
    { type: "int", literal: fc.integer({ min: -1000, max: 1000 }) },
    { type: "bigint unsigned", literal: fc.nat() },
    { type: "tinyint(1)", literal: fc.boolean() },
    { type: "varchar(64)", literal: fc.constantFrom("", "0)", "it's", "a\\b") },
    { type: "text", literal: fc.string({ maxLength: 12 }).filter((s) => !s.includes("\\")) },
    { type: "decimal(10,2)", literal: fc.constantFrom(0, 1.5, -2.25) },
  ],
  sqlite: [
    { type: "integer", literal: fc.integer({ min: -1000, max: 1000 }) },
    { type: "text", literal: fc.constantFrom("", "0)", "it's", "active") },
    { type: "real", literal: fc.constantFrom(0, 1.5, -2.25) },
  ],
};

function column(dialect: SqlDialect): fc.Arbitrary<ColumnSpec> {
  return fc.record({ name, typed: fc.constantFrom(...TYPES[dialect]), nullable: fc.boolean(), withDefault: fc.boolean() }).chain(({ name, typed, nullable, withDefault }) =>
    typed.literal.map((value): ColumnSpec => ({ name, type: typed.type, nullable, default: withDefault ? { kind: "literal", value } : null })),
  );
}

function operation(dialect: SqlDialect): fc.Arbitrary<Body> {
  const index = fc.record({ name, table: name, columns: fc.uniqueArray(name, { minLength: 1, maxLength: 3, selector: (n) => n.toLowerCase() }), unique: fc.boolean() });
  return fc.oneof(
    fc.record({ table: name, column: column(dialect) }).map((o): Body => ({ kind: "add_column", ...o })),
    fc.record({ table: name, columns: fc.uniqueArray(column(dialect), { minLength: 1, maxLength: 4, selector: (c) => c.name.toLowerCase() }) }).map(
      (o): Body => ({ kind: "create_table", table: o.table, schema: null, columns: o.columns, constraints: [] }),
    ),
    fc.record({ table: name, column: name, to: name }).map((o): Body => ({ kind: "rename_column", ...o })),
    fc.record({ table: name, to: name }).map((o): Body => ({ kind: "rename_table", ...o })),
    fc.record({ table: name, column: name }).map((o): Body => ({ kind: "drop_column", ...o })),
    index.map(
      (i): Body => ({
        kind: "create_index",
        index: { name: i.name, table: i.table, keys: i.columns.map((c) => ({ column: c, columns: [c] })), unique: i.unique, method: dialect === "postgres" ? "btree" : null, where: null, whereColumns: [], include: [] },
        concurrently: false,
      }),
    ),
  );
}

async function readBack(op: Body, dialect: SqlDialect): Promise<{ sql: string; back: Body[] }> {
  const [sql] = renderOperation({ ...op, source: at } as Operation, dialect);
  const read = await readSqlText(sql!, dialect, at);
  return { sql: sql!, back: read.operations.map(({ source: _s, call: _c, ...rest }) => rest as Body) };
}

for (const dialect of ["postgres", "mysql", "sqlite"] as const) {
  describe(`${dialect} round trip over generated names, types and literals`, () => {
    it("reads every rendered operation back as itself", async () => {
      await fc.assert(
        fc.asyncProperty(operation(dialect), async (op) => {
          const { sql, back } = await readBack(op, dialect);
          expect(back, sql).toEqual([op]);
        }),
        { numRuns: 150 },
      );
    });
  });
}
