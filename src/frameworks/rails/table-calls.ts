/**
 * Table commands: `create_table` (its primary key, its `|t|` block, `force:`/`if_not_exists:`), `drop_table`,
 * `rename_table`, `create_join_table`/`drop_join_table`, and SQLite's `create_virtual_table`.
 */
import type { Operation } from "../../model/operations.js";
import { booleanOf, hasOption, nameOf, option, stringOf, type CodeCall } from "../../parse/code-value.js";
import { columnSpec } from "./column.js";
import { sourceOf, tableArg, untyped, type Command, type Handler, type RailsContext } from "./context.js";
import { joinTableName } from "./naming.js";
import { singularize } from "../inflection.js";
import { primaryKeyOf } from "./primary-key.js";
import { readCreateBlock } from "./table-block.js";

function createOperations(table: string, call: CodeCall, ctx: RailsContext): Operation[] {
  if (hasOption(call, "as")) return [untyped(ctx, call, "CREATE TABLE … AS a query")];
  const key = primaryKeyOf(table, call, ctx);
  const body = readCreateBlock(table, call.block, ctx);
  const create: Operation = {
    kind: "create_table",
    table,
    columns: [...key.columns, ...body.columns],
    constraints: [...key.constraints, ...body.constraints],
    source: sourceOf(ctx, call),
    call: call.name,
  };
  if (booleanOf(option(call, "if_not_exists")) === true) create.ifNotExists = true;
  return [create, ...body.after];
}

const createTable: Handler = (call, ctx) => {
  const table = tableArg(call);
  if (!table) return { up: [untyped(ctx, call, "table name computed at run time")], down: null };
  const source = sourceOf(ctx, call);
  // `force: :cascade` (schema.rb) drops an existing table first; replay starts from the table's absence anyway.
  return { up: createOperations(table, call, ctx), down: [{ kind: "drop_table", table, source, call: "drop_table" }] };
};

const dropTable: Handler = (call, ctx) => {
  const table = tableArg(call);
  if (!table) return { up: [untyped(ctx, call, "table name computed at run time")], down: null };
  const op: Operation = { kind: "drop_table", table, source: sourceOf(ctx, call), call: call.name };
  if (booleanOf(option(call, "if_exists")) === true) op.ifExists = true;
  if (nameOf(option(call, "force")) === "cascade") op.cascade = true;
  // With its block the table can be made again on rollback; without, Rails cannot undo it.
  return { up: [op], down: call.block ? createOperations(table, call, ctx) : null };
};

const renameTable: Handler = (call, ctx) => {
  const from = tableArg(call);
  const to = tableArg(call, 1);
  if (!from || !to) return { up: [untyped(ctx, call, "table name computed at run time")], down: null };
  return { up: [{ kind: "rename_table", table: from, to, source: sourceOf(ctx, call), call: call.name }] };
};

/** `create_join_table :users, :roles`: `roles_users (role_id, user_id)`, no primary key, both NOT NULL. */
function joinTable(call: CodeCall, ctx: RailsContext): { table: string; ops: Operation[] } | null {
  const a = tableArg(call);
  const b = tableArg(call, 1);
  if (!a || !b) return null;
  const table = nameOf(option(call, "table_name")) ?? joinTableName(a, b);
  const source = sourceOf(ctx, call);
  const columns = [a, b].map((t) => ({ ...columnSpec(`${singularize(t)}_id`, ctx.behavior.keyType, { ...call, options: [] }, ctx), nullable: false }));
  const body = readCreateBlock(table, call.block, ctx);
  return { table, ops: [{ kind: "create_table", table, columns: [...columns, ...body.columns], constraints: body.constraints, source, call: call.name }, ...body.after] };
}

const createJoinTable: Handler = (call, ctx) => {
  const made = joinTable(call, ctx);
  if (!made) return { up: [untyped(ctx, call, "table name computed at run time")], down: null };
  return { up: made.ops, down: [{ kind: "drop_table", table: made.table, source: sourceOf(ctx, call), call: "drop_join_table" }] };
};

const dropJoinTable: Handler = (call, ctx): Command => {
  const made = joinTable(call, ctx);
  if (!made) return { up: [untyped(ctx, call, "table name computed at run time")], down: null };
  return { up: [{ kind: "drop_table", table: made.table, source: sourceOf(ctx, call), call: call.name }], down: made.ops };
};

/** `create_virtual_table :posts_fts, :fts5, ["title", "body", "content=''"]`: its columns, whose types SQLite does not record. */
const createVirtualTable: Handler = (call, ctx) => {
  const table = tableArg(call);
  const args = call.args[2];
  if (!table || args?.kind !== "list") return { up: [untyped(ctx, call, "virtual table built at run time")], down: null };
  const columns = args.items
    .map(stringOf)
    .filter((c): c is string => c !== null && !c.includes("="))
    .map((name) => ({ name, type: null, nullable: null }));
  return { up: [{ kind: "create_table", table, columns, constraints: [], source: sourceOf(ctx, call), call: call.name }], down: [{ kind: "drop_table", table, source: sourceOf(ctx, call), call: "drop_virtual_table" }] };
};

export const TABLE_CALLS: Record<string, Handler> = {
  create_table: createTable,
  drop_table: dropTable,
  rename_table: renameTable,
  create_join_table: createJoinTable,
  drop_join_table: dropJoinTable,
  create_virtual_table: createVirtualTable,
};
