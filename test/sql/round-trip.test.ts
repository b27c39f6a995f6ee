import { describe, expect, it } from "vitest";
import type { Operation } from "../../src/model/operations.js";
import type { SqlDialect } from "../../src/model/schema.js";
import { readSqlText } from "../../src/sql/read.js";
import { renderOperation } from "../../src/sql/render/operation.js";
import { hasPlaceholder } from "../../src/sql/literal.js";
import { CASES, type Body } from "./round-trip-cases.js";

const at = { path: "db/migrate/001.sql", line: 1 };

/** The operation as read back, without where it was read (the round trip compares what it says). */
function strip(op: Operation): Body {
  const { source: _source, call: _call, ...body } = op;
  return body as Body;
}

async function roundTrip(op: Body, dialect: SqlDialect): Promise<{ sql: string[]; back: Body[]; unreadable: number }> {
  const sql = renderOperation({ ...op, source: at } as Operation, dialect);
  const back: Body[] = [];
  let unreadable = 0;
  for (const statement of sql) {
    const read = await readSqlText(statement, dialect, at);
    back.push(...read.operations.map(strip));
    unreadable += read.unreadable.length;
  }
  return { sql, back, unreadable };
}

for (const dialect of ["postgres", "mysql", "sqlite"] as const) {
  describe(`${dialect}: every operation rendered to SQL reads back as the same operation`, () => {
    for (const op of CASES[dialect]) {
      it(`${op.kind} ${JSON.stringify(op).slice(0, 90)}`, async () => {
        const { sql, back, unreadable } = await roundTrip(op, dialect);
        expect(sql.some(hasPlaceholder), sql.join("\n")).toBe(false);
        expect(unreadable, sql.join("\n")).toBe(0);
        expect(back, sql.join("\n")).toEqual([op]);
      });
    }
  });
}
