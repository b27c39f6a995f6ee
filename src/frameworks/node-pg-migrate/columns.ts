/**
 * node-pg-migrate column definitions: a type string (`'text'`), a shorthand from `exports.shorthands`
 * (`'id'` is built in: serial primary key), or `{ type, notNull, default, primaryKey, unique, references,
 * onDelete, check }`. Columns are nullable unless `notNull: true`; a string default is a literal,
 * `pgm.func('now()')` an expression.
 */
import type { ColumnSpec } from "../../model/operations.js";
import type { DefaultValue } from "../../model/schema.js";
import { asBoolean, asString, calleePath, type JsValue } from "../../parse/js-values.js";
import { postgresTypeName } from "../postgres-type-names.js";
import { referentialAction } from "../referential-action.js";

export type Shorthands = Map<string, JsValue>;

export function readColumn(name: string, value: JsValue, shorthands: Shorthands): ColumnSpec | null {
  const shorthand = value.kind === "string" ? shorthands.get(value.value) : undefined;
  if (value.kind === "string" && !shorthand) {
    if (value.value === "id") return { name, type: "serial", nullable: false, primaryKey: true, identity: "auto_increment" };
    return { name, type: postgresTypeName(value.value), nullable: true };
  }
  const definition = shorthand ?? value;
  if (definition.kind === "string") return readColumn(name, definition, new Map());
  if (definition.kind !== "object") return null;
  const get = (key: string) => definition.entries.get(key);
  let base: ColumnSpec = { name, type: null, nullable: true };
  const typeValue = get("type");
  const type = asString(typeValue);
  if (type !== null && shorthands.has(type)) base = readColumn(name, { kind: "string", value: type, node: typeValue!.node }, shorthands) ?? base;
  else if (type !== null) base.type = type === "id" ? "serial" : postgresTypeName(type);
  const spec: ColumnSpec = { ...base };
  const notNull = asBoolean(get("notNull"));
  if (notNull !== null) spec.nullable = !notNull;
  if (asBoolean(get("primaryKey"))) spec.primaryKey = true;
  if (asBoolean(get("unique"))) spec.unique = true;
  if (definition.entries.has("default")) {
    const value = pgmDefault(get("default")!);
    if (value !== undefined) spec.default = value;
  }
  const check = asString(get("check"));
  if (check) spec.check = check;
  const references = get("references");
  const refTable = asString(references) ?? asString(references?.kind === "object" ? references.entries.get("name") : undefined);
  if (refTable) {
    const open = refTable.indexOf("(");
    spec.references = {
      table: unquote(open >= 0 ? refTable.slice(0, open) : refTable),
      columns: open >= 0 ? refTable.slice(open + 1, refTable.indexOf(")")).split(",").map((c) => unquote(c)) : [],
      onDelete: referentialAction(asString(get("onDelete"))),
      onUpdate: referentialAction(asString(get("onUpdate"))),
    };
  }
  return spec;
}

function unquote(name: string): string {
  const trimmed = name.trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

export function pgmDefault(value: JsValue): DefaultValue | null | undefined {
  if (value.kind === "string" || value.kind === "number" || value.kind === "boolean") return { kind: "literal", value: value.value };
  if (value.kind === "null") return { kind: "literal", value: null };
  if (value.kind === "call" && calleePath(value.chain).at(-1) === "func") {
    const sql = asString(value.chain.links.at(-1)!.args[0]);
    return sql === null ? undefined : { kind: "expression", sql };
  }
  return undefined;
}
