/**
 * Replay (model.md, "By replay"): a table's state is its operations applied in the framework's order.
 * Every fact replay sets carries the source of the operation that set it; every operation that touches a
 * table is added to that table's history.
 */
import type { ColumnSpec, ConstraintSpec, IndexSpec, Migration, Operation } from "./operations.js";
import { renameIdentifier } from "./rename-identifier.js";
import { typedLiteral } from "./typed-literal.js";
import {
  findColumn,
  tableKey,
  type Column,
  type Schema,
  type Source,
  type Table,
} from "./schema.js";

export function replayMigrations(schema: Schema, migrations: Migration[]): Schema {
  for (const migration of migrations) for (const op of migration.up) applyOperation(schema, op);
  return schema;
}

export function applyOperation(schema: Schema, op: Operation): void {
  switch (op.kind) {
    case "create_table":
      return createTable(schema, op);
    case "drop_table":
      return dropTable(schema, op.table, op.source);
    case "rename_table":
      return renameTable(schema, op.table, op.to, op.source);
    case "add_column": {
      const table = touch(schema, op.table, op.source);
      if (!table) return;
      if (findColumn(table, op.column.name)) return;
      table.columns.push(columnFromSpec(op.column, op.source));
      addInlineConstraints(table, op.column, op.source);
      return;
    }
    case "drop_column":
      return dropColumn(schema, op.table, op.column, op.source);
    case "rename_column":
      return renameColumn(schema, op.table, op.column, op.to, op.source);
    case "change_type": {
      const column = columnOf(schema, op.table, op.column, op.source);
      if (column) column.type = { value: op.type, source: op.source };
      return;
    }
    case "redefine_column": {
      const table = touch(schema, op.table, op.source);
      const column = table && findColumn(table, op.column);
      if (!table || !column) return;
      if (op.to && op.to !== column.name) renameColumn(schema, op.table, op.column, op.to, op.source);
      const replaced = columnFromSpec({ ...op.spec, name: op.to ?? column.name }, op.source);
      // MySQL's MODIFY restates the whole definition: what it leaves out is gone (a default) or the engine's default (NULL).
      column.type = replaced.type;
      column.nullable = replaced.nullable;
      column.default = replaced.default ?? { value: null, source: op.source };
      column.generated = replaced.generated;
      column.identity = replaced.identity;
      return;
    }
    case "set_nullable": {
      const column = columnOf(schema, op.table, op.column, op.source);
      if (column) column.nullable = { value: op.nullable, source: op.source };
      return;
    }
    case "set_default": {
      const column = columnOf(schema, op.table, op.column, op.source);
      if (!column) return;
      // ALTER … SET DEFAULT '0' does not restate the type: the column's type types the literal.
      const value = op.default?.kind === "literal" && schema.dialect ? { kind: "literal" as const, value: typedLiteral(op.default.value, column.type?.value, schema.dialect) } : op.default;
      column.default = { value, source: op.source };
      return;
    }
    case "create_index": {
      const table = touch(schema, op.index.table, op.source);
      if (!table) return;
      if (op.index.name && table.indexes.some((i) => i.name?.toLowerCase() === op.index.name!.toLowerCase())) return;
      table.indexes.push(indexFromSpec(op.index, op.source));
      return;
    }
    case "drop_index":
      return dropIndex(schema, op.name, op.table, op.source, op.columns);
    case "rename_index": {
      for (const table of tablesOf(schema, op.table)) {
        const index = table.indexes.find((i) => i.name?.toLowerCase() === op.name.toLowerCase());
        if (index) {
          index.name = op.to;
          table.history.push(op.source);
        }
      }
      return;
    }
    case "add_constraint": {
      const table = touch(schema, op.table, op.source);
      if (!table) return;
      let constraint = op.constraint;
      const index = op.usingIndex ? table.indexes.find((i) => i.name?.toLowerCase() === op.usingIndex!.toLowerCase()) : undefined;
      if (index && (constraint.kind === "unique" || constraint.kind === "primary_key")) {
        // ADD … USING INDEX: the constraint takes the index's columns, and PostgreSQL renames the index after it.
        constraint = { ...constraint, columns: index.keys.flatMap((k) => (k.column ? [k.column] : [])) };
        if (constraint.name) index.name = constraint.name;
      }
      addConstraint(table, constraint, op.source, !op.notValid);
      return;
    }
    case "validate_constraint": {
      const table = touch(schema, op.table, op.source);
      if (!table) return;
      const name = op.name.toLowerCase();
      for (const c of [...table.checks, ...table.foreignKeys]) if (c.name?.toLowerCase() === name) c.validated = true;
      return;
    }
    case "drop_constraint": {
      const table = touch(schema, op.table, op.source);
      if (!table) return;
      const name = op.name.toLowerCase();
      const keep = <T extends { name: string | null }>(items: T[]) => items.filter((c) => c.name?.toLowerCase() !== name);
      table.checks = keep(table.checks);
      table.foreignKeys = keep(table.foreignKeys);
      table.uniques = keep(table.uniques);
      // MySQL's DROP PRIMARY KEY names it PRIMARY, whatever the CREATE TABLE called it.
      if (table.primaryKey && (table.primaryKey.name?.toLowerCase() === name || name === "primary")) table.primaryKey = null;
      // PostgreSQL backs a UNIQUE or PRIMARY KEY constraint with an index of the same name, dropped with it.
      table.indexes = keep(table.indexes);
      return;
    }
    case "rename_constraint": {
      const table = touch(schema, op.table, op.source);
      if (!table) return;
      const name = op.name.toLowerCase();
      for (const c of [...table.checks, ...table.foreignKeys, ...table.uniques, ...(table.primaryKey ? [table.primaryKey] : [])]) {
        if (c.name?.toLowerCase() === name) c.name = op.to;
      }
      // PostgreSQL renames the index behind a UNIQUE or PRIMARY KEY constraint with it.
      for (const index of table.indexes) if (index.name?.toLowerCase() === name) index.name = op.to;
      return;
    }
    case "create_enum":
      schema.enums.set(op.name.toLowerCase(), { name: op.name, values: [...op.values], source: op.source });
      return;
    case "add_enum_value": {
      const type = schema.enums.get(op.name.toLowerCase());
      if (!type || type.values.includes(op.value)) return;
      const anchor = op.before ?? op.after;
      const at = anchor === undefined ? -1 : type.values.indexOf(anchor);
      if (at < 0) type.values.push(op.value);
      else type.values.splice(op.before !== undefined ? at : at + 1, 0, op.value);
      return;
    }
    case "rename_enum_value": {
      const type = schema.enums.get(op.name.toLowerCase());
      if (type) type.values = type.values.map((v) => (v === op.from ? op.to : v));
      return;
    }
    case "drop_enum":
      schema.enums.delete(op.name.toLowerCase());
      return;
    case "update":
    case "delete":
      touch(schema, op.table, op.source);
      return;
    case "maintenance":
      if (op.table) touch(schema, op.table, op.source);
      return;
    case "setting":
    case "transaction":
    case "raw":
      return;
  }
}

