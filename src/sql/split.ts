/**
 * Splits SQL text into statements by its lexical structure: quoted strings, quoted names, dollar-quoted bodies,
 * comments and trigger/procedure bodies (`BEGIN … END`) are stepped over, so a `;` inside them ends nothing.
 * It recognises no statement: the dialect parsers read each piece. PostgreSQL text goes whole to its own
 * parser first; this is for MySQL/SQLite, and for PostgreSQL text with a statement its parser refuses.
 */
import type { SqlDialect } from "../model/schema.js";

export interface Token {
  /** `word` (bare name or keyword), `name` (quoted name), `string`, `number`, `punct`. */
  kind: "word" | "name" | "string" | "number" | "punct";
  text: string;
  start: number;
  end: number;
}

export interface Piece {
  /** The statement's text, from its first token to its last (no trailing `;`). */
  text: string;
  /** Offset of its first token in the input. */
  start: number;
  end: number;
  tokens: Token[];
}

/** Characters that open a quoted name in each dialect (SQLite also takes MySQL's backticks and `[name]`). */
const NAME_QUOTES: Record<SqlDialect, string> = { postgres: '"', mysql: "`", sqlite: '"`[' };

export function splitStatements(text: string, dialect: SqlDialect): Piece[] {
  const pieces: Piece[] = [];
  let tokens: Token[] = [];
  let delimiter = ";";
  let depth = 0;
  const flush = () => {
    if (tokens.length) pieces.push({ text: text.slice(tokens[0]!.start, tokens.at(-1)!.end), start: tokens[0]!.start, end: tokens.at(-1)!.end, tokens });
    tokens = [];
    depth = 0;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (/\s/.test(ch)) {
      i += 1;
    } else if ((ch === "-" && next === "-") || (ch === "#" && dialect === "mysql")) {
      i = lineEnd(text, i);
    } else if (ch === "/" && next === "*") {
      i = blockCommentEnd(text, i, dialect === "postgres");
    } else if (dialect === "mysql" && !tokens.length && startsWord(text, i, "DELIMITER")) {
      // The mysql client's own command: the rest of the line is the new statement terminator.
      const end = lineEnd(text, i);
      delimiter = text.slice(i + "DELIMITER".length, end).trim() || ";";
      i = end;
    } else if (text.startsWith(delimiter, i) && depth === 0) {
      flush();
      i += delimiter.length;
    } else {
      const token = readToken(text, i, dialect);
      tokens.push(token);
      depth = bodyDepth(tokens, depth);
      i = token.end;
    }
  }
  flush();
  return pieces;
}

function readToken(text: string, i: number, dialect: SqlDialect): Token {
  const ch = text[i]!;
  const quotes = NAME_QUOTES[dialect];
  if (ch === "'" || ((ch === "E" || ch === "e") && text[i + 1] === "'" && dialect === "postgres")) {
    const open = ch === "'" ? i : i + 1;
    const backslashes = dialect === "mysql" || open !== i;
    return { kind: "string", text: text.slice(i, quotedEnd(text, open, "'", backslashes)), start: i, end: quotedEnd(text, open, "'", backslashes) };
  }
  if (ch === '"' && dialect === "mysql") {
    const end = quotedEnd(text, i, '"', true);
    return { kind: "string", text: text.slice(i, end), start: i, end };
  }
  if (quotes.includes(ch)) {
    const end = quotedEnd(text, i, ch === "[" ? "]" : ch, false);
    return { kind: "name", text: text.slice(i, end), start: i, end };
  }
  if (ch === "$" && dialect === "postgres") {
    const tag = /^\$(?:[A-Za-z_][\w]*)?\$/.exec(text.slice(i, i + 64))?.[0];
    if (tag) {
      const close = text.indexOf(tag, i + tag.length);
      const end = close < 0 ? text.length : close + tag.length;
      return { kind: "string", text: text.slice(i, end), start: i, end };
    }
  }
  if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
    let end = i + 1;
    while (end < text.length && /[\w$\u0080-\uffff]/.test(text[end]!)) end += 1;
    return { kind: "word", text: text.slice(i, end), start: i, end };
  }
  if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
    let end = i + 1;
    while (end < text.length && /[\w.]/.test(text[end]!)) end += 1;
    return { kind: "number", text: text.slice(i, end), start: i, end };
  }
  return { kind: "punct", text: ch, start: i, end: i + 1 };
}

