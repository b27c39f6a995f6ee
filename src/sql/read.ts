/**
 * SQL text → typed operations, for SQL files and SQL embedded in framework code (`execute <<~SQL`,
 * `RunSQL`, `queryRunner.query`, Liquibase `<sql>`). `at` is where the text starts in its file, so each
 * operation's source is the line of its own statement.
 *
 * Each dialect has a real parser: PostgreSQL's own (libpg_query in WASM), node-sql-parser for MySQL/MariaDB
 * and SQLite. A statement a parser cannot read becomes a `raw` operation (the rules treat it as unknown,
 * never as safe) and an `unreadable` entry; a statement the model has no kind for is `raw` with its reason.
 */
import type { Operation } from "../model/operations.js";
import type { Source, SqlDialect } from "../model/schema.js";
import type { SqlRead } from "./sql-read.js";
import { readMysql } from "./mysql/read.js";
import { readPostgres } from "./postgres/read.js";
import { readSqlite } from "./sqlite/read.js";

export type { SqlRead };

export async function readSql(sql: string, dialect: SqlDialect | null, at: Source): Promise<Operation[]> {
  return (await readSqlText(sql, dialect, at)).operations;
}

/**
 * As `readSql`, with the statements no parser could read listed. An unknown dialect is read as PostgreSQL
 * (the most common in the apps this reads); what PostgreSQL's parser refuses is then unreadable, not guessed.
 */
export async function readSqlText(sql: string, dialect: SqlDialect | null, at: Source): Promise<SqlRead> {
  if (!sql.trim()) return { operations: [], unreadable: [] };
  switch (dialect ?? "postgres") {
    case "postgres":
      return readPostgres(sql, at);
    case "mysql":
      return readMysql(sql, at);
    case "sqlite":
      return readSqlite(sql, at);
  }
}
