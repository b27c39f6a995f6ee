/**
 * Every migration method the Rails reader types, by name, and `change_table`, whose `t.` calls are those same
 * methods on its table (`t.remove :x` is `remove_columns :users, :x`).
 */
import { nameOf, receiverName, type CodeCall } from "../../parse/code-value.js";
import { COLUMN_CALLS } from "./column-calls.js";
import { CONSTRAINT_CALLS } from "./constraint-calls.js";
import type { Operation } from "../../model/operations.js";
import { tableArg, untyped, type Command, type Handler } from "./context.js";
import { invertAll } from "../invert.js";
import { INDEX_CALLS } from "./index-calls.js";
import { MISC_CALLS } from "./misc-calls.js";
import { addedColumns, COLUMN_TYPES } from "./table-block.js";
import { TABLE_CALLS } from "./table-calls.js";

/** `change_table`'s `t.<method>` → the migration method it stands for. */
const TABLE_METHODS: Record<string, string> = {
  remove: "remove_columns",
  remove_references: "remove_reference",
  remove_belongs_to: "remove_reference",
  rename: "rename_column",
  change: "change_column",
  change_default: "change_column_default",
  change_null: "change_column_null",
  index: "add_index",
  remove_index: "remove_index",
  rename_index: "rename_index",
  remove_timestamps: "remove_timestamps",
  foreign_key: "add_foreign_key",
  remove_foreign_key: "remove_foreign_key",
  check_constraint: "add_check_constraint",
  remove_check_constraint: "remove_check_constraint",
};

const changeTable: Handler = async (call, ctx) => {
  const table = tableArg(call);
  if (!table || !call.block) return { up: [untyped(ctx, call, "table name computed at run time")], down: null };
  const param = call.block.params[0] ?? "t";
  const commands: Command[] = [];
  for (const statement of call.block.body) {
    if (statement.kind !== "call") continue;
    if (receiverName(statement) !== param) {
      commands.push({ up: [untyped(ctx, statement, "not a table definition")], down: null });
      continue;
    }
    if (COLUMN_TYPES.has(statement.name) || ["column", "references", "belongs_to", "timestamps"].includes(statement.name)) {
      commands.push({ up: addedColumns(table, statement, ctx) });
      continue;
    }
    const method = TABLE_METHODS[statement.name];
    const handler = method ? HANDLERS[method] : undefined;
    if (!handler) {
      commands.push({ up: [untyped(ctx, statement, "change_table method the reader does not type")], down: null });
      continue;
    }
    const tableValue = { kind: "symbol" as const, value: table, line: statement.line, endLine: statement.line };
    // `t.remove_references :a, :b` removes each; the others take the table as their first argument.
    const refs = method === "remove_reference" ? statement.args.filter((a) => nameOf(a) !== null) : [null];
    for (const ref of refs) {
      const args = ref ? [tableValue, ref] : [tableValue, ...statement.args];
      commands.push(await handler({ ...statement, name: method!, receiver: null, args }, ctx));
    }
  }
  return combine(commands);
};

/** What undoes a command: its own `down`, or the inverse of its operations. */
export function downOf(command: Command): Operation[] | null {
  return command.down === undefined ? invertAll(command.up) : command.down;
}

/** Several commands as one: their operations in order, undone last first, irreversible if any is. */
export function combine(commands: Command[]): Command {
  const downs = commands.map(downOf);
  const up = commands.flatMap((c) => c.up);
  if (downs.some((d) => d === null)) return { up, down: null };
  return { up, down: (downs as Operation[][]).reverse().flat() };
}

export const HANDLERS: Record<string, Handler> = {
  ...TABLE_CALLS,
  ...COLUMN_CALLS,
  ...INDEX_CALLS,
  ...CONSTRAINT_CALLS,
  ...MISC_CALLS,
  change_table: changeTable,
};

export function handlerFor(call: CodeCall): Handler | undefined {
  const receiver = receiverName(call);
  // `connection.add_index`, `self.execute`: the same methods on the migration's connection.
  if (receiver !== null && !["connection", "self", "ActiveRecord.Base.connection"].includes(receiver)) return undefined;
  return Object.hasOwn(HANDLERS, call.name) ? HANDLERS[call.name] : undefined;
}
