/** Ruby values in migration options → the model's defaults and the SQL literals of data changes. */
import type { DefaultValue } from "../../model/schema.js";
import type { CodeValue } from "../../parse/code-value.js";

/**
 * `default: ""` → a literal; `default: nil` → explicitly none; `default: -> { "now()" }` → that SQL expression;
 * `default: {}` / `[]` → the JSON (or, for an array column, PostgreSQL array) literal Rails writes.
 * Undefined when the value is computed by Ruby at run time: the default is then unknown.
 */
export function defaultOf(value: CodeValue, array = false): DefaultValue | null | undefined {
  switch (value.kind) {
    case "null":
      return null;
    case "string":
    case "symbol":
      return { kind: "literal", value: value.value };
    case "number":
      return { kind: "literal", value: value.value };
    case "boolean":
      return { kind: "literal", value: value.value };
    case "block": {
      const [only] = value.body;
      if (value.body.length === 1 && only?.kind === "expression" && only.value.kind === "string") return { kind: "expression", sql: only.value.value };
      return undefined;
    }
    case "list":
    case "map": {
      const plain = plainOf(value);
      if (plain === undefined) return undefined;
      if (array && Array.isArray(plain)) return { kind: "literal", value: `{${plain.map((v) => String(v)).join(",")}}` };
      return { kind: "literal", value: JSON.stringify(plain) };
    }
    default:
      return undefined;
  }
}

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

function plainOf(value: CodeValue): Plain | undefined {
  switch (value.kind) {
    case "string":
    case "symbol":
      return value.value;
    case "number":
    case "boolean":
      return value.value;
    case "null":
      return null;
    case "list": {
      const items = value.items.map(plainOf);
      return items.every((i) => i !== undefined) ? (items as Plain[]) : undefined;
    }
    case "map": {
      const out: { [key: string]: Plain } = {};
      for (const { key, value: v } of value.entries) {
        const k = key.kind === "string" || key.kind === "symbol" ? key.value : null;
        const p = plainOf(v);
        if (k === null || p === undefined) return undefined;
        out[k] = p;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** A Ruby literal as SQL (`'x'`, `0`, `TRUE`, `NULL`), for the UPDATE that `change_column_null`'s fourth argument runs. */
export function sqlLiteral(value: CodeValue): string | null {
  const d = defaultOf(value);
  if (d === undefined) return null;
  if (d === null) return "NULL";
  if (d.kind === "expression") return d.sql;
  if (typeof d.value === "string") return `'${d.value.replaceAll("'", "''")}'`;
  if (typeof d.value === "boolean") return d.value ? "TRUE" : "FALSE";
  return String(d.value);
}
