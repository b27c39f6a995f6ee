/**
 * Column commands: `add_column`, `remove_column(s)`, `rename_column`, `change_column`, `change_column_null`,
 * `change_column_default`, `add/remove_timestamps`, `add/remove_reference`. Undo as Rails' CommandRecorder
 * inverts them: a `remove_column` without its type, a `change_column`, a `change_column_default` without
 * `from:`/`to:` are irreversible.
 */
import type { Operation } from "../../model/operations.js";
import { booleanOf, hasOption, nameOf, option, type CodeCall } from "../../parse/code-value.js";
import { columnSpec } from "./column.js";
import { sourceOf, tableArg, untyped, type Command, type Handler, type RailsContext } from "./context.js";
import { railsType } from "./types.js";
import { typeOptions } from "./column.js";
import { addedColumns } from "./table-block.js";
import { defaultOf, sqlLiteral } from "./values.js";

function needTable(call: CodeCall, ctx: RailsContext): string | Command {
  const table = tableArg(call);
  return table ?? { up: [untyped(ctx, call, "table name computed at run time")], down: null };
}

const addColumn: Handler = (call, ctx) => {
  const table = needTable(call, ctx);
  if (typeof table !== "string") return table;
  const name = nameOf(call.args[1]);
  const type = nameOf(call.args[2]);
  if (!name || !type) return { up: [untyped(ctx, call, "column built at run time")], down: null };
  return { up: [{ kind: "add_column", table, column: columnSpec(name, type, call, ctx), source: sourceOf(ctx, call), call: call.name }] };
};

const removeColumn: Handler = (call, ctx) => {
  const table = needTable(call, ctx);
  if (typeof table !== "string") return table;
  const source = sourceOf(ctx, call);
  const multiple = call.name === "remove_columns";
  const names = (multiple ? call.args.slice(1) : call.args.slice(1, 2)).map(nameOf).filter((n): n is string => n !== null);
  const type = multiple ? nameOf(option(call, "type")) : nameOf(call.args[2]);
  const up: Operation[] = names.map((column) => ({ kind: "drop_column", table, column, ifExists: booleanOf(option(call, "if_exists")) === true || undefined, source, call: call.name }));
  const down: Operation[] | null = type
    ? names.map((name) => ({ kind: "add_column", table, column: columnSpec(name, type, call, ctx), source, call: "add_column" }))
    : null;
  return { up, down };
};

const renameColumn: Handler = (call, ctx) => {
  const table = needTable(call, ctx);
  if (typeof table !== "string") return table;
  const from = nameOf(call.args[1]);
  const to = nameOf(call.args[2]);
  if (!from || !to) return { up: [untyped(ctx, call, "column name computed at run time")], down: null };
  return { up: [{ kind: "rename_column", table, column: from, to, source: sourceOf(ctx, call), call: call.name }] };
};

/** Rails keeps a changed column's default and nullability unless the call restates them (all adapters). */
const changeColumn: Handler = (call, ctx) => {
  const table = needTable(call, ctx);
  if (typeof table !== "string") return table;
  const column = nameOf(call.args[1]);
  const type = nameOf(call.args[2]);
  if (!column || !type) return { up: [untyped(ctx, call, "column built at run time")], down: null };
  const source = sourceOf(ctx, call);
  const sqlType = railsType(type, typeOptions(call), ctx.dialect, ctx.behavior);
  const up: Operation[] = [];
  if (sqlType === null) up.push(untyped(ctx, call, "column type unknown without the database's dialect"));
  else up.push({ kind: "change_type", table, column, type: sqlType, source, call: call.name });
  const nullable = booleanOf(option(call, "null"));
  if (nullable !== null) up.push({ kind: "set_nullable", table, column, nullable, source, call: call.name });
  if (hasOption(call, "default")) {
    const value = defaultOf(option(call, "default")!);
    if (value !== undefined) up.push({ kind: "set_default", table, column, default: value, source, call: call.name });
  }
  return { up, down: null };
};

