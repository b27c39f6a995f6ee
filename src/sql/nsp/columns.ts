/** node-sql-parser column definitions, constraints and index keys → the model's specs (MySQL and SQLite). */
import type { ColumnSpec, ConstraintSpec, IndexSpec } from "../../model/operations.js";
import type { DefaultValue, ReferentialAction } from "../../model/schema.js";
import { typedLiteral } from "../literal.js";
import type { Ast, NspParser } from "./parser.js";

/** The type as the database spells it: MySQL lower-cases and shows `int`, `tinyint(1)`, `bigint unsigned`; SQLite keeps the declared words. */
export function typeOf(definition: Ast, nsp: NspParser): string | null {
  if (!definition?.dataType) return null;
  let name = String(definition.dataType).toLowerCase();
  if (nsp.dialect === "mysql") {
    if (name === "integer") name = "int";
    if (name === "bool" || name === "boolean") return "tinyint(1)";
    if (name === "numeric" || name === "dec") name = "decimal";
  }
  let mods = "";
  if (definition.expr?.type === "expr_list") mods = `(${definition.expr.value.map((v: Ast) => nsp.expr(v)).join(",")})`;
  else if (definition.length !== undefined && definition.length !== null) {
    mods = `(${definition.length}${definition.scale !== undefined && definition.scale !== null ? `,${definition.scale}` : ""})`;
  }
  const suffix = Array.isArray(definition.suffix) ? definition.suffix.map((s: Ast) => String(s).toLowerCase()).filter((s: string) => s) : [];
  return [name + mods, ...suffix].join(" ");
}

/** A column (from CREATE TABLE, ADD, MODIFY, CHANGE), with the named constraints it declares inline. */
export function columnSpec(def: Ast, nsp: NspParser): ColumnSpec {
  const type = typeOf(def.definition, nsp);
  const spec: ColumnSpec = { name: columnName(def.column), type, nullable: def.nullable?.type !== "not null", default: null };
  if (def.default_val) spec.default = defaultOf(def.default_val.value, type, nsp);
  if (def.auto_increment) spec.identity = "auto_increment";
  if (def.generated?.expr) spec.generated = { expression: nsp.expr(def.generated.expr), stored: String(def.generated.storage_type ?? "").toLowerCase() === "stored" };
  if (def.primary_key) spec.primaryKey = true;
  if (def.unique) spec.unique = true;
  if (def.check?.definition?.[0]) spec.check = nsp.expr(def.check.definition[0]);
  if (def.reference_definition) {
    const ref = references(def.reference_definition);
    spec.references = { table: ref.refTable, columns: ref.refColumns, onDelete: ref.onDelete, onUpdate: ref.onUpdate };
  }
  if (spec.primaryKey) spec.nullable = false;
  return spec;
}

export function columnName(ref: Ast): string {
  if (typeof ref === "string") return ref;
  const column = ref?.column;
  if (typeof column === "string") return column;
  return String(column?.expr?.value ?? column?.value ?? "");
}

export function defaultOf(value: Ast, type: string | null, nsp: NspParser): DefaultValue {
  const literal = literalOf(value, nsp.dialect);
  if (literal !== undefined) return { kind: "literal", value: typedLiteral(literal, type, nsp.dialect) };
  return { kind: "expression", sql: stripParens(nsp.expr(value)) };
}

function literalOf(value: Ast, dialect: NspParser["dialect"]): string | number | boolean | null | undefined {
  switch (value?.type) {
    case "single_quote_string":
    case "string":
    case "natural_string":
      return unescape(String(value.value), "'", dialect);
    case "double_quote_string":
      return unescape(String(value.value), '"', dialect);
    case "number":
      return typeof value.value === "number" ? value.value : Number.isFinite(Number(value.value)) && String(Number(value.value)) === String(value.value) ? Number(value.value) : String(value.value);
    case "bool":
      return Boolean(value.value);
    case "null":
      return null;
    default:
      return undefined;
  }
}

const MYSQL_ESCAPES: Record<string, string> = { "0": "\0", b: "\b", n: "\n", r: "\r", t: "\t", Z: "\x1a", "%": "\\%", _: "\\_" };

