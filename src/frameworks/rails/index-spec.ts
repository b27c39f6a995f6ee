/**
 * `add_index` / `t.index` / `index: { … }` → an IndexSpec: a column list or an expression string
 * (`"lower(email)"`), with `unique:`, `where:`, `using:`, `opclass:`, `order:`, `include:`, `name:`.
 */
import type { IndexSpec, Operation } from "../../model/operations.js";
import { booleanOf, entry, nameOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { expressionColumns } from "../../parse/expression-columns.js";
import { namesIn } from "./column.js";
import { sourceOf, type RailsContext } from "./context.js";
import { indexName } from "./naming.js";

/** The keys of an index: a string with anything but word characters is an SQL expression, as Rails reads it. */
export function indexKeys(columns: CodeValue): { keys: IndexSpec["keys"]; words: string[] } | null {
  const one = nameOf(columns);
  if (one !== null && /\W/.test(one)) return { keys: [{ expression: one, columns: expressionColumns(one) }], words: [one] };
  const names = namesIn(columns);
  if (!names.length) return null;
  return { keys: names.map((name) => ({ column: name, columns: [name] })), words: names };
}

/** Options that read either one value for every column (`opclass: :gin_trgm_ops`) or one per column (`{ email: … }`). */
function perColumn(value: CodeValue | undefined, column: string): string | null {
  if (!value) return null;
  if (value.kind === "map") return nameOf(entry(value, column));
  return nameOf(value);
}

/** `options` is the call whose options describe the index (`index: { unique: true }` passes that map's call form). */
export function indexOperation(table: string, columns: CodeValue, options: CodeCall, ctx: RailsContext, at: CodeCall = options): Operation | null {
  const read = indexKeys(columns);
  if (!read) return null;
  const opclass = option(options, "opclass");
  const order = option(options, "order");
  for (const key of read.keys) {
    const column = key.column ?? key.expression!;
    const cls = perColumn(opclass, column);
    if (cls) key.opclass = cls;
    if (perColumn(order, column)?.toLowerCase() === "desc") key.descending = true;
  }
  const where = stringOf(option(options, "where"));
  const type = nameOf(option(options, "type"));
  const spec: IndexSpec = {
    name: nameOf(option(options, "name")) ?? indexName(table, read.words, ctx.behavior.legacyIndexNames),
    table,
    keys: read.keys,
    unique: booleanOf(option(options, "unique")) === true,
    method: nameOf(option(options, "using")) ?? type,
    where,
    whereColumns: where ? expressionColumns(where) : [],
    include: namesIn(option(options, "include")),
  };
  const algorithm = nameOf(option(options, "algorithm"));
  const op: Operation = { kind: "create_index", index: spec, concurrently: algorithm === "concurrently", source: sourceOf(ctx, at), call: at.name };
  if (booleanOf(option(options, "if_not_exists"))) op.ifNotExists = true;
  if (algorithm && algorithm !== "concurrently" && ctx.dialect === "mysql") op.mysql = { algorithm };
  return op;
}

/** An `index: { unique: true, name: … }` map as the call whose options it is, so one reader serves both forms. */
export function optionsCall(value: CodeValue | undefined, like: CodeCall): CodeCall {
  const options = value?.kind === "map" ? value.entries.flatMap((e) => (nameOf(e.key) === null ? [] : [{ key: nameOf(e.key)!, value: e.value }])) : [];
  return { ...like, options };
}
