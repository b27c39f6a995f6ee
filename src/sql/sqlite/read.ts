/**
 * SQLite text → operations: node-sql-parser's SQLite grammar; then SQLite's short statements it lacks
 * (PRAGMA, BEGIN, DROP INDEX …); then, for a CREATE or ALTER TABLE only, its MySQL grammar. The SQLite
 * grammar refuses a length on a type (`text(256)`, which Drizzle writes and SQLite accepts and ignores);
 * the MySQL grammar reads the same column definitions, and the result is mapped as SQLite (declared types
 * kept). A statement with a double-quoted or bracketed name is not given to it: MySQL reads "x" as a string.
 */
import type { Source } from "../../model/schema.js";
import { parsePiece, readWithNsp } from "../nsp/read.js";
import { loadNsp } from "../nsp/parser.js";
import type { SqlRead } from "../sql-read.js";
import type { Piece } from "../split.js";
import { shortStatement } from "./short-statements.js";

export async function readSqlite(text: string, at: Source): Promise<SqlRead> {
  const mysqlGrammar = await loadNsp("sqlite", "mysql");
  const tableDefinition = (piece: Piece) => {
    const [first, second] = piece.tokens;
    const isTable = first?.kind === "word" && ["CREATE", "ALTER"].includes(first.text.toUpperCase()) && second?.text.toUpperCase() === "TABLE";
    const quotedLikeMysql = piece.tokens.every((t) => t.kind !== "name" || t.text.startsWith("`"));
    return isTable && quotedLikeMysql ? parsePiece(mysqlGrammar, piece) : undefined;
  };
  return readWithNsp(text, "sqlite", at, [shortStatement, tableDefinition]);
}