/** node-sql-parser keeps a string's text as written: its doubled quotes (and MySQL's backslash escapes) are undone here. */
export function unescape(text: string, quote: string, dialect: NspParser["dialect"]): string {
  if (dialect !== "mysql") return text.replaceAll(quote + quote, quote);
  return text.replace(new RegExp(`\\\\(.)|${quote}${quote}`, "gs"), (_match, escaped: string | undefined) =>
    escaped === undefined ? quote : MYSQL_ESCAPES[escaped] ?? escaped,
  );
}

/** `(unixepoch())` and `unixepoch()` are one default; the renderer adds the parentheses the dialect needs. */
function stripParens(sql: string): string {
  let s = sql.trim();
  while (s.startsWith("(") && s.endsWith(")") && balanced(s.slice(1, -1))) s = s.slice(1, -1).trim();
  return s;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === "(") depth += 1;
    if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

const ACTIONS: Record<string, ReferentialAction> = { cascade: "cascade", restrict: "restrict", "no action": "no_action", "set null": "set_null", "set default": "set_default" };

function references(ref: Ast): Extract<ConstraintSpec, { kind: "foreign_key" }> {
  const action = (type: string) => {
    const found = (ref.on_action ?? []).find((a: Ast) => a.type === type);
    return found ? ACTIONS[String(found.value?.value ?? "").toLowerCase()] ?? null : null;
  };
  return {
    kind: "foreign_key",
    name: null,
    columns: [],
    refTable: tableOf(ref.table?.[0]),
    refColumns: (ref.definition ?? []).map(columnName),
    onDelete: action("on delete"),
    onUpdate: action("on update"),
  };
}

export function tableOf(ref: Ast): string {
  if (!ref) return "";
  return ref.db ? `${ref.db}.${ref.table}` : String(ref.table ?? "");
}

/** A table constraint (CREATE TABLE's or ALTER TABLE ADD's); null for an index definition, which is an index. */
export function constraintSpec(def: Ast, nsp: NspParser): ConstraintSpec | null {
  const type = String(def.constraint_type ?? "").toLowerCase();
  const name = def.constraint ?? def.index ?? null;
  const columns = (def.definition ?? []).map(columnName);
  if (type === "primary key") return { kind: "primary_key", name: def.constraint ?? null, columns };
  if (type.startsWith("unique")) return { kind: "unique", name, columns };
  if (type === "foreign key") return { ...references(def.reference_definition), name: def.constraint ?? null, columns };
  if (type === "check" && def.definition?.[0]) {
    return { kind: "check", name: def.constraint ?? null, expression: nsp.expr(def.definition[0]), columns: columnsRead(def.definition[0], nsp.dialect) };
  }
  return null;
}

/** An index's keys: a column, a MySQL prefix (`email(20)`), or an expression with the columns it reads. */
export function indexKeys(columns: Ast[], nsp: NspParser): IndexSpec["keys"] {
  return columns.map((c: Ast) => {
    const key: IndexSpec["keys"][number] = { columns: [] };
    if (c.type === "column_ref" || (nsp.dialect === "sqlite" && c.type === "double_quote_string")) {
      // SQLite reads a double-quoted word in a key list as the column of that name.
      key.column = c.type === "column_ref" ? columnName(c) : String(c.value);
      key.columns = [key.column];
    } else if (nsp.dialect === "mysql" && c.type === "function" && !c.parentheses && c.args?.value?.length === 1 && c.args.value[0].type === "number") {
      // MySQL reads `email(20)` in a key list as a 20-character prefix of the column, not a call.
      key.column = String(c.name?.name?.[0]?.value ?? "");
      key.columns = [key.column];
      key.length = Number(c.args.value[0].value);
    } else {
      key.expression = stripParens(nsp.expr({ ...c, order_by: null, collate: null }));
      key.columns = columnsRead(c, nsp.dialect);
    }
    if (String(c.order_by ?? "").toLowerCase() === "desc") key.descending = true;
    return key;
  });
}

/**
 * The columns an expression reads. SQLite takes a double-quoted word for a name where a name fits (its
 * grammar here reads it as a string): in SQLite expressions those count as columns too.
 */
export function columnsRead(node: Ast, dialect: NspParser["dialect"]): string[] {
  const found = new Set<string>();
  const walk = (value: Ast): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    if (value.type === "column_ref") {
      found.add(columnName(value));
      return;
    }
    if (dialect === "sqlite" && value.type === "double_quote_string") {
      found.add(String(value.value));
      return;
    }
    for (const child of Object.values(value)) walk(child);
  };
  walk(node);
  return [...found];
}
