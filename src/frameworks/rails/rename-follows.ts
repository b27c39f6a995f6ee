/**
 * What Rails renames along with a table or a column: `rename_table` renames the table's indexes that carry the
 * conventional name (`index_users_on_email` → `index_people_on_email`) and its primary key sequence;
 * `rename_column` renames the indexes named for the old column (rename_table_indexes, rename_column_indexes).
 * Which indexes those are depends on the migrations before, so this pass replays them in order.
 */
import type { Migration, Operation } from "../../model/operations.js";
import { applyOperation } from "../../model/replay.js";
import { emptySchema, findTable, type Index, type Schema, type SqlDialect } from "../../model/schema.js";
import { indexName } from "./naming.js";

export function followRenames(migrations: Migration[], dialect: SqlDialect | null): void {
  const schema = emptySchema(dialect);
  for (const migration of migrations) {
    const out: Operation[] = [];
    for (const op of migration.up) {
      for (const each of [...before(schema, op), op]) {
        applyOperation(schema, each);
        out.push(each);
      }
      for (const each of after(schema, op)) {
        applyOperation(schema, each);
        out.push(each);
      }
    }
    migration.up = out;
  }
}

const columnsOf = (index: Index) => index.keys.map((k) => k.column ?? k.expression ?? "");

/** Whether `name` is the one Rails generates for these columns, in either naming style (short hashed form from 7.1, or full). */
function conventional(name: string | null, table: string, columns: string[]): boolean {
  return name !== null && (name === indexName(table, columns, false) || name === indexName(table, columns, true));
}

function before(schema: Schema, op: Operation): Operation[] {
  if (op.kind !== "rename_table" || op.call !== "rename_table") return [];
  const table = findTable(schema, op.table);
  if (!table) return [];
  const ops: Operation[] = [];
  for (const index of table.indexes) {
    const columns = columnsOf(index);
    if (!conventional(index.name, op.table, columns)) continue;
    const legacy = index.name === indexName(op.table, columns, true) && index.name !== indexName(op.table, columns, false);
    ops.push({ kind: "rename_index", name: index.name!, to: indexName(op.to, columns, legacy), table: op.table, source: op.source, call: op.call });
  }
  for (const column of table.columns) {
    const value = column.default?.value;
    if (value?.kind === "expression" && value.sql === `nextval('${op.table}_${column.name}_seq'::regclass)`) {
      const sql = `nextval('${op.to}_${column.name}_seq'::regclass)`;
      ops.push({ kind: "set_default", table: op.table, column: column.name, default: { kind: "expression", sql }, source: op.source, call: op.call });
    }
  }
  return ops;
}

/** After `rename_column`, the indexes that were named for the old column take the new column's name. */
function after(schema: Schema, op: Operation): Operation[] {
  if (op.kind !== "rename_column" || op.call !== "rename_column") return [];
  const table = findTable(schema, op.table);
  if (!table) return [];
  const ops: Operation[] = [];
  for (const index of table.indexes) {
    const columns = columnsOf(index);
    if (!columns.includes(op.to)) continue;
    const old = columns.map((c) => (c === op.to ? op.column : c));
    if (!conventional(index.name, op.table, old)) continue;
    const legacy = index.name === indexName(op.table, old, true) && index.name !== indexName(op.table, old, false);
    ops.push({ kind: "rename_index", name: index.name!, to: indexName(op.table, columns, legacy), table: op.table, source: op.source, call: op.call });
  }
  return ops;
}
