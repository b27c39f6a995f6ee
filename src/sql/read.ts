/**
 * SQL text → typed operations, for SQL files and SQL embedded in framework code (`execute <<~SQL`,
 * `RunSQL`, `queryRunner.query`, Liquibase `<sql>`). `at` is where the text starts in its file, so each
 * operation's source is the line of its own statement.
 *
 * Placeholder until the dialect readers land (model-sql): every statement is returned as one `raw`
 * operation, which the rules treat as unknown, never as safe.
 */
import type { Operation } from "../model/operations.js";
import type { Source, SqlDialect } from "../model/schema.js";

export async function readSql(sql: string, dialect: SqlDialect | null, at: Source): Promise<Operation[]> {
  const text = sql.trim();
  if (!text) return [];
  return [{ kind: "raw", sql: text, reason: `SQL is not typed yet (${dialect ?? "unknown dialect"})`, source: at }];
}