const changeColumnNull: Handler = (call, ctx) => {
  const table = needTable(call, ctx);
  if (typeof table !== "string") return table;
  const column = nameOf(call.args[1]);
  const nullable = booleanOf(call.args[2]);
  if (!column || nullable === null) return { up: [untyped(ctx, call, "nullability computed at run time")], down: null };
  const source = sourceOf(ctx, call);
  const up: Operation[] = [];
  // The fourth argument fills the NULLs before NOT NULL is set.
  const fill = call.args[3] ? sqlLiteral(call.args[3]) : null;
  if (fill !== null && fill !== "NULL") up.push({ kind: "update", table, set: [{ column, sql: fill }], where: `${column} IS NULL`, source, call: call.name });
  up.push({ kind: "set_nullable", table, column, nullable, source, call: call.name });
  return { up, down: [{ kind: "set_nullable", table, column, nullable: !nullable, source, call: call.name }] };
};

const changeColumnDefault: Handler = (call, ctx) => {
  const table = needTable(call, ctx);
  if (typeof table !== "string") return table;
  const column = nameOf(call.args[1]);
  const source = sourceOf(ctx, call);
  const fromTo = call.args[2] === undefined && hasOption(call, "to");
  const to = fromTo ? option(call, "to") : call.args[2];
  const value = to ? defaultOf(to) : undefined;
  if (!column || value === undefined) return { up: [untyped(ctx, call, "default computed at run time")], down: null };
  const from = fromTo && hasOption(call, "from") ? defaultOf(option(call, "from")!) : undefined;
  return {
    up: [{ kind: "set_default", table, column, default: value, source, call: call.name }],
    down: from === undefined ? null : [{ kind: "set_default", table, column, default: from, source, call: call.name }],
  };
};

const addTimestamps: Handler = (call, ctx) => {
  const table = needTable(call, ctx);
  if (typeof table !== "string") return table;
  return { up: addedColumns(table, { ...call, name: "timestamps", args: [] }, ctx) };
};

const removeTimestamps: Handler = (call, ctx) => {
  const table = needTable(call, ctx);
  if (typeof table !== "string") return table;
  const source = sourceOf(ctx, call);
  return {
    up: ["created_at", "updated_at"].map((column) => ({ kind: "drop_column", table, column, source, call: call.name })),
    down: addedColumns(table, { ...call, name: "timestamps", args: [] }, ctx),
  };
};

const addReference: Handler = (call, ctx) => {
  const table = needTable(call, ctx);
  if (typeof table !== "string") return table;
  return { up: addedColumns(table, { ...call, name: "references", args: call.args.slice(1) }, ctx) };
};

const removeReference: Handler = (call, ctx) => {
  const table = needTable(call, ctx);
  if (typeof table !== "string") return table;
  const ref = nameOf(call.args[1]);
  if (!ref) return { up: [untyped(ctx, call, "reference computed at run time")], down: null };
  const source = sourceOf(ctx, call);
  const columns = [`${ref}_id`];
  if (option(call, "polymorphic") && booleanOf(option(call, "polymorphic")) !== false) columns.push(`${ref}_type`);
  // Dropping the column drops its index and foreign key with it.
  return {
    up: columns.map((column) => ({ kind: "drop_column", table, column, source, call: call.name })),
    down: addedColumns(table, { ...call, name: "references", args: call.args.slice(1) }, ctx),
  };
};

export const COLUMN_CALLS: Record<string, Handler> = {
  add_column: addColumn,
  remove_column: removeColumn,
  remove_columns: removeColumn,
  rename_column: renameColumn,
  change_column: changeColumn,
  change_column_null: changeColumnNull,
  change_column_default: changeColumnDefault,
  add_timestamps: addTimestamps,
  remove_timestamps: removeTimestamps,
  add_reference: addReference,
  add_belongs_to: addReference,
  remove_reference: removeReference,
  remove_belongs_to: removeReference,
};
