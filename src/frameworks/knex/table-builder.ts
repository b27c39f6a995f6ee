/**
 * The callback of `knex.schema.createTable(name, (t) => {…})` and `alterTable`/`table`: each statement on the
 * builder `t` becomes operations. A create gathers its columns and inline constraints into one create_table.
 */
import type { ColumnSpec, ConstraintSpec, IndexSpec, Operation } from "../../model/operations.js";
import type { Source, SqlDialect } from "../../model/schema.js";
import { asString, asStringList, lineOf, type ChainLink, type JsValue } from "../../parse/js-values.js";
import { outermostCalls } from "../../parse/js-walk.js";
import type { Step } from "../embedded-sql.js";
import { referentialAction } from "../referential-action.js";
import { readColumnChain } from "./column-chain.js";
import { isColumnMethod, knexColumnType } from "./column-types.js";
import { knexIndexName } from "./names.js";

const IGNORED = new Set(["engine", "charset", "collate", "comment", "inherits", "queryContext", "setNullable", "dropNullable"]);

export function readTableCallback(
  table: string,
  callback: Extract<JsValue, { kind: "function" }>,
  mode: "create" | "alter",
  dialect: SqlDialect | null,
  path: string,
  call: string,
): Step[] {
  const builder = callback.params[0];
  const createdAt: Source = { path, line: lineOf(callback.node.parent ?? callback.node) };
  const columns: ColumnSpec[] = [];
  const constraints: ConstraintSpec[] = [];
  const after: Step[] = [];
  if (!builder) return [];
  outermostCalls(callback.body, (chain, node) => {
    if (chain.root.length !== 1 || chain.root[0] !== builder || chain.links.length === 0) return false;
    const source: Source = { path, line: lineOf(node), endLine: node.endPosition.row + 1 };
    const [head] = chain.links as [ChainLink, ...ChainLink[]];
    const op = (operation: Operation) => after.push(operation);
    if (isColumnMethod(head.name)) {
      const read = readColumnChain(table, chain.links, dialect);
      if (!read) {
        op({ kind: "raw", sql: node.text, reason: "the column name is not a literal", source, call });
        return true;
      }
      for (const method of read.unknown) op({ kind: "raw", sql: node.text, reason: `knex column method ${method}() is not read`, source, call });
      if (mode === "create") {
        columns.push({ ...read.spec, source });
        constraints.push(...read.constraints);
      } else if (read.alter) {
        after.push(...alterColumn(table, read.spec, dialect, source, call));
      } else {
        op({ kind: "add_column", table, column: read.spec, source, call });
        for (const constraint of read.constraints) op({ kind: "add_constraint", table, constraint, notValid: false, source, call });
      }
      for (const index of read.indexes) op({ kind: "create_index", index, concurrently: false, source, call });
      return true;
    }
    const args = head.args;
    const columnsOf = (value: JsValue | undefined) => asStringList(value);
    switch (head.name) {
      case "timestamps": {
        const useTimestamps = args[0]?.kind === "boolean" && args[0].value;
        const defaultToNow = args[1]?.kind === "boolean" && args[1].value;
        const camel = args[2]?.kind === "boolean" && args[2].value;
        for (const name of camel ? ["createdAt", "updatedAt"] : ["created_at", "updated_at"]) {
          const spec: ColumnSpec = { name, type: knexColumnType(useTimestamps ? "timestamp" : "datetime", [], dialect), nullable: !defaultToNow };
          if (defaultToNow) spec.default = { kind: "expression", sql: "CURRENT_TIMESTAMP" };
          if (mode === "create") columns.push({ ...spec, source });
          else op({ kind: "add_column", table, column: spec, source, call });
        }
        return true;
      }
      case "primary":
      case "unique": {
        const cols = columnsOf(args[0]);
        if (!cols) break;
        const named = asString(args[1]) ?? (args[1]?.kind === "object" ? (asString(args[1].entries.get("indexName")) ?? asString(args[1].entries.get("constraintName"))) : null);
        const constraint: ConstraintSpec = head.name === "primary"
          ? { kind: "primary_key", name: named ?? knexIndexName(table, cols, "primary"), columns: cols }
          : { kind: "unique", name: named ?? knexIndexName(table, cols, "unique"), columns: cols };
        if (mode === "create") constraints.push(constraint);
        else op({ kind: "add_constraint", table, constraint, notValid: false, source, call });
        return true;
      }
      case "index": {
        const index = readIndex(table, args);
        if (!index) break;
        op({ kind: "create_index", index, concurrently: false, source, call });
        return true;
      }
      case "foreign": {
        const constraint = readForeign(table, chain.links);
        if (!constraint) break;
        if (mode === "create") constraints.push(constraint);
        else op({ kind: "add_constraint", table, constraint, notValid: false, source, call });
        return true;
      }
      case "dropColumn":
      case "dropColumns": {
        const names = args.map(asString);
        if (names.some((n) => n === null)) break;
        for (const column of names) op({ kind: "drop_column", table, column: column!, source, call });
        return true;
      }
      case "dropTimestamps":
        for (const column of ["created_at", "updated_at"]) op({ kind: "drop_column", table, column, source, call });
        return true;
      case "renameColumn": {
        const [from, to] = [asString(args[0]), asString(args[1])];
        if (from === null || to === null) break;
        op({ kind: "rename_column", table, column: from, to, source, call });
        return true;
      }
      case "dropForeign":
      case "dropUnique":
      case "dropPrimary":
      case "dropIndex": {
        const kind = head.name === "dropForeign" ? "foreign" : head.name === "dropUnique" ? "unique" : head.name === "dropPrimary" ? "primary" : "index";
        const given = asString(head.name === "dropPrimary" ? args[0] : args[1]);
        const cols = columnsOf(args[0]);
        const name = given ?? (cols ? knexIndexName(table, cols, kind) : kind === "primary" ? knexIndexName(table, [], "primary") : null);
        if (name === null) break;
        if (kind === "index") op({ kind: "drop_index", name, table, concurrently: false, source, call });
        else op({ kind: "drop_constraint", table, name, source, call });
        return true;
      }
      default:
        if (IGNORED.has(head.name)) {
          if (head.name === "setNullable" || head.name === "dropNullable") {
            const column = asString(args[0]);
            if (column !== null) op({ kind: "set_nullable", table, column, nullable: head.name === "setNullable", source, call });
          }
          return true;
        }
    }
    op({ kind: "raw", sql: node.text, reason: `knex table method ${head.name}() is not read`, source, call });
    return true;
  });
  if (mode === "alter") return after;
  return [{ kind: "create_table", table, columns, constraints, source: createdAt, call }, ...after];
}