function createTable(schema: Schema, op: Extract<Operation, { kind: "create_table" }>): void {
  const key = tableKey(op.table, op.schema ?? null);
  if (schema.tables.has(key) && op.ifNotExists) return;
  const table: Table = {
    name: op.table,
    schema: op.schema ?? null,
    columns: op.columns.map((spec) => columnFromSpec(spec, op.source)),
    primaryKey: null,
    indexes: [],
    uniques: [],
    checks: [],
    foreignKeys: [],
    models: [],
    source: op.source,
    history: [op.source],
  };
  for (const spec of op.columns) addInlineConstraints(table, spec, op.source);
  // Several columns marked primary key (TypeORM, Liquibase, Sequelize) make one composite key.
  const keys = op.columns.filter((spec) => spec.primaryKey).map((spec) => spec.name);
  if (keys.length > 1) table.primaryKey = { name: null, columns: keys, source: op.source };
  for (const constraint of op.constraints) addConstraint(table, constraint, op.source, true);
  schema.tables.set(key, table);
}

function columnFromSpec(spec: ColumnSpec, operationSource: Source): Column {
  const source = spec.source ?? operationSource;
  const column: Column = { name: spec.name, codeNames: [], source };
  if (spec.type !== null) column.type = { value: spec.type, source };
  // A primary key column is NOT NULL whatever the definition says.
  const nullable = spec.primaryKey ? false : spec.nullable;
  if (nullable !== null) column.nullable = { value: nullable, source };
  if (spec.default !== undefined) column.default = { value: spec.default, source };
  if (spec.generated) column.generated = { value: spec.generated, source };
  if (spec.identity) column.identity = { value: spec.identity, source };
  return column;
}

