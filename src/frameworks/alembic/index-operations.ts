/**
 * `op.create_index` (a column list or `sa.text("lower(email)")`, `unique=`, `postgresql_where=`,
 * `postgresql_using=`, `postgresql_ops=`, `postgresql_concurrently=`, `postgresql_include=`), `op.drop_index`,
 * and the constraint operations: create/drop foreign key, unique, check and primary key — on a batch too.
 */
import type { IndexSpec, Operation } from "../../model/operations.js";
import { booleanOf, entry, nameOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { expressionColumns } from "../../parse/expression-columns.js";
import { nameArg, resolve, sourceOf, untyped, type AlembicContext } from "./context.js";
import { referentialAction } from "./columns.js";
import { unnamed } from "./names.js";

/** SQL given as a string or `sa.text("…")`. */
function sqlOf(value: CodeValue | undefined, ctx: AlembicContext): string | null {
  const resolved = resolve(value, ctx);
  if (resolved?.kind === "string") return resolved.value;
  if (resolved?.kind === "call" && (resolved.name === "text" || resolved.name === "literal_column")) return stringOf(resolved.args[0]);
  return null;
}

export function createIndex(call: CodeCall, ctx: AlembicContext, batchTable: string | null): Operation[] {
  const name = nameArg(call.args[0] ?? option(call, "index_name"), ctx);
  const table = batchTable ?? nameArg(call.args[1] ?? option(call, "table_name"), ctx);
  const columnsValue = resolve(batchTable ? (call.args[1] ?? option(call, "columns")) : (call.args[2] ?? option(call, "columns")), ctx);
  if (!table || columnsValue?.kind !== "list") return [untyped(ctx, call, "index built at run time")];
  const ops = option(call, "postgresql_ops");
  const keys: IndexSpec["keys"] = [];
  for (const item of columnsValue.items) {
    const column = nameArg(item, ctx);
    if (column !== null) {
      const opclass = nameOf(entry(ops, column));
      keys.push({ column, columns: [column], ...(opclass ? { opclass } : {}) });
      continue;
    }
    const expression = sqlOf(item, ctx);
    if (expression === null) return [untyped(ctx, call, "index key built at run time")];
    keys.push({ expression, columns: expressionColumns(expression) });
  }
  const whereValue = option(call, "postgresql_where") ?? option(call, "sqlite_where");
  const where = whereValue ? sqlOf(whereValue, ctx) : null;
  if (whereValue && where === null) return [untyped(ctx, call, "index condition built at run time")];
  const include = resolve(option(call, "postgresql_include"), ctx);
  const spec: IndexSpec = {
    name,
    table,
    keys,
    unique: booleanOf(option(call, "unique")) === true,
    method: nameArg(option(call, "postgresql_using"), ctx),
    where,
    whereColumns: where ? expressionColumns(where) : [],
    include: include?.kind === "list" ? include.items.map((i) => nameArg(i, ctx)).filter((n): n is string => n !== null) : [],
  };
  const op: Operation = { kind: "create_index", index: spec, concurrently: booleanOf(option(call, "postgresql_concurrently")) === true, source: sourceOf(ctx, call), call: call.name };
  if (booleanOf(option(call, "if_not_exists")) === true) op.ifNotExists = true;
  return [op];
}

export function dropIndex(call: CodeCall, ctx: AlembicContext, batchTable: string | null): Operation[] {
  const name = nameArg(call.args[0] ?? option(call, "index_name"), ctx);
  const table = batchTable ?? nameArg(call.args[1] ?? option(call, "table_name"), ctx);
  if (!name) return [untyped(ctx, call, "index named at run time")];
  const op: Operation = { kind: "drop_index", name, table, concurrently: booleanOf(option(call, "postgresql_concurrently")) === true, source: sourceOf(ctx, call), call: call.name };
  if (booleanOf(option(call, "if_exists")) === true) op.ifExists = true;
  return [op];
}

function names(value: CodeValue | undefined, ctx: AlembicContext): string[] | null {
  const resolved = resolve(value, ctx);
  if (resolved?.kind !== "list") return null;
  const out = resolved.items.map((i) => nameArg(i, ctx));
  return out.every((n): n is string => n !== null) ? out : null;
}

export function createForeignKey(call: CodeCall, ctx: AlembicContext, batchTable: string | null): Operation[] {
  // op.create_foreign_key(name, source, referent, local_cols, remote_cols); a batch leaves out the source.
  const name = nameArg(call.args[0] ?? option(call, "constraint_name"), ctx);
  const at = batchTable ? 1 : 2;
  const table = batchTable ?? nameArg(call.args[1] ?? option(call, "source_table"), ctx);
  const refTable = nameArg(call.args[at] ?? option(call, "referent_table"), ctx);
  const columns = names(call.args[at + 1] ?? option(call, "local_cols"), ctx);
  const refColumns = names(call.args[at + 2] ?? option(call, "remote_cols"), ctx);
  if (!table || !refTable || !columns || !refColumns) return [untyped(ctx, call, "foreign key built at run time")];
  return [
    {
      kind: "add_constraint",
      table,
      constraint: { kind: "foreign_key", name: name ?? unnamed(table, columns, "fkey", ctx), columns, refTable, refColumns, onDelete: referentialAction(option(call, "ondelete")), onUpdate: referentialAction(option(call, "onupdate")) },
      notValid: false,
      source: sourceOf(ctx, call),
      call: call.name,
    },
  ];
}

export function createUnique(call: CodeCall, ctx: AlembicContext, batchTable: string | null): Operation[] {
  const name = nameArg(call.args[0] ?? option(call, "constraint_name"), ctx);
  const table = batchTable ?? nameArg(call.args[1] ?? option(call, "table_name"), ctx);
  const columns = names(batchTable ? (call.args[1] ?? option(call, "columns")) : (call.args[2] ?? option(call, "columns")), ctx);
  if (!table || !columns) return [untyped(ctx, call, "unique constraint built at run time")];
  return [{ kind: "add_constraint", table, constraint: { kind: "unique", name: name ?? unnamed(table, columns, "key", ctx), columns }, notValid: false, source: sourceOf(ctx, call), call: call.name }];
}

export function createCheck(call: CodeCall, ctx: AlembicContext, batchTable: string | null): Operation[] {
  const name = nameArg(call.args[0] ?? option(call, "constraint_name"), ctx);
  const table = batchTable ?? nameArg(call.args[1] ?? option(call, "table_name"), ctx);
  const expression = sqlOf(batchTable ? (call.args[1] ?? option(call, "condition")) : (call.args[2] ?? option(call, "condition")), ctx);
  if (!table || expression === null) return [untyped(ctx, call, "check constraint built at run time")];
  return [{ kind: "add_constraint", table, constraint: { kind: "check", name, expression, columns: expressionColumns(expression) }, notValid: false, source: sourceOf(ctx, call), call: call.name }];
}

export function createPrimaryKey(call: CodeCall, ctx: AlembicContext, batchTable: string | null): Operation[] {
  const name = nameArg(call.args[0] ?? option(call, "constraint_name"), ctx);
  const table = batchTable ?? nameArg(call.args[1] ?? option(call, "table_name"), ctx);
  const columns = names(batchTable ? (call.args[1] ?? option(call, "columns")) : (call.args[2] ?? option(call, "columns")), ctx);
  if (!table || !columns) return [untyped(ctx, call, "primary key built at run time")];
  return [{ kind: "add_constraint", table, constraint: { kind: "primary_key", name, columns }, notValid: false, source: sourceOf(ctx, call), call: call.name }];
}

export function dropConstraint(call: CodeCall, ctx: AlembicContext, batchTable: string | null): Operation[] {
  const table = batchTable ?? nameArg(call.args[1] ?? option(call, "table_name"), ctx);
  const name = nameArg(call.args[0] ?? option(call, "constraint_name"), ctx);
  if (!table || !name) return [untyped(ctx, call, "constraint named at run time")];
  return [{ kind: "drop_constraint", table, name, source: sourceOf(ctx, call), call: call.name }];
}