/** `.alter()` restates the column: its type, its nullability (NULL unless notNullable) and its default (none unless given). */
function alterColumn(table: string, spec: ColumnSpec, dialect: SqlDialect | null, source: Source, call: string): Operation[] {
  if (dialect !== "postgres") return [{ kind: "redefine_column", table, column: spec.name, spec, source, call }];
  const ops: Operation[] = [];
  if (spec.type) ops.push({ kind: "change_type", table, column: spec.name, type: spec.type, source, call });
  ops.push({ kind: "set_default", table, column: spec.name, default: spec.default ?? null, source, call });
  if (spec.nullable !== null) ops.push({ kind: "set_nullable", table, column: spec.name, nullable: spec.nullable, source, call });
  return ops;
}

/** `t.index(['a', 'b'], 'name', { indexType, storageEngineIndexType, predicate: knex.whereRaw('…') })` or `(cols, name, 'gin')`. */
function readIndex(table: string, args: JsValue[]): IndexSpec | null {
  const cols = asStringList(args[0]);
  if (!cols) return null;
  const options = args.find((a, i) => i > 0 && a.kind === "object");
  const option = (key: string) => (options?.kind === "object" ? options.entries.get(key) : undefined);
  const predicate = option("predicate");
  const where = predicate?.kind === "call" ? asString(predicate.chain.links.at(-1)?.args[0]) : null;
  return {
    name: asString(args[1]) ?? asString(option("indexName")) ?? knexIndexName(table, cols, "index"),
    table,
    keys: cols.map((column) => ({ column, columns: [column] })),
    unique: false,
    method: (asString(option("indexType")) ?? asString(args[2]))?.toLowerCase() ?? null,
    where,
    // The predicate is SQL; the columns it reads are the SQL reader's to find, not guessed here.
    whereColumns: [],
    include: [],
  };
}

/** `t.foreign('user_id', 'name').references('id').inTable('users').onDelete('CASCADE')`. */
function readForeign(table: string, links: ChainLink[]): ConstraintSpec | null {
  const columns = asStringList(links[0]!.args[0]);
  if (!columns) return null;
  let name = asString(links[0]!.args[1]);
  let refTable: string | null = null;
  let refColumns: string[] = [];
  let onDelete = null;
  let onUpdate = null;
  for (const link of links.slice(1)) {
    const arg = link.args[0];
    if (link.name === "references") {
      const target = asStringList(arg) ?? [];
      refColumns = target.map((t) => (t.includes(".") ? t.slice(t.lastIndexOf(".") + 1) : t));
      const qualified = target[0]?.lastIndexOf(".") ?? -1;
      if (qualified > 0) refTable = target[0]!.slice(0, qualified);
    } else if (link.name === "inTable") refTable = asString(arg);
    else if (link.name === "onDelete") onDelete = referentialAction(asString(arg));
    else if (link.name === "onUpdate") onUpdate = referentialAction(asString(arg));
    else if (link.name === "withKeyName") name = asString(arg);
  }
  if (!refTable) return null;
  return { kind: "foreign_key", name: name ?? knexIndexName(table, columns, "foreign"), columns, refTable, refColumns, onDelete, onUpdate };
}
