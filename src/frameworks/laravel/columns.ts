/**
 * One `$table->string('email', 100)->nullable()->default('x')->unique()` chain → a ColumnSpec and what its
 * modifiers add: NOT NULL unless `nullable()` (Laravel's columns are NOT NULL by default), a default only from
 * `default()`/`useCurrent()`, an index from `index()`/`unique()`/`primary()`, a foreign key from
 * `foreignId()->constrained()->cascadeOnDelete()`, and `change()` — which restates the whole column.
 */
import type { ColumnSpec, ConstraintSpec } from "../../model/operations.js";
import type { DefaultValue, ReferentialAction } from "../../model/schema.js";
import { typedLiteral } from "../../model/typed-literal.js";
import { booleanOf, nameOf, numberOf, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import type { LaravelContext } from "./context.js";
import { constrainedTable, indexName } from "./naming.js";
import { COLUMN_METHODS, isIncrementing, isUnsigned, laravelType } from "./types.js";

export interface ColumnChain {
  spec: ColumnSpec;
  /** `->index()`, `->unique()`, `->primary()`, `->fullText()` with the name they give, if any. */
  indexes: { type: "index" | "unique" | "primary" | "fulltext"; name: string | null }[];
  foreignKey: Extract<ConstraintSpec, { kind: "foreign_key" }> | null;
  change: boolean;
}

const ACTIONS: Record<string, ReferentialAction> = { cascade: "cascade", "set null": "set_null", restrict: "restrict", "no action": "no_action", "set default": "set_default" };
const ACTION_METHODS: Record<string, ReferentialAction> = { cascadeOnDelete: "cascade", nullOnDelete: "set_null", restrictOnDelete: "restrict", noActionOnDelete: "no_action", cascadeOnUpdate: "cascade", restrictOnUpdate: "restrict", nullOnUpdate: "set_null", noActionOnUpdate: "no_action" };

export function referentialAction(value: CodeValue | undefined): ReferentialAction | null {
  const name = stringOf(value)?.toLowerCase();
  return name ? (ACTIONS[name] ?? null) : null;
}

/** `'x'`, `0`, `true`, `DB::raw('now()')`, `new Expression(…)`; undefined when PHP computes it. */
function laravelDefault(value: CodeValue | undefined, type: string | null, ctx: LaravelContext): DefaultValue | null | undefined {
  if (!value || value.kind === "null") return null;
  if (value.kind === "string" || value.kind === "number" || value.kind === "boolean") {
    return { kind: "literal", value: ctx.dialect && type ? typedLiteral(value.value, type, ctx.dialect) : value.value };
  }
  if (value.kind === "call" && value.name === "raw" && value.args[0]?.kind === "string") return { kind: "expression", sql: value.args[0].value };
  if (value.kind === "other" && value.text.startsWith("new Expression(")) return undefined;
  return undefined;
}

function typeArgs(method: string, call: CodeCall): Parameters<typeof laravelType>[1] {
  const [, second, third] = call.args;
  const type = COLUMN_METHODS[method];
  const allowed = type === "enum" || type === "set" ? (second?.kind === "list" ? second.items.map(stringOf) : null) : null;
  return {
    length: type === "string" || type === "char" ? numberOf(second) : null,
    precision: ["decimal", "float", "dateTime", "dateTimeTz", "timestamp", "timestampTz", "time", "timeTz"].includes(type ?? "") ? numberOf(second) : null,
    scale: type === "decimal" ? numberOf(third) : null,
    allowed: allowed && allowed.every((a): a is string => a !== null) ? allowed : null,
    unsigned: isUnsigned(method),
  };
}

/** Reads a chain whose first call is a column method on `$table`; null for anything else. */
export function readColumnChain(calls: CodeCall[], table: string, ctx: LaravelContext): ColumnChain | null {
  const [first, ...modifiers] = calls;
  if (!first || !(first.name in COLUMN_METHODS)) return null;
  const name = first.name === "id" && !first.args[0] ? "id" : stringOf(first.args[0]);
  if (!name) return null;
  const args = typeArgs(first.name, first);
  if (modifiers.some((m) => m.name === "unsigned")) args.unsigned = true;
  const type = laravelType(COLUMN_METHODS[first.name]!, args, ctx.dialect);
  const spec: ColumnSpec = { name, type, nullable: false, default: null };
  const chain: ColumnChain = { spec, indexes: [], foreignKey: null, change: false };
  if (isIncrementing(first.name)) {
    spec.primaryKey = true;
    if (ctx.dialect === "postgres") spec.default = { kind: "expression", sql: `nextval('${table}_${name}_seq'::regclass)` };
    else spec.identity = "auto_increment";
  }
  let onDelete: ReferentialAction | null = "no_action";
  let onUpdate: ReferentialAction | null = "no_action";
  let constrained: CodeCall | null = null;
  for (const modifier of modifiers) {
    const arg = modifier.args[0];
    switch (modifier.name) {
      case "nullable":
        spec.nullable = arg === undefined ? true : booleanOf(arg);
        break;
      case "default": {
        const value = laravelDefault(arg, type, ctx);
        if (value === undefined) delete spec.default;
        else spec.default = value;
        break;
      }
      case "useCurrent":
        spec.default = { kind: "expression", sql: "CURRENT_TIMESTAMP" };
        break;
      case "autoIncrement":
        if (ctx.dialect !== "postgres") spec.identity = "auto_increment";
        break;
      case "storedAs":
      case "virtualAs": {
        const expression = stringOf(arg);
        if (expression) spec.generated = { expression, stored: modifier.name === "storedAs" };
        delete spec.default;
        break;
      }
      case "index":
      case "unique":
      case "primary":
      case "fullText":
        if (arg === undefined || arg.kind !== "boolean" || arg.value) chain.indexes.push({ type: modifier.name === "fullText" ? "fulltext" : modifier.name, name: stringOf(arg) });
        break;
      case "constrained":
        constrained = modifier;
        break;
      case "onDelete":
        onDelete = referentialAction(arg);
        break;
      case "onUpdate":
        onUpdate = referentialAction(arg);
        break;
      case "change":
        chain.change = true;
        break;
      default:
        if (modifier.name in ACTION_METHODS) {
          if (modifier.name.endsWith("OnDelete")) onDelete = ACTION_METHODS[modifier.name]!;
          else onUpdate = ACTION_METHODS[modifier.name]!;
        }
    }
  }
  if (constrained) {
    const key = nameOf(constrained.args[1]) ?? "id";
    const refTable = nameOf(constrained.args[0]) ?? constrainedTable(name, key);
    chain.foreignKey = { kind: "foreign_key", name: nameOf(constrained.args[2]) ?? indexName(table, [name], "foreign"), columns: [name], refTable, refColumns: [key], onDelete, onUpdate };
  }
  return chain;
}
