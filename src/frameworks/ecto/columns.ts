/**
 * `add :email, :string, null: false, default: "x"` (or `add(:email, :string, …)`: the same call) → a
 * ColumnSpec: NULL allowed unless `null: false`, no default unless `default:` gives one (`fragment("now()")`
 * is SQL). A `references(:users, on_delete: :delete_all)` type is a foreign key `<table>_<column>_fkey` whose
 * column takes the referenced key's type.
 */
import type { ColumnSpec, ConstraintSpec } from "../../model/operations.js";
import type { DefaultValue, ReferentialAction } from "../../model/schema.js";
import { typedLiteral } from "../../model/typed-literal.js";
import { booleanOf, nameOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import type { EctoContext } from "./context.js";
import { ectoType, referenceType, typeOptions } from "./types.js";

const ACTIONS: Record<string, ReferentialAction> = { nothing: "no_action", delete_all: "cascade", nilify_all: "set_null", restrict: "restrict", default_all: "set_default" };

export function referentialAction(value: CodeValue | undefined): ReferentialAction | null {
  if (value === undefined) return "no_action";
  const name = nameOf(value);
  return name ? (ACTIONS[name] ?? null) : null;
}

/** `default: "x"`, `0`, `false`, `fragment("now()")`; undefined when Elixir computes it. */
export function ectoDefault(value: CodeValue | undefined, type: string | null, ctx: EctoContext): DefaultValue | null | undefined {
  if (value === undefined) return null;
  if (value.kind === "null") return null;
  if (value.kind === "string" || value.kind === "number" || value.kind === "boolean" || value.kind === "symbol") {
    const literal = value.kind === "symbol" ? value.value : value.value;
    return { kind: "literal", value: ctx.dialect && type ? typedLiteral(literal, type, ctx.dialect) : literal };
  }
  if (value.kind === "call" && value.name === "fragment") {
    const sql = stringOf(value.args[0]);
    return sql === null ? undefined : { kind: "expression", sql };
  }
  if (value.kind === "list" && value.items.length === 0) return { kind: "literal", value: ctx.dialect === "postgres" ? "{}" : "[]" };
  if (value.kind === "map" && value.entries.length === 0) return { kind: "literal", value: "{}" };
  return undefined;
}

export interface ColumnRead {
  spec: ColumnSpec;
  foreignKey: Extract<ConstraintSpec, { kind: "foreign_key" }> | null;
  /** `references(…, validate: false)`. */
  notValid: boolean;
}

/** A `references(:table, …)` call as the column type and foreign key it makes. */
function reference(table: string, column: string, call: CodeCall, ctx: EctoContext): { type: string | null; foreignKey: ColumnRead["foreignKey"]; notValid: boolean } {
  const refTable = nameOf(call.args[0]);
  const keyType = nameOf(option(call, "type")) ?? (ctx.config.primaryKey ? ctx.config.primaryKey.type : "bigserial");
  const type = ectoType({ kind: "symbol", value: referenceType(keyType), line: call.line, endLine: call.line }, typeOptions((k) => option(call, k)), ctx.dialect);
  if (!refTable) return { type, foreignKey: null, notValid: false };
  return {
    type,
    foreignKey: {
      kind: "foreign_key",
      name: nameOf(option(call, "name")) ?? `${table}_${column}_fkey`,
      columns: [column],
      refTable,
      refColumns: [nameOf(option(call, "column")) ?? "id"],
      onDelete: referentialAction(option(call, "on_delete")),
      onUpdate: referentialAction(option(call, "on_update")),
    },
    notValid: booleanOf(option(call, "validate")) === false,
  };
}

/** `add`/`add_if_not_exists`/`modify`: the column name, its type (or reference) and options. */
export function readColumn(table: string, call: CodeCall, ctx: EctoContext): ColumnRead | null {
  const name = nameOf(call.args[0]);
  const typeValue = call.args[1];
  if (!name || !typeValue) return null;
  let type: string | null;
  let foreignKey: ColumnRead["foreignKey"] = null;
  let notValid = false;
  if (typeValue.kind === "call" && typeValue.name === "references") {
    ({ type, foreignKey, notValid } = reference(table, name, typeValue, ctx));
  } else {
    type = ectoType(typeValue, typeOptions((k) => option(call, k)), ctx.dialect);
  }
  const nullOption = option(call, "null");
  const primaryKey = booleanOf(option(call, "primary_key")) === true;
  const spec: ColumnSpec = { name, type, nullable: primaryKey ? false : nullOption === undefined ? true : booleanOf(nullOption) };
  if (primaryKey) spec.primaryKey = true;
  const defaultValue = ectoDefault(option(call, "default"), type, ctx);
  if (defaultValue !== undefined) spec.default = defaultValue;
  const generated = stringOf(option(call, "generated"));
  if (generated) spec.generated = { expression: generated.replace(/^always as\s*/i, ""), stored: /stored\s*$/i.test(generated) };
  return { spec, foreignKey, notValid };
}
