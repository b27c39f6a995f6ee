/**
 * MySQL/MariaDB and SQLite text → operations through node-sql-parser, one statement at a time (split by
 * the text's lexical structure), so that a statement it cannot read costs only that statement: it becomes
 * `raw` and is listed as unreadable, with the parser's own message.
 */
import type { Source } from "../../model/schema.js";
import { placed, type Draft } from "../draft.js";
import type { SqlRead } from "../sql-read.js";
import { sourceOf } from "../source.js";
import { splitStatements, type Piece } from "../split.js";
import { loadNsp, type NspDialect, type NspParser } from "./parser.js";
import { statement } from "./statements.js";

/** A reader for the statements node-sql-parser's grammar lacks; undefined when it does not know the statement either. */
export type Fallback = (piece: Piece) => Draft[] | undefined;

export async function readWithNsp(text: string, dialect: NspDialect, at: Source, fallbacks: Fallback[] = []): Promise<SqlRead> {
  const nsp = await loadNsp(dialect);
  const read: SqlRead = { operations: [], unreadable: [] };
  const name = dialect === "mysql" ? "MySQL" : "SQLite";
  for (const piece of splitStatements(text, dialect)) {
    const source = sourceOf(text, piece.start, piece.end, at);
    let drafts = parsePiece(nsp, piece);
    for (const fallback of fallbacks) drafts ??= fallback(piece);
    if (drafts) {
      read.operations.push(...placed(drafts, source));
      continue;
    }
    const message = `node-sql-parser's ${name} grammar could not read this statement: ${errorOf(nsp, piece.text)}`;
    read.operations.push({ kind: "raw", sql: piece.text, reason: message, source });
    read.unreadable.push({ path: at.path, line: source.line, message });
  }
  return read;
}

export function parsePiece(nsp: NspParser, piece: Piece): Draft[] | undefined {
  try {
    const asts = nsp.parse(piece.text);
    const call = callOf(piece);
    return asts.flatMap((ast) => statement(ast, nsp, piece.text)).map((draft) => ({ ...draft, call }) as Draft);
  } catch {
    return undefined;
  }
}

function errorOf(nsp: NspParser, sql: string): string {
  try {
    nsp.parse(sql);
    return "no statement";
  } catch (error) {
    return ((error as Error).message ?? String(error)).split("\n")[0]!.slice(0, 200);
  }
}

/** The statement's leading keywords as the parser's tokens give them (`ALTER TABLE`, `CREATE UNIQUE INDEX`), kept as `call`. */
function callOf(piece: Piece): string {
  const words: string[] = [];
  for (const token of piece.tokens) {
    if (token.kind !== "word" || words.length === 3) break;
    const word = token.text.toUpperCase();
    words.push(word);
    if (["TABLE", "INDEX", "FROM", "SET", "INTO"].includes(word)) break;
  }
  return words.join(" ");
}