function addInlineConstraints(table: Table, spec: ColumnSpec, operationSource: Source): void {
  const source = spec.source ?? operationSource;
  if (spec.primaryKey) table.primaryKey = { name: null, columns: [spec.name], source };
  if (spec.unique) table.uniques.push({ name: null, columns: [spec.name], source });
  if (spec.check) table.checks.push({ name: null, expression: spec.check, columns: [spec.name], validated: true, source });
  if (spec.references) {
    table.foreignKeys.push({
      name: null,
      table: table.name,
      columns: [spec.name],
      refTable: spec.references.table,
      refColumns: spec.references.columns,
      onDelete: spec.references.onDelete,
      onUpdate: spec.references.onUpdate,
      validated: true,
      source,
    });
  }
}

function addConstraint(table: Table, constraint: ConstraintSpec, operationSource: Source, validated: boolean): void {
  const source = constraint.source ?? operationSource;
  // A constraint the table already has by that name is not added twice (a guarded migration states it again).
  const named = constraint.name?.toLowerCase();
  if (named && [...table.uniques, ...table.checks, ...table.foreignKeys].some((c) => c.name?.toLowerCase() === named)) return;
  switch (constraint.kind) {
    case "primary_key":
      table.primaryKey = { name: constraint.name, columns: constraint.columns, source };
      for (const name of constraint.columns) {
        const column = findColumn(table, name);
        if (column) column.nullable = { value: false, source };
      }
      return;
    case "unique":
      table.uniques.push({ name: constraint.name, columns: constraint.columns, source });
      return;
    case "check":
      table.checks.push({ name: constraint.name, expression: constraint.expression, columns: constraint.columns, validated, source });
      return;
    case "foreign_key":
      table.foreignKeys.push({
        name: constraint.name,
        table: table.name,
        columns: constraint.columns,
        refTable: constraint.refTable,
        refColumns: constraint.refColumns,
        onDelete: constraint.onDelete,
        onUpdate: constraint.onUpdate,
        validated,
        source,
      });
      return;
    case "exclude":
      return;
  }
}

function indexFromSpec(spec: IndexSpec, source: Source) {
  return {
    ...spec,
    keys: spec.keys.map((key) => ({ ...key, columns: [...key.columns] })),
    whereColumns: [...spec.whereColumns],
    include: [...spec.include],
    source,
  };
}

/** The table an operation touches, with the operation added to its history; undefined when replay never saw it created. */
function touch(schema: Schema, name: string, source: Source): Table | undefined {
  const table = schema.tables.get(tableKey(name)) ?? [...schema.tables.values()].find((t) => t.name.toLowerCase() === name.toLowerCase());
  table?.history.push(source);
  return table;
}

function columnOf(schema: Schema, tableName: string, columnName: string, source: Source): Column | undefined {
  const table = touch(schema, tableName, source);
  return table && findColumn(table, columnName);
}

function tablesOf(schema: Schema, name: string | null): Table[] {
  if (name) {
    const table = schema.tables.get(tableKey(name));
    return table ? [table] : [];
  }
  return [...schema.tables.values()];
}

function dropTable(schema: Schema, name: string, source: Source): void {
  const key = tableKey(name);
  const table = schema.tables.get(key);
  if (!table) return;
  schema.tables.delete(key);
  // Foreign keys into a dropped table cannot remain: the drop failed otherwise, or CASCADE removed them.
  for (const other of schema.tables.values()) {
    const before = other.foreignKeys.length;
    other.foreignKeys = other.foreignKeys.filter((fk) => fk.refTable.toLowerCase() !== table.name.toLowerCase());
    if (other.foreignKeys.length !== before) other.history.push(source);
  }
}

