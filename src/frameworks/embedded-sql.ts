/**
 * Framework code that hands SQL to the database (`knex.raw`, `queryRunner.query`, `pgm.sql`, Liquibase `<sql>`)
 * is read by the SQL reader, never here. Translators work inside a synchronous tree callback and the SQL
 * reader is asynchronous, so they collect steps — typed operations, or SQL to read — and the SQL is read
 * after, in order, so each operation keeps its place in the migration.
 */
import type { Operation } from "../model/operations.js";
import type { Source, SqlDialect, Unreadable } from "../model/schema.js";
import { readSqlText } from "../sql/read.js";

export interface SqlToRead {
  kind: "sql";
  sql: string;
  at: Source;
  /** The framework call it came from (`knex.raw`). */
  call: string;
}

export type Step = Operation | SqlToRead;

/** The steps as operations; statements the SQL reader could not parse are added to `unreadable` (and stay `raw`). */
export async function resolveSteps(steps: Step[], dialect: SqlDialect | null, unreadable: Unreadable[]): Promise<Operation[]> {
  const out: Operation[] = [];
  for (const step of steps) {
    if (step.kind !== "sql") {
      out.push(step);
      continue;
    }
    const read = await readSqlText(step.sql, dialect, step.at);
    unreadable.push(...read.unreadable);
    // `knex.raw: CREATE INDEX`: the framework call that ran it, and the statement.
    for (const op of read.operations) out.push({ ...op, call: op.call ? `${step.call}: ${op.call}` : step.call });
  }
  return out;
}
