/**
 * PostgreSQL text → operations through PostgreSQL's own parser. The text is parsed whole; when the parser
 * refuses it, each statement is parsed on its own so that one statement it cannot read (an extension's
 * syntax, a psql meta-command) costs only that statement, which becomes `raw` and is listed as unreadable.
 */
import type { RawStmt } from "libpg-query";
import type { Source } from "../../model/schema.js";
import { placed, type Draft } from "../draft.js";
import { splitStatements, skipTrivia } from "../split.js";
import type { SqlRead } from "../sql-read.js";
import { loadPostgres, type PgParser } from "./parser.js";
import { statement } from "./statements.js";
import { sourceOf } from "../source.js";

export async function readPostgres(text: string, at: Source): Promise<SqlRead> {
  const pg = await loadPostgres();
  const read: SqlRead = { operations: [], unreadable: [] };
  let stmts;
  try {
    stmts = pg.parse(text).stmts ?? [];
  } catch {
    for (const piece of splitStatements(text, "postgres")) readOne(pg, text, piece.start, piece.end, at, read);
    return read;
  }
  const offset = byteOffsets(text);
  for (const raw of stmts) {
    const from = offset(raw.stmt_location ?? 0);
    const to = raw.stmt_len ? offset((raw.stmt_location ?? 0) + raw.stmt_len) : text.length;
    const start = skipTrivia(text, from, "postgres");
    const sql = text.slice(start, to).trim();
    if (!raw.stmt || !sql) continue;
    typed(read, raw.stmt, pg, sql, sourceOf(text, start, start + sql.length, at), at);
  }
  return read;
}

/** Byte offsets (the parser's) → string offsets; the parser's locations only grow, so each call decodes only the bytes since the last. */
function byteOffsets(text: string): (byte: number) => number {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length === text.length) return (byte) => byte;
  let lastByte = 0;
  let lastChar = 0;
  return (byte) => {
    if (byte < lastByte) return bytes.subarray(0, byte).toString("utf8").length;
    lastChar += bytes.subarray(lastByte, byte).toString("utf8").length;
    lastByte = byte;
    return lastChar;
  };
}

function readOne(pg: PgParser, text: string, start: number, end: number, at: Source, read: SqlRead): void {
  const sql = text.slice(start, end);
  const source = sourceOf(text, start, end, at);
  let stmts;
  try {
    stmts = pg.parse(sql).stmts ?? [];
  } catch (error) {
    unknown(read, sql, source, at, `PostgreSQL's parser refused this statement: ${(error as Error).message}`);
    return;
  }
  for (const raw of stmts) if (raw.stmt) typed(read, raw.stmt, pg, sql, source, at);
}

/** The statement's operations; a parse tree shape this reader does not expect leaves the statement unknown, saying why. */
function typed(read: SqlRead, node: NonNullable<RawStmt["stmt"]>, pg: PgParser, sql: string, source: Source, at: Source): void {
  try {
    read.operations.push(...placed(drafts(node, pg, sql), source));
  } catch (error) {
    unknown(read, sql, source, at, `the statement's parse tree could not be typed: ${(error as Error).message}`);
  }
}

function unknown(read: SqlRead, sql: string, source: Source, at: Source, message: string): void {
  read.operations.push({ kind: "raw", sql, reason: message, source });
  read.unreadable.push({ path: at.path, line: source.line, message });
}

function drafts(node: Parameters<typeof statement>[0], pg: PgParser, sql: string): Draft[] {
  const kind = Object.keys(node)[0] ?? "";
  const call = CALLS[kind] ?? kind.replace(/Stmt$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
  return statement(node, pg, sql).map((draft) => ({ ...draft, call }) as Draft);
}

/** The SQL command each parse-tree statement is, kept as the operation's `call`. */
const CALLS: Record<string, string> = {
  CreateStmt: "CREATE TABLE",
  AlterTableStmt: "ALTER TABLE",
  IndexStmt: "CREATE INDEX",
  DropStmt: "DROP",
  RenameStmt: "ALTER … RENAME",
  CreateEnumStmt: "CREATE TYPE",
  AlterEnumStmt: "ALTER TYPE",
  VariableSetStmt: "SET",
  TransactionStmt: "TRANSACTION",
};
