/**
 * A whole table from the model as SQL (the proof builds scratch tables this way): its CREATE TABLE, then
 * its indexes, then its foreign keys as ALTER TABLE statements, so the caller can create referenced tables
 * first or leave the keys out. SQLite cannot add a foreign key later: there they sit inside the CREATE TABLE.
 * An unknown type or nullability is a placeholder; an unknown default is left out.
 */
import type { ColumnSpec, ConstraintSpec } from "../../model/operations.js";
import type { Column, SqlDialect, Table } from "../../model/schema.js";
import { renderOperation } from "./operation.js";

export interface RenderedTable {
  createTable: string;
  indexes: string[];
  foreignKeys: string[];
}

export function renderCreateTable(table: Table, dialect: SqlDialect): RenderedTable {
  const foreignKeys: Extract<ConstraintSpec, { kind: "foreign_key" }>[] = table.foreignKeys.map((fk) => ({
    kind: "foreign_key", name: fk.name, columns: fk.columns, refTable: fk.refTable, refColumns: fk.refColumns, onDelete: fk.onDelete, onUpdate: fk.onUpdate,
  }));
  // A one-column unnamed primary key is written on its column, where SQLite's AUTOINCREMENT must sit.
  const pk = table.primaryKey;
  const inlinePk = pk && !pk.name && pk.columns.length === 1 ? pk.columns[0]!.toLowerCase() : null;
  const constraints: ConstraintSpec[] = [
    ...(pk && !inlinePk ? [{ kind: "primary_key" as const, name: pk.name, columns: pk.columns }] : []),
    ...table.uniques.map((u) => ({ kind: "unique" as const, name: u.name, columns: u.columns })),
    ...table.checks.map((c) => ({ kind: "check" as const, name: c.name, expression: c.expression, columns: c.columns })),
    ...(dialect === "sqlite" ? foreignKeys : []),
  ];
  const source = table.source;
  const [createTable] = renderOperation({ kind: "create_table", table: table.name, schema: table.schema, columns: table.columns.map((c) => ({ ...columnSpec(c), ...(c.name.toLowerCase() === inlinePk ? { primaryKey: true } : {}) })), constraints, source }, dialect);
  const indexes = table.indexes.flatMap((index) =>
    renderOperation({ kind: "create_index", index: { ...index, table: table.name }, concurrently: false, source }, dialect),
  );
  const fks =
    dialect === "sqlite"
      ? []
      : table.foreignKeys.flatMap((fk, i) => renderOperation({ kind: "add_constraint", table: table.name, constraint: foreignKeys[i]!, notValid: !fk.validated, source }, dialect));
  return { createTable: createTable!, indexes, foreignKeys: fks };
}

function columnSpec(column: Column): ColumnSpec {
  const spec: ColumnSpec = { name: column.name, type: column.type?.value ?? null, nullable: column.nullable?.value ?? null };
  if (column.default) spec.default = column.default.value;
  if (column.generated) spec.generated = column.generated.value;
  if (column.identity) spec.identity = column.identity.value;
  return spec;
}
