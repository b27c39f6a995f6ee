/**
 * `index(:users, [:email])`, `unique_index(:sites, :domain)` (on `(domain)`), `index(:users, ["lower(email)"],
 * where: "…", using: :gin, concurrently: true)`: a string column is an SQL expression, as Ecto passes it. Unnamed
 * indexes are `<table>_<columns>_index`, every non-word character of a column made `_` (ecto_sql's default).
 */
import type { IndexSpec, Operation } from "../../model/operations.js";
import { booleanOf, nameOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { expressionColumns } from "../../parse/expression-columns.js";
import { sourceOf, type EctoContext } from "./context.js";

function columnsOf(value: CodeValue | undefined): CodeValue[] {
  if (!value) return [];
  return value.kind === "list" ? value.items : [value];
}

function defaultIndexName(table: string, columns: string[]): string {
  return [table, ...columns, "index"].map((part) => part.replace(/[^\w]/g, "_")).join("_");
}

/** An `index(…)` or `unique_index(…)` call as an IndexSpec, with `concurrently:`; null when built at run time. */
export function readIndex(call: CodeCall): { spec: IndexSpec; concurrently: boolean } | null {
  const table = nameOf(call.args[0]);
  const written = columnsOf(call.args[1]);
  if (!table || !written.length) return null;
  const keys: IndexSpec["keys"] = [];
  const words: string[] = [];
  for (const item of written) {
    if (item.kind === "symbol") {
      keys.push({ column: item.value, columns: [item.value] });
      words.push(item.value);
    } else if (item.kind === "string") {
      keys.push({ expression: item.value, columns: expressionColumns(item.value) });
      words.push(item.value);
    } else return null;
  }
  const where = stringOf(option(call, "where"));
  const include = columnsOf(option(call, "include")).map(nameOf).filter((n): n is string => n !== null);
  return {
    spec: {
      name: nameOf(option(call, "name")) ?? defaultIndexName(table, words),
      table,
      keys,
      unique: call.name === "unique_index" || booleanOf(option(call, "unique")) === true,
      method: nameOf(option(call, "using")),
      where,
      whereColumns: where ? expressionColumns(where) : [],
      include,
    },
    concurrently: booleanOf(option(call, "concurrently")) === true,
  };
}

export function createIndex(index: CodeCall, at: CodeCall, ctx: EctoContext, ifNotExists: boolean): Operation | null {
  const read = readIndex(index);
  if (!read) return null;
  const op: Operation = { kind: "create_index", index: read.spec, concurrently: read.concurrently, source: sourceOf(ctx, at), call: `${at.name} ${index.name}` };
  if (ifNotExists) op.ifNotExists = true;
  return op;
}
