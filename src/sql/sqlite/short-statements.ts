/**
 * SQLite statements node-sql-parser's SQLite grammar does not have — PRAGMA, BEGIN/COMMIT/END/ROLLBACK,
 * VACUUM, REINDEX, ANALYZE, DROP INDEX without MySQL's ON, RENAME without COLUMN — read token by token by their grammar in SQLite's
 * documentation (sqlite.org/lang.html). Any token left over means the statement is not one of these.
 */
import type { Draft } from "../draft.js";
import type { Piece } from "../split.js";
import { Tokens } from "../tokens.js";

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
  } else if (first === "ANALYZE") {
    t.qualifiedName();
    draft = { kind: "raw", sql: piece.text, reason: "ANALYZE is not modelled" };
  } else if (first === "ALTER" && t.optional("TABLE")) {
    // `RENAME a TO b` without COLUMN, which SQLite takes and the grammar does not.
    const table = t.qualifiedName();
    const column = table && t.optional("RENAME") ? t.name() : undefined;
    const to = column && t.optional("TO") ? t.name() : undefined;
    if (table && column && to) draft = { kind: "rename_column", table, column, to };
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