function renameTable(schema: Schema, from: string, to: string, source: Source): void {
  const table = schema.tables.get(tableKey(from));
  if (!table) return;
  schema.tables.delete(tableKey(from));
  const old = table.name;
  table.name = to;
  table.history.push(source);
  for (const index of table.indexes) index.table = to;
  for (const fk of table.foreignKeys) fk.table = to;
  schema.tables.set(tableKey(to, table.schema), table);
  for (const other of schema.tables.values()) {
    for (const fk of other.foreignKeys) if (fk.refTable.toLowerCase() === old.toLowerCase()) fk.refTable = to;
  }
}

function dropColumn(schema: Schema, tableName: string, columnName: string, source: Source): void {
  const table = touch(schema, tableName, source);
  if (!table) return;
  const lower = columnName.toLowerCase();
  const involves = (columns: string[]) => columns.some((c) => c.toLowerCase() === lower);
  table.columns = table.columns.filter((c) => c.name.toLowerCase() !== lower);
  // PostgreSQL drops the indexes and constraints that involve the column, a partial index's predicate included.
  table.indexes = table.indexes.filter((i) => !i.keys.some((k) => involves(k.columns)) && !involves(i.whereColumns) && !involves(i.include));
  table.uniques = table.uniques.filter((u) => !involves(u.columns));
  table.checks = table.checks.filter((c) => !involves(c.columns));
  table.foreignKeys = table.foreignKeys.filter((fk) => !involves(fk.columns));
  if (table.primaryKey && involves(table.primaryKey.columns)) table.primaryKey = null;
  for (const other of schema.tables.values()) {
    other.foreignKeys = other.foreignKeys.filter((fk) => !(fk.refTable.toLowerCase() === table.name.toLowerCase() && involves(fk.refColumns)));
  }
}

function renameColumn(schema: Schema, tableName: string, from: string, to: string, source: Source): void {
  const table = touch(schema, tableName, source);
  const column = table && findColumn(table, from);
  if (!table || !column) return;
  column.name = to;
  const lower = from.toLowerCase();
  const swap = (columns: string[]) => columns.map((c) => (c.toLowerCase() === lower ? to : c));
  for (const index of table.indexes) {
    for (const key of index.keys) {
      if (key.column?.toLowerCase() === lower) key.column = to;
      if (key.expression) key.expression = renameIdentifier(key.expression, from, to);
      key.columns = swap(key.columns);
    }
    if (index.where) index.where = renameIdentifier(index.where, from, to);
    index.whereColumns = swap(index.whereColumns);
    index.include = swap(index.include);
  }
  for (const unique of table.uniques) unique.columns = swap(unique.columns);
  for (const check of table.checks) {
    check.expression = renameIdentifier(check.expression, from, to);
    check.columns = swap(check.columns);
  }
  for (const fk of table.foreignKeys) fk.columns = swap(fk.columns);
  if (table.primaryKey) table.primaryKey.columns = swap(table.primaryKey.columns);
  for (const other of schema.tables.values()) {
    for (const fk of other.foreignKeys) if (fk.refTable.toLowerCase() === table.name.toLowerCase()) fk.refColumns = swap(fk.refColumns);
  }
}

function dropIndex(schema: Schema, name: string, tableName: string | null, source: Source, columns?: string[]): void {
  const lower = name.toLowerCase();
  for (const table of tablesOf(schema, tableName)) {
    const before = table.indexes.length;
    table.indexes = table.indexes.filter((i) => i.name?.toLowerCase() !== lower);
    if (table.indexes.length === before && columns) {
      // Named by its columns: the first index whose keys are exactly those columns, in order.
      const wanted = columns.map((c) => c.toLowerCase()).join(",");
      const at = table.indexes.findIndex((i) => i.keys.map((k) => k.column?.toLowerCase() ?? "").join(",") === wanted);
      if (at >= 0) table.indexes.splice(at, 1);
    }
    if (table.indexes.length !== before) table.history.push(source);
  }
}
