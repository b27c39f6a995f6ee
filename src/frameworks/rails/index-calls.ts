/** `add_index`, `remove_index`, `rename_index`. A `remove_index` that names only the index cannot be undone. */
import { nameOf, option, type CodeCall } from "../../parse/code-value.js";
import { sourceOf, tableArg, untyped, type Handler } from "./context.js";
import { indexKeys, indexOperation } from "./index-spec.js";
import { indexName } from "./naming.js";

const addIndex: Handler = (call, ctx) => {
  const table = tableArg(call);
  const op = table && call.args[1] ? indexOperation(table, call.args[1], call, ctx) : null;
  return op ? { up: [op] } : { up: [untyped(ctx, call, "index built at run time")], down: null };
};

/** `remove_index :users, :email`, `remove_index :users, column: [:a, :b]`, `remove_index :users, name: "…"`. */
const removeIndex: Handler = (call, ctx) => {
  const table = tableArg(call);
  if (!table) return { up: [untyped(ctx, call, "table name computed at run time")], down: null };
  const columnsValue: CodeCall["args"][number] | undefined = call.args[1] ?? option(call, "column");
  const keys = columnsValue ? indexKeys(columnsValue) : null;
  const name = nameOf(option(call, "name")) ?? (keys ? indexName(table, keys.words, ctx.behavior.legacyIndexNames) : null);
  if (!name) return { up: [untyped(ctx, call, "index named at run time")], down: null };
  const columns = keys?.keys.every((k) => k.column) ? keys.keys.map((k) => k.column!) : undefined;
  const up = [
    {
      kind: "drop_index" as const,
      name,
      table,
      concurrently: nameOf(option(call, "algorithm")) === "concurrently",
      ...(columns ? { columns } : {}),
      source: sourceOf(ctx, call),
      call: call.name,
    },
  ];
  const restore = columnsValue ? indexOperation(table, columnsValue, call, ctx) : null;
  return { up, down: restore ? [restore] : null };
};

const renameIndex: Handler = (call, ctx) => {
  const table = tableArg(call);
  const from = nameOf(call.args[1]);
  const to = nameOf(call.args[2]);
  if (!from || !to) return { up: [untyped(ctx, call, "index named at run time")], down: null };
  return { up: [{ kind: "rename_index", name: from, to, table, source: sourceOf(ctx, call), call: call.name }] };
};

export const INDEX_CALLS: Record<string, Handler> = { add_index: addIndex, remove_index: removeIndex, rename_index: renameIndex };
