/**
 * Framework code that hands SQL to the database (`knex.raw`, `queryRunner.query`, `pgm.sql`, Liquibase `<sql>`)
 * is read by the SQL reader, never here. Translators work inside a synchronous tree callback and the SQL
 * reader is asynchronous, so they collect steps — typed operations, or SQL to read — and the SQL is read
 * after, in order, so each operation keeps its place in the migration.
 */
import type { Operation } from "../model/operations.js";
import type { Source, SqlDialect } from "../model/schema.js";
import { readSql } from "../sql/read.js";

export interface SqlToRead {
  kind: "sql";
  sql: string;
  at: Source;
  /** The framework call it came from (`knex.raw`). */
  call: string;
}

export type Step = Operation | SqlToRead;

export async function resolveSteps(steps: Step[], dialect: SqlDialect | null): Promise<Operation[]> {
  const out: Operation[] = [];
  for (const step of steps) {
    if (step.kind !== "sql") {
      out.push(step);
      continue;
    }
    for (const op of await readSql(step.sql, dialect, step.at)) out.push({ ...op, call: op.call ?? step.call });
  }
  return out;
}
