/**
 * SQLite statements node-sql-parser's SQLite grammar does not have — PRAGMA, BEGIN/COMMIT/END/ROLLBACK,
 * VACUUM, REINDEX, and DROP INDEX without MySQL's ON — read token by token by their grammar in SQLite's
 * documentation (sqlite.org/lang.html). Any token left over means the statement is not one of these.
 */
import type { Draft } from "../draft.js";
import type { Piece, Token } from "../split.js";

export function shortStatement(piece: Piece): Draft[] | undefined {
  const t = new Tokens(piece.tokens);
  const first = t.word();
  let draft: Draft | undefined;
  if (first === "PRAGMA") draft = pragma(t);
  else if (first === "BEGIN") {
    t.optional("DEFERRED", "IMMEDIATE", "EXCLUSIVE");
    if (t.optional("TRANSACTION")) t.name();
    draft = { kind: "transaction", action: "begin" };
  } else if (first === "COMMIT" || first === "END" || first === "ROLLBACK") {
    if (t.optional("TRANSACTION")) t.name();
    draft = { kind: "transaction", action: first === "ROLLBACK" ? "rollback" : "commit" };
  } else if (first === "VACUUM") {
    t.name();
    // VACUUM rebuilds the whole database file under an exclusive lock.
    draft = { kind: "maintenance", action: "vacuum_full", table: null };
  } else if (first === "REINDEX") {
    t.qualifiedName();
    draft = { kind: "maintenance", action: "reindex", table: null };
  } else if (first === "DROP" && t.optional("INDEX")) {
    const ifExists = t.optional("IF") ? t.optional("EXISTS") : false;
    const name = t.qualifiedName();
    if (name) draft = { kind: "drop_index", name, table: null, concurrently: false, ...(ifExists ? { ifExists: true } : {}) };
  }
  return draft && t.done() ? [{ ...draft, call: first } as Draft] : undefined;
}

function pragma(t: Tokens): Draft | undefined {
  const name = t.qualifiedName();
  if (!name) return undefined;
  let value = "";
  if (t.punct("=")) value = t.value();
  else if (t.punct("(")) {
    value = t.value();
    if (!t.punct(")")) return undefined;
  }
  return { kind: "setting", name, value, local: false };
}

class Tokens {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  word(): string | undefined {
    const token = this.tokens[this.i];
    if (token?.kind !== "word") return undefined;
    this.i += 1;
    return token.text.toUpperCase();
  }

  optional(...words: string[]): boolean {
    const token = this.tokens[this.i];
    if (token?.kind === "word" && words.includes(token.text.toUpperCase())) {
      this.i += 1;
      return true;
    }
    return false;
  }

  punct(text: string): boolean {
    if (this.tokens[this.i]?.kind === "punct" && this.tokens[this.i]!.text === text) {
      this.i += 1;
      return true;
    }
    return false;
  }

  /** A bare or quoted name, unquoted. */
  name(): string | undefined {
    const token = this.tokens[this.i];
    if (token?.kind !== "word" && token?.kind !== "name" && token?.kind !== "string") return undefined;
    this.i += 1;
    return token.kind === "word" ? token.text : unquote(token.text);
  }

  qualifiedName(): string | undefined {
    let name = this.name();
    while (name !== undefined && this.punct(".")) {
      const part = this.name();
      if (part === undefined) return undefined;
      name = `${name}.${part}`;
    }
    return name;
  }

  /** A PRAGMA value: a signed number, a name or a string. */
  value(): string {
    const sign = this.punct("-") ? "-" : this.punct("+") ? "+" : "";
    const token = this.tokens[this.i];
    if (!token) return sign;
    this.i += 1;
    return sign + (token.kind === "name" || token.kind === "string" ? unquote(token.text) : token.text);
  }

  done(): boolean {
    return this.i === this.tokens.length;
  }
}

function unquote(text: string): string {
  const open = text[0]!;
  const close = open === "[" ? "]" : open;
  return text.slice(1, -1).replaceAll(close + close, close);
}
