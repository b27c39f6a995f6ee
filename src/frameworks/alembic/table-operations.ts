/**
 * `op.create_table` (columns, PrimaryKeyConstraint, ForeignKeyConstraint, UniqueConstraint, CheckConstraint,
 * `index=True` columns, PostgreSQL enum types), `op.drop_table`, `op.rename_table`, `op.add_column`,
 * `op.drop_column`, `op.alter_column` — and the same on a `batch_alter_table`, whose table is the batch's.
 */
import type { ColumnSpec, ConstraintSpec, Operation } from "../../model/operations.js";
import { booleanOf, hasOption, nameOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { expressionColumns } from "../../parse/expression-columns.js";
import { nameArg, resolve, sourceOf, untyped, type AlembicContext } from "./context.js";
import { autoIncrements, columnType, foreignKeyTarget, readColumn, referentialAction, serverDefault } from "./columns.js";
import { createIndex } from "./index-operations.js";
import { unnamed } from "./names.js";

function names(values: CodeValue[], ctx: AlembicContext): string[] | null {
  const out = values.map((v) => nameArg(v, ctx) ?? nameOf(resolve(v, ctx)));
  return out.every((n): n is string => n !== null) ? out : null;
}

function listArg(value: CodeValue | undefined, ctx: AlembicContext): string[] | null {
  const resolved = resolve(value, ctx);
  return resolved?.kind === "list" ? names(resolved.items, ctx) : null;
}

/** A table-level constraint argument of create_table. */
function tableConstraint(table: string, call: CodeCall, ctx: AlembicContext): ConstraintSpec | null {
  const name = nameArg(option(call, "name"), ctx);
  switch (call.name) {
    case "PrimaryKeyConstraint": {
      const columns = names(call.args, ctx);
      return columns ? { kind: "primary_key", name: name ?? unnamed(table, columns, "pkey", ctx), columns } : null;
    }
    case "UniqueConstraint": {
      const columns = names(call.args, ctx);
      return columns ? { kind: "unique", name: name ?? unnamed(table, columns, "key", ctx), columns } : null;
    }
    case "CheckConstraint": {
      const expression = nameArg(call.args[0], ctx) ?? (call.args[0]?.kind === "call" ? stringOf(call.args[0].args[0]) : null);
      return expression ? { kind: "check", name, expression, columns: expressionColumns(expression) } : null;
    }
    case "ForeignKeyConstraint": {
      const columns = listArg(call.args[0], ctx);
      const targets = (resolve(call.args[1], ctx)?.kind === "list" ? (resolve(call.args[1], ctx) as Extract<CodeValue, { kind: "list" }>).items : []).map((t) => foreignKeyTarget(t, ctx));
      if (!columns || !targets.length || targets.some((t) => t === null)) return null;
      return {
        kind: "foreign_key",
        name: name ?? unnamed(table, columns, "fkey", ctx),
        columns,
        refTable: targets[0]!.table,
        refColumns: targets.map((t) => t!.column),
        onDelete: referentialAction(option(call, "ondelete")),
        onUpdate: referentialAction(option(call, "onupdate")),
      };
    }
    default:
      return null;
  }
}

function indexOn(table: string, column: string, unique: boolean, ctx: AlembicContext, at: CodeCall): Operation {
  return {
    kind: "create_index",
    index: { name: `ix_${table}_${column}`, table, keys: [{ column, columns: [column] }], unique, method: null, where: null, whereColumns: [], include: [] },
    concurrently: false,
    source: sourceOf(ctx, at),
    call: at.name,
  };
}

export function createTable(call: CodeCall, ctx: AlembicContext): Operation[] {
  const table = nameArg(call.args[0], ctx);
  if (!table) return [untyped(ctx, call, "table name computed at run time")];
  const source = sourceOf(ctx, call);
  const columns: ColumnSpec[] = [];
  const constraints: ConstraintSpec[] = [];
  const before: Operation[] = [];
  const after: Operation[] = [];
  const reads: { read: NonNullable<ReturnType<typeof readColumn>>; value: CodeValue }[] = [];
  for (const value of call.args.slice(1)) {
    const read = readColumn(value, ctx);
    if (read) {
      reads.push({ read, value });
      continue;
    }
    const resolved = resolve(value, ctx);
    // sa.Index("ix_…", "col", sa.text("lower(email)"), unique=True) among a model's __table_args__.
    if (resolved?.kind === "call" && resolved.name === "Index") {
      const list = { kind: "list" as const, items: resolved.args.slice(1), line: resolved.line, endLine: resolved.endLine };
      after.push(...createIndex({ ...resolved, name: "create_index", args: [resolved.args[0]!, { kind: "string", value: table, line: resolved.line, endLine: resolved.line }, list] }, ctx, null));
      continue;
    }
    const constraint = resolved?.kind === "call" ? tableConstraint(table, resolved, ctx) : null;
    if (constraint) constraints.push({ ...constraint, source: sourceOf(ctx, resolved as CodeCall) });
    else after.push(untyped(ctx, { ...(value as CodeCall), text: "text" in value ? value.text : call.text }, "table element the reader does not type"));
  }
  const keyColumns = new Set([...reads.filter((r) => r.read.spec.primaryKey).map((r) => r.read.spec.name), ...constraints.flatMap((c) => (c.kind === "primary_key" ? c.columns : []))]);
  for (const { read, value } of reads) {
    const spec: ColumnSpec = { ...read.spec, source: sourceOf(ctx, value as CodeCall) };
    if (keyColumns.has(spec.name)) spec.nullable = false;
    // A single integer primary key is SERIAL on PostgreSQL, AUTO_INCREMENT on MySQL.
    if (keyColumns.size === 1 && keyColumns.has(spec.name) && autoIncrements(read, value) && spec.default === null) {
      if (ctx.dialect === "postgres") spec.default = { kind: "expression", sql: `nextval('${table}_${spec.name}_seq'::regclass)` };
      if (ctx.dialect === "mysql") spec.identity = "auto_increment";
    }
    columns.push(spec);
    if (read.foreignKey) constraints.push({ ...read.foreignKey, name: read.foreignKey.name ?? unnamed(table, [spec.name], "fkey", ctx), source: spec.source });
    if (read.unique && !read.index) constraints.push({ kind: "unique", name: unnamed(table, [spec.name], "key", ctx), columns: [spec.name], source: spec.source });
    if (read.index) after.push(indexOn(table, spec.name, read.unique, ctx, call));
    if (read.enum && ctx.dialect === "postgres") before.push({ kind: "create_enum", name: read.enum.name, values: read.enum.values, source, call: call.name });
  }
  if (ctx.dialect === "mysql") nameAsMysql(table, constraints);
  if (keyColumns.size && !constraints.some((c) => c.kind === "primary_key")) {
    constraints.push({ kind: "primary_key", name: unnamed(table, [...keyColumns], "pkey", ctx), columns: [...keyColumns] });
    for (const column of columns) delete column.primaryKey;
  }
  return [...before, { kind: "create_table", table, columns, constraints, source, call: call.name }, ...after];
}

/** MySQL names a CREATE TABLE's unnamed foreign keys `<table>_ibfk_<n>` in order, and a UNIQUE after its first column. */
function nameAsMysql(table: string, constraints: ConstraintSpec[]): void {
  let n = 0;
  const taken = new Set<string>();
  for (const constraint of constraints) {
    if (constraint.kind === "foreign_key") {
      n += 1;
      if (constraint.name === null) constraint.name = `${table}_ibfk_${n}`;
    }
    if (constraint.kind === "unique" && constraint.name === null) {
      let name = constraint.columns[0]!;
      for (let i = 2; taken.has(name); i += 1) name = `${constraint.columns[0]}_${i}`;
      constraint.name = name;
    }
    if (constraint.name) taken.add(constraint.name);
  }
}


export function dropTable(call: CodeCall, ctx: AlembicContext): Operation[] {
  const table = nameArg(call.args[0], ctx);
  return table ? [{ kind: "drop_table", table, source: sourceOf(ctx, call), call: call.name }] : [untyped(ctx, call, "table name computed at run time")];
}

export function renameTable(call: CodeCall, ctx: AlembicContext): Operation[] {
  const from = nameArg(call.args[0], ctx);
  const to = nameArg(call.args[1] ?? option(call, "new_table_name"), ctx);
  return from && to ? [{ kind: "rename_table", table: from, to, source: sourceOf(ctx, call), call: call.name }] : [untyped(ctx, call, "table name computed at run time")];
}

/** Arguments shift by one on a batch operation, whose table is the batch's. */
export function tableAndArgs(call: CodeCall, batchTable: string | null, ctx: AlembicContext): { table: string | null; args: CodeValue[] } {
  if (batchTable) return { table: batchTable, args: call.args };
  return { table: nameArg(call.args[0] ?? option(call, "table_name"), ctx), args: call.args.slice(1) };
}

export function addColumn(call: CodeCall, ctx: AlembicContext, batchTable: string | null): Operation[] {
  const { table, args } = tableAndArgs(call, batchTable, ctx);
  const value = args[0] ?? option(call, "column");
  const read = value ? readColumn(value, ctx) : null;
  if (!table || !read) return [untyped(ctx, call, "column built at run time")];
  const source = sourceOf(ctx, call);
  const spec = read.spec;
  const ops: Operation[] = [];
  if (read.enum && ctx.dialect === "postgres") ops.push({ kind: "create_enum", name: read.enum.name, values: read.enum.values, source, call: call.name });
  ops.push({ kind: "add_column", table, column: spec, source, call: call.name });
  if (read.foreignKey) ops.push({ kind: "add_constraint", table, constraint: { ...read.foreignKey, name: read.foreignKey.name ?? unnamed(table, [spec.name], "fkey", ctx) }, notValid: false, source, call: call.name });
  if (read.unique && !read.index) ops.push({ kind: "add_constraint", table, constraint: { kind: "unique", name: unnamed(table, [spec.name], "key", ctx), columns: [spec.name] }, notValid: false, source, call: call.name });
  if (read.index) ops.push(indexOn(table, spec.name, read.unique, ctx, call));
  return ops;
}

export function dropColumn(call: CodeCall, ctx: AlembicContext, batchTable: string | null): Operation[] {
  const { table, args } = tableAndArgs(call, batchTable, ctx);
  const column = nameArg(args[0] ?? option(call, "column_name"), ctx);
  if (!table || !column) return [untyped(ctx, call, "column named at run time")];
  return [{ kind: "drop_column", table, column, source: sourceOf(ctx, call), call: call.name }];
}

/** As Alembic runs them: the type (with PostgreSQL's USING), NULL, the default, and the new name last. */
export function alterColumn(call: CodeCall, ctx: AlembicContext, batchTable: string | null): Operation[] {
  const { table, args } = tableAndArgs(call, batchTable, ctx);
  const column = nameArg(args[0] ?? option(call, "column_name"), ctx);
  if (!table || !column) return [untyped(ctx, call, "column named at run time")];
  const source = sourceOf(ctx, call);
  const ops: Operation[] = [];
  if (hasOption(call, "type_")) {
    const type = columnType(option(call, "type_"), ctx).sql;
    const using = nameArg(option(call, "postgresql_using"), ctx);
    ops.push(type === null ? untyped(ctx, call, "column type the reader cannot tell") : { kind: "change_type", table, column, type, ...(using ? { using } : {}), source, call: call.name });
  }
  const nullable = option(call, "nullable");
  if (nullable !== undefined && nullable.kind !== "null") {
    const value = booleanOf(nullable);
    ops.push(value === null ? untyped(ctx, call, "nullability computed at run time") : { kind: "set_nullable", table, column, nullable: value, source, call: call.name });
  }
  const defaultOption = option(call, "server_default");
  // server_default=False (Alembic's own default) leaves it; None drops it.
  if (defaultOption !== undefined && !(defaultOption.kind === "boolean" && !defaultOption.value)) {
    const value = serverDefault(resolve(defaultOption, ctx));
    ops.push(value === undefined ? untyped(ctx, call, "default computed at run time") : { kind: "set_default", table, column, default: value, source, call: call.name });
  }
  const to = nameArg(option(call, "new_column_name"), ctx);
  if (to) ops.push({ kind: "rename_column", table, column, to, source, call: call.name });
  return ops;
}
