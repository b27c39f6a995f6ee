/**
 * Django query expressions as the SQL the schema editor writes for them: `Q(deleted_at__isnull=True)` →
 * `deleted_at IS NULL` (a condition or a CHECK), `Lower("email")` → `lower(email)` (an index key). What the
 * reader cannot render (a lookup across a relation, a custom function) is null: unknown, not approximated.
 */
import { nameOf, option, type CodeCall, type CodeValue } from "../../parse/code-value.js";

/** Field name → column, for the model the expression belongs to. */
export type ColumnOf = (field: string) => string | null;

const COMPARISONS: Record<string, string> = { exact: "=", gt: ">", gte: ">=", lt: "<", lte: "<=" };

function literal(value: CodeValue, columnOf: ColumnOf): string | null {
  switch (value.kind) {
    case "string":
      return `'${value.value.replaceAll("'", "''")}'`;
    case "number":
      return value.text;
    case "boolean":
      return value.value ? "true" : "false";
    case "null":
      return "NULL";
    case "call":
      return value.name === "F" ? columnOf(nameOf(value.args[0]) ?? "") : value.name === "Value" && value.args[0] ? literal(value.args[0], columnOf) : null;
    default:
      return null;
  }
}

function like(column: string, value: CodeValue, pattern: (v: string) => string, insensitive: boolean): string | null {
  if (value.kind !== "string") return null;
  const text = `'${pattern(value.value).replaceAll("'", "''")}'`;
  return insensitive ? `UPPER(${column}::text) LIKE UPPER(${text})` : `${column}::text LIKE ${text}`;
}

/** `field__lookup=value` → SQL. */
function lookup(key: string, value: CodeValue, columnOf: ColumnOf): string | null {
  const [field, ...rest] = key.split("__");
  const name = rest.length ? rest[rest.length - 1]! : "exact";
  if (rest.length > 1 || !field) return null;
  const column = columnOf(field);
  if (!column) return null;
  if (name === "isnull") return value.kind === "boolean" ? `${column} IS ${value.value ? "" : "NOT "}NULL` : null;
  if (name === "exact" && value.kind === "null") return `${column} IS NULL`;
  if (name in COMPARISONS) {
    const right = literal(value, columnOf);
    return right === null ? null : `${column} ${COMPARISONS[name]} ${right}`;
  }
  if (name === "iexact" && value.kind === "string") return `UPPER(${column}::text) = UPPER(${literal(value, columnOf)})`;
  if (name === "in" && value.kind === "list") {
    const items = value.items.map((i) => literal(i, columnOf));
    return items.every((i) => i !== null) ? `${column} IN (${items.join(", ")})` : null;
  }
  if (name === "range" && value.kind === "list" && value.items.length === 2) {
    const [low, high] = value.items.map((i) => literal(i, columnOf));
    return low && high ? `${column} BETWEEN ${low} AND ${high}` : null;
  }
  const patterns: Record<string, (v: string) => string> = { contains: (v) => `%${v}%`, startswith: (v) => `${v}%`, endswith: (v) => `%${v}` };
  const base = name.startsWith("i") ? name.slice(1) : name;
  if (patterns[base]) return like(column, value, patterns[base]!, name.startsWith("i"));
  return null;
}

/** A `Q(…)`, `~Q(…)`, `Q(…) & Q(…)` as SQL. */
export function conditionSql(value: CodeValue | undefined, columnOf: ColumnOf): string | null {
  if (!value) return null;
  if (value.kind === "operator") {
    if (value.operator === "~") {
      const inner = conditionSql(value.operands[0], columnOf);
      return inner === null ? null : `NOT (${inner})`;
    }
    const joiner = value.operator === "&" ? "AND" : value.operator === "|" ? "OR" : null;
    const parts = value.operands.map((o) => conditionSql(o, columnOf));
    return joiner && parts.every((p) => p !== null) ? parts.map((p) => `(${p})`).join(` ${joiner} `) : null;
  }
  if (value.kind !== "call" || value.name !== "Q") return null;
  const connector = option(value, "_connector");
  const joiner = connector?.kind === "name" && connector.parts[connector.parts.length - 1] === "OR" ? " OR " : " AND ";
  const parts: (string | null)[] = [];
  for (const arg of value.args) {
    if (arg.kind === "list" && arg.items.length === 2) parts.push(lookup(nameOf(arg.items[0]) ?? "", arg.items[1]!, columnOf));
    else parts.push(conditionSql(arg, columnOf));
  }
  for (const { key, value: v } of value.options) if (!key.startsWith("_")) parts.push(lookup(key, v, columnOf));
  if (!parts.length || parts.some((p) => p === null)) return null;
  const sql = parts.length === 1 ? parts[0]! : parts.map((p) => `(${p})`).join(joiner);
  const negated = option(value, "_negated");
  return negated?.kind === "boolean" && negated.value ? `NOT (${sql})` : sql;
}

/** An index or constraint expression: `Lower("email")`, `F("name")`, `Upper(F("code"))`. */
export function expressionSql(value: CodeValue | undefined, columnOf: ColumnOf): { sql: string; columns: string[]; descending: boolean } | null {
  if (!value) return null;
  if (value.kind === "string") {
    const column = columnOf(value.value);
    return column ? { sql: column, columns: [column], descending: false } : null;
  }
  if (value.kind !== "call") return null;
  const call: CodeCall = value;
  if (call.name === "F") return expressionSql(call.args[0], columnOf);
  if ((call.name === "desc" || call.name === "asc") && call.receiver) {
    const inner = expressionSql(call.receiver, columnOf);
    return inner ? { ...inner, descending: call.name === "desc" } : null;
  }
  const functions: Record<string, string> = { Lower: "lower", Upper: "upper", Abs: "abs", Length: "length", Trim: "btrim" };
  const fn = functions[call.name];
  if (!fn || call.args.length !== 1) return null;
  const inner = expressionSql(call.args[0], columnOf);
  return inner ? { sql: `${fn}(${inner.sql})`, columns: inner.columns, descending: false } : null;
}
