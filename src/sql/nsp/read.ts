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
    const parsed = parse(nsp, piece);
    let drafts = "drafts" in parsed ? parsed.drafts : undefined;
    for (const fallback of fallbacks) drafts ??= fallback(piece);
    if (drafts) {
      read.operations.push(...placed(drafts, source));
      continue;
    }
    const message = `node-sql-parser's ${name} grammar could not read this statement: ${"error" in parsed ? parsed.error : "no statement"}`;
    read.operations.push({ kind: "raw", sql: piece.text, reason: message, source });
    read.unreadable.push({ path: at.path, line: source.line, message });
  }
  return read;
}

/** The statement's operations, or undefined where the grammar refuses it (see `parse` for why it did). */
export function parsePiece(nsp: NspParser, piece: Piece): Draft[] | undefined {
  const parsed = parse(nsp, piece);
  return "drafts" in parsed ? parsed.drafts : undefined;
}

function parse(nsp: NspParser, piece: Piece): { drafts: Draft[] } | { error: string } {
  let asts;
  try {
    asts = nsp.parse(piece.text);
  } catch (error) {
    return { error: String((error as Error).message ?? error).split("\n")[0]!.slice(0, 200) };
  }
  const call = callOf(piece);
  try {
    return { drafts: asts.flatMap((ast) => statement(ast, nsp, piece.text)).map((draft) => ({ ...draft, call }) as Draft) };
  } catch (error) {
    // A parse tree shape this reader does not expect: the statement stays unknown, and says why.
    return { error: `its parse tree could not be typed (${(error as Error).message})` };
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
