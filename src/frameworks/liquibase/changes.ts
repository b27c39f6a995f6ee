/**
 * One Liquibase change element → operations: createTable, addColumn, dropColumn, renameColumn, modifyDataType,
 * add/dropNotNullConstraint, add/dropDefaultValue, createIndex, dropIndex, addForeignKeyConstraint,
 * dropForeignKeyConstraint, addUniqueConstraint, dropUniqueConstraint, addPrimaryKey, renameTable,
 * dropTable; `sql` and `sqlFile` are SQL for the SQL reader.
 */
import type { ConstraintSpec, IndexSpec, Operation } from "../../model/operations.js";
import type { Source, SqlDialect } from "../../model/schema.js";
import type { Step } from "../embedded-sql.js";
import { referentialAction } from "../referential-action.js";
import { defaultOf, readColumn } from "./columns.js";
import type { LbNode } from "./nodes.js";
import { liquibaseType } from "./types.js";

/** An `sqlFile` change: the file to read, relative to the repo, as the reader resolves it. */
export interface SqlFileStep {
  kind: "sql-file";
  file: string;
  relativeToChangelog: boolean;
  at: Source;
}

const list = (text: string | undefined) => (text ?? "").split(",").map((c) => c.trim()).filter(Boolean);

export function readChange(change: LbNode, dialect: SqlDialect | null, path: string): (Step | SqlFileStep)[] {
  const a = change.attrs;
  const source: Source = { path, line: change.line };
  const call = change.name;
  const table = a.tableName ?? a.baseTableName ?? "";
  const ops = (...operations: Operation[]) => operations;
  const raw = (reason: string): Operation[] => [{ kind: "raw", sql: `<${change.name} ${Object.entries(a).map(([k, v]) => `${k}="${v}"`).join(" ")}>`, reason, source, call }];
  const columns = () => change.children.filter((c) => c.name === "column");
  switch (change.name) {
    case "createTable": {
      const specs = columns().map((c) => readColumn(c, dialect, path));
      if (specs.some((s) => s === null)) return raw("a column has no name");
      return ops({ kind: "create_table", table, schema: a.schemaName ?? null, columns: specs as NonNullable<(typeof specs)[number]>[], constraints: [], source, call });
    }
    case "addColumn":
      return columns().flatMap((c) => {
        const spec = readColumn(c, dialect, path);
        return spec ? ops({ kind: "add_column", table, column: spec, source: { path, line: c.line }, call }) : raw("a column has no name");
      });
    case "dropColumn": {
      const names = a.columnName ? [a.columnName] : columns().map((c) => c.attrs.name ?? "");
      return names.map((column): Operation => ({ kind: "drop_column", table, column, source, call }));
    }
    case "renameColumn":
      return ops({ kind: "rename_column", table, column: a.oldColumnName ?? "", to: a.newColumnName ?? "", source, call });
    case "modifyDataType": {
      const type = liquibaseType(a.newDataType, dialect);
      return type ? ops({ kind: "change_type", table, column: a.columnName ?? "", type, source, call }) : raw("the new type is not known for this database");
    }
    case "addNotNullConstraint":
    case "dropNotNullConstraint":
      return ops({ kind: "set_nullable", table, column: a.columnName ?? "", nullable: change.name === "dropNotNullConstraint", source, call });
    case "addDefaultValue": {
      const value = defaultOf(a);
      return value === undefined ? raw("no default value") : ops({ kind: "set_default", table, column: a.columnName ?? "", default: value, source, call });
    }
    case "dropDefaultValue":
      return ops({ kind: "set_default", table, column: a.columnName ?? "", default: null, source, call });
    case "createIndex": {
      const keys: IndexSpec["keys"] = columns().map((c) => {
        const name = c.attrs.name ?? "";
        const key: IndexSpec["keys"][number] = c.attrs.computed === "true" ? { expression: name, columns: [] } : { column: name, columns: [name] };
        if (c.attrs.descending === "true") key.descending = true;
        return key;
      });
      const index: IndexSpec = { name: a.indexName ?? null, table, keys, unique: a.unique === "true", method: null, where: null, whereColumns: [], include: [] };
      return ops({ kind: "create_index", index, concurrently: false, source, call });
    }
    case "dropIndex":
      return ops({ kind: "drop_index", name: a.indexName ?? "", table: a.tableName ?? null, concurrently: false, source, call });
    case "addForeignKeyConstraint": {
      const constraint: ConstraintSpec = {
        kind: "foreign_key", name: a.constraintName ?? null, columns: list(a.baseColumnNames), refTable: a.referencedTableName ?? "",
        refColumns: list(a.referencedColumnNames),
        onDelete: a.deleteCascade === "true" ? "cascade" : referentialAction(a.onDelete), onUpdate: referentialAction(a.onUpdate),
      };
      return ops({ kind: "add_constraint", table, constraint, notValid: a.validate === "false", source, call });
    }
    case "addUniqueConstraint":
      return ops({ kind: "add_constraint", table, constraint: { kind: "unique", name: a.constraintName ?? null, columns: list(a.columnNames) }, notValid: false, source, call });
    case "addPrimaryKey":
      return ops({ kind: "add_constraint", table, constraint: { kind: "primary_key", name: a.constraintName ?? null, columns: list(a.columnNames) }, notValid: false, source, call });
    case "dropForeignKeyConstraint":
    case "dropUniqueConstraint":
    case "dropPrimaryKey":
      return a.constraintName ? ops({ kind: "drop_constraint", table, name: a.constraintName, source, call }) : raw("the constraint has no name");
    case "renameTable":
      return ops({ kind: "rename_table", table: a.oldTableName ?? "", to: a.newTableName ?? "", source, call });
    case "dropTable":
      return ops({ kind: "drop_table", table, cascade: a.cascadeConstraints === "true", source, call });
    case "sql":
      return [{ kind: "sql", sql: change.text || a.sql || "", at: source, call: "sql" }];
    case "sqlFile":
      return a.path ? [{ kind: "sql-file", file: a.path, relativeToChangelog: a.relativeToChangelogFile === "true", at: source }] : raw("sqlFile without a path");
    case "comment":
    case "tagDatabase":
    case "empty":
    case "output":
      return [];
    case "insert":
    case "update":
    case "delete":
    case "loadData":
    case "loadUpdateData":
      return raw(`data change (${change.name})`);
    default:
      return raw(`Liquibase change ${change.name} is not read`);
  }
}
