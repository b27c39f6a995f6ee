/**
 * MySQL statements node-sql-parser's MySQL grammar does not have, read token by token by their grammar in
 * MySQL's reference: `ALTER TABLE t ALTER [COLUMN] c SET DEFAULT v | DROP DEFAULT`, `ALTER TABLE t RENAME
 * {INDEX|KEY} a TO b`, `OPTIMIZE [LOCAL] TABLE t`. One subcommand only; anything more is left to be unreadable.
 */
import type { DefaultValue } from "../../model/schema.js";
import type { Draft } from "../draft.js";
import { unescape } from "../nsp/columns.js";
import type { Piece, Token } from "../split.js";
import { Tokens } from "../tokens.js";

export function shortStatement(piece: Piece): Draft[] | undefined {
  const t = new Tokens(piece.tokens);
  const first = t.word();
  let draft: Draft | undefined;
  if (first === "OPTIMIZE") {
    t.optional("NO_WRITE_TO_BINLOG", "LOCAL");
    if (!t.optional("TABLE")) return undefined;
    const table = t.qualifiedName();
    // OPTIMIZE TABLE rebuilds an InnoDB table: MySQL's VACUUM FULL.
    if (table) draft = { kind: "maintenance", action: "vacuum_full", table };
  } else if (first === "ALTER" && t.optional("TABLE")) {
    const table = t.qualifiedName();
    if (!table) return undefined;
    if (t.optional("ALTER")) {
      t.optional("COLUMN");
      const column = t.name();
      if (!column) return undefined;
      if (t.optional("DROP") && t.optional("DEFAULT")) draft = { kind: "set_default", table, column, default: null };
      else if (t.optional("SET") && t.optional("DEFAULT")) {
        const value = defaultValue(t.rest(), piece.text, piece.start);
        if (value) return [{ kind: "set_default", table, column, default: value, call: "ALTER TABLE" }];
      }
    } else if (t.optional("RENAME") && t.optional("INDEX", "KEY")) {
      const name = t.name();
      const to = t.optional("TO") ? t.name() : undefined;
      if (name && to) draft = { kind: "rename_index", name, to, table };
    }
  }
  return draft && t.done() ? [{ ...draft, call: first === "OPTIMIZE" ? "OPTIMIZE TABLE" : "ALTER TABLE" } as Draft] : undefined;
}

/** A default's tokens: one literal (a string, a signed number, NULL, TRUE/FALSE), or a parenthesised expression. */
function defaultValue(tokens: Token[], text: string, offset: number): DefaultValue | undefined {
  const [first, second] = tokens;
  if (!first) return undefined;
  if (tokens.length === 1 && first.kind === "string") return { kind: "literal", value: unescape(first.text.slice(1, -1), first.text[0]!, "mysql") };
  if (tokens.length === 1 && first.kind === "number" && Number.isFinite(Number(first.text))) return { kind: "literal", value: Number(first.text) };
  if (tokens.length === 2 && first.text === "-" && second?.kind === "number") return { kind: "literal", value: -Number(second.text) };
  if (tokens.length === 1 && first.kind === "word") {
    const word = first.text.toUpperCase();
    if (word === "NULL") return { kind: "literal", value: null };
    if (word === "TRUE" || word === "FALSE") return { kind: "literal", value: word === "TRUE" };
    if (word === "CURRENT_TIMESTAMP") return { kind: "expression", sql: first.text };
  }
  if (first.text === "(" && tokens.at(-1)!.text === ")") {
    return { kind: "expression", sql: text.slice(tokens[1]!.start - offset, tokens.at(-1)!.start - offset).trim() };
  }
  return undefined;
}
