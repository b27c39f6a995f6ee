/**
 * `sa.Column("email", sa.String(length=120), nullable=False, server_default=…, unique=True, index=True)` →
 * a ColumnSpec: NULL allowed unless `nullable=False` or primary key (SQLAlchemy's default), the server default
 * (a Python `default=` never reaches the database), an inline `sa.ForeignKey("users.id", ondelete=…)`.
 */
import type { ColumnSpec, ConstraintSpec } from "../../model/operations.js";
import type { DefaultValue, ReferentialAction } from "../../model/schema.js";
import { typedLiteral } from "../../model/typed-literal.js";
import { booleanOf, nameOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { nameArg, resolve, type AlembicContext } from "./context.js";
import { enumValues, isIntegerType, sqlalchemyType, typeCall } from "./types.js";

export interface ColumnRead {
  spec: ColumnSpec;
  typeCall: CodeCall | null;
  foreignKey: Extract<ConstraintSpec, { kind: "foreign_key" }> | null;
  index: boolean;
  unique: boolean;
  enum: { name: string; values: string[] } | null;
}

/** `ondelete="CASCADE"` → cascade; absent is the database's default, NO ACTION. */
export function referentialAction(value: CodeValue | undefined): ReferentialAction | null {
  if (value === undefined || value.kind === "null") return "no_action";
  const name = stringOf(value)?.toLowerCase().replace(/\s+/g, "_");
  const actions: Record<string, ReferentialAction> = { cascade: "cascade", set_null: "set_null", restrict: "restrict", no_action: "no_action", set_default: "set_default" };
  return name ? (actions[name] ?? null) : null;
}

/** `server_default="0"`, `sa.text("now()")`, `sa.func.now()`, `sa.false()`. Undefined when Python computes it. */
export function serverDefault(value: CodeValue | undefined): DefaultValue | null | undefined {
  if (value === undefined || value.kind === "null") return null;
  if (value.kind === "string") return { kind: "literal", value: value.value };
  if (value.kind === "boolean" || value.kind === "number") return { kind: "literal", value: value.value };
  if (value.kind === "call") {
    if (value.name === "text" || value.name === "literal_column") {
      const sql = stringOf(value.args[0]);
      return sql === null ? undefined : { kind: "expression", sql };
    }
    if (value.name === "true" || value.name === "false") return { kind: "literal", value: value.name === "true" };
    const receiver = value.receiver?.kind === "name" ? value.receiver.parts : [];
    if (receiver[receiver.length - 1] === "func" && value.args.length === 0) return { kind: "expression", sql: `${value.name}()` };
  }
  return undefined;
}

/** The SQL type of a column's type argument, a project's own TypeDecorator resolved for the dialect. */
export function columnType(value: CodeValue | undefined, ctx: AlembicContext): { sql: string | null; call: CodeCall | null } {
  const call = typeCall(value);
  if (!call) return { sql: null, call: null };
  const dotted = call.receiver?.kind === "name" ? `${call.receiver.parts.join(".")}.${call.name}` : call.name;
  const custom = ctx.customTypes.get(dotted);
  const effective = custom ?? call;
  return { sql: sqlalchemyType(effective, ctx.dialect), call: effective };
}

export function foreignKeyTarget(value: CodeValue | undefined, ctx: AlembicContext): { table: string; column: string } | null {
  const target = nameArg(value, ctx);
  if (!target || !target.includes(".")) return null;
  const at = target.lastIndexOf(".");
  return { table: target.slice(0, at), column: target.slice(at + 1) };
}

export function readColumn(value: CodeValue, ctx: AlembicContext): ColumnRead | null {
  const call = resolve(value, ctx);
  if (call?.kind !== "call" || call.name !== "Column") return null;
  const name = nameArg(call.args[0], ctx);
  if (!name) return null;
  const typeArg = call.args[1] && !(call.args[1].kind === "call" && call.args[1].name === "ForeignKey") ? call.args[1] : option(call, "type_");
  const type = columnType(resolve(typeArg, ctx), ctx);
  const primaryKey = booleanOf(option(call, "primary_key")) === true;
  const nullableOption = option(call, "nullable");
  const nullable = primaryKey ? false : nullableOption === undefined ? true : booleanOf(nullableOption);
  const spec: ColumnSpec = { name, type: type.sql, nullable };
  if (primaryKey) spec.primaryKey = true;
  const defaultValue = serverDefault(option(call, "server_default"));
  if (defaultValue?.kind === "literal" && ctx.dialect && type.sql) spec.default = { kind: "literal", value: typedLiteral(defaultValue.value, type.sql, ctx.dialect) };
  else if (defaultValue !== undefined) spec.default = defaultValue;
  let foreignKey: ColumnRead["foreignKey"] = null;
  const fk = call.args.find((a): a is CodeCall => a.kind === "call" && a.name === "ForeignKey");
  if (fk) {
    const target = foreignKeyTarget(fk.args[0], ctx);
    if (target) {
      foreignKey = {
        kind: "foreign_key",
        name: nameOf(option(fk, "name")),
        columns: [name],
        refTable: target.table,
        refColumns: [target.column],
        onDelete: referentialAction(option(fk, "ondelete")),
        onUpdate: referentialAction(option(fk, "onupdate")),
      };
    }
  }
  return {
    spec,
    typeCall: type.call,
    foreignKey,
    index: booleanOf(option(call, "index")) === true,
    unique: booleanOf(option(call, "unique")) === true,
    enum: type.call ? enumValues(type.call) : null,
  };
}

/** Whether SQLAlchemy makes this single integer primary key auto-incrementing (`autoincrement` left as "auto"). */
export function autoIncrements(read: ColumnRead, call: CodeValue): boolean {
  const auto = call.kind === "call" ? option(call, "autoincrement") : undefined;
  return read.typeCall !== null && isIntegerType(read.typeCall) && (auto === undefined || booleanOf(auto) === true);
}