const last = (tokens: Token[], n: number) => tokens[tokens.length - n];
const isWord = (token: Token | undefined, word: string) => token?.kind === "word" && token.text.toUpperCase() === word;

/**
 * Inside `CREATE TRIGGER|PROCEDURE|FUNCTION|EVENT … BEGIN … END` a `;` ends a body statement, not the
 * definition: depth counts the open BEGIN/CASE blocks of such a definition.
 */
function bodyDepth(tokens: Token[], depth: number): number {
  if (!isWord(tokens[0], "CREATE")) return depth;
  const head = tokens.slice(0, 8);
  if (!head.some((t) => ["TRIGGER", "PROCEDURE", "FUNCTION", "EVENT"].includes(t.text.toUpperCase()) && t.kind === "word")) return depth;
  const token = last(tokens, 1)!;
  if (isWord(last(tokens, 2), "END")) {
    // `END IF`, `END LOOP`, … close blocks that never raised the depth: give back what END took. `END CASE` closed its CASE.
    if (["IF", "LOOP", "WHILE", "REPEAT"].some((w) => isWord(token, w))) return depth + 1;
    if (isWord(token, "CASE")) return depth;
  }
  if (isWord(token, "BEGIN") || (isWord(token, "CASE") && depth > 0)) return depth + 1;
  if (isWord(token, "END") && depth > 0) return depth - 1;
  return depth;
}

function startsWord(text: string, i: number, word: string): boolean {
  return text.slice(i, i + word.length).toUpperCase() === word && !/[\w$]/.test(text[i + word.length] ?? "");
}

function lineEnd(text: string, i: number): number {
  const end = text.indexOf("\n", i);
  return end < 0 ? text.length : end + 1;
}

function blockCommentEnd(text: string, i: number, nests: boolean): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    if (text[j] === "/" && text[j + 1] === "*" && (nests || depth === 0)) {
      depth += 1;
      j += 2;
    } else if (text[j] === "*" && text[j + 1] === "/") {
      depth -= 1;
      j += 2;
      if (depth === 0) return j;
    } else j += 1;
  }
  return text.length;
}

/** The offset just past the quote that closes the one at `open`; a doubled quote (and, where allowed, a backslash) escapes. */
function quotedEnd(text: string, open: number, close: string, backslashes: boolean): number {
  let j = open + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (backslashes && c === "\\") j += 2;
    else if (c === close) {
      if (text[j + 1] === close && close !== "]") j += 2;
      else return j + 1;
    } else j += 1;
  }
  return text.length;
}

let indexed: { text: string; starts: number[] } | undefined;

/** The 1-based line of `offset` in `text` (the line starts of the last text asked about are kept: a file's statements ask in turn). */
export function lineAt(text: string, offset: number): number {
  if (indexed?.text !== text) {
    const starts = [0];
    for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    indexed = { text, starts };
  }
  const { starts } = indexed;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** The offset of the first character at or after `i` that is neither whitespace nor a comment. */
export function skipTrivia(text: string, i: number, dialect: SqlDialect): number {
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) i += 1;
    else if ((ch === "-" && text[i + 1] === "-") || (ch === "#" && dialect === "mysql")) i = lineEnd(text, i);
    else if (ch === "/" && text[i + 1] === "*") i = blockCommentEnd(text, i, dialect === "postgres");
    else return i;
  }
  return i;
}
