/**
 * Literals typed by their column (model.md, "How it is written"): a reader keeps `DEFAULT '0'` on an integer
 * column as the number 0 and `DEFAULT 'f'` on a boolean as false; a renderer writes `false`, `0`, `''` for the
 * column's type, and a value that does not fit the column as a visible placeholder that fails when run.
 */
import type { DefaultValue, SqlDialect } from "../model/schema.js";
import { typeClass, typedLiteral } from "../model/typed-literal.js";

export { typeClass, typedLiteral, type TypeClass } from "../model/typed-literal.js";
import { quoteString } from "./render/quote.js";

const PLACEHOLDER = "<UNKNOWN: ";

/** A visible gap in rendered SQL: it names what is missing and is a syntax error in every dialect, so it cannot run by accident. */
export function placeholder(what: string): string {
  return `${PLACEHOLDER}${what.replaceAll(">", ")")}>`;
}

export function hasPlaceholder(sql: string): boolean {
  return sql.includes(PLACEHOLDER);
}

/** A default as SQL for a column of `type` (`what` names the column for a placeholder). */
export function renderDefault(value: DefaultValue, type: string | null | undefined, dialect: SqlDialect, what: string): string {
  if (value.kind === "expression") {
    // MySQL and SQLite take an expression default only in parentheses, bar the current-time keywords.
    const bare = dialect === "postgres" || value.sql.startsWith("(") || /^(current_(timestamp|date|time)|now|localtime(stamp)?)(\(\d*\))?$/i.test(value.sql);
    return bare ? value.sql : `(${value.sql})`;
  }
  return renderLiteral(value.value, type, dialect, what);
}

export function renderLiteral(value: string | number | boolean | null, type: string | null | undefined, dialect: SqlDialect, what: string): string {
  const typed = typedLiteral(value, type, dialect);
  if (typed === null) return "NULL";
  const cls = typeClass(type, dialect);
  if (typeof typed === "boolean") {
    if (cls === "string") return placeholder(`default ${typed} does not fit the ${type} column ${what}`);
    if (cls === "number" || dialect === "mysql") return typed ? "1" : "0";
    return typed ? "true" : "false";
  }
  if (typeof typed === "number") return String(typed);
  if (cls === "number" || cls === "boolean") return placeholder(`default ${JSON.stringify(typed)} does not fit the ${type} column ${what}`);
  return quoteString(typed, dialect);
}
