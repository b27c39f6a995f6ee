/** Drizzle schema tables as the schema model, with references resolved across files by table variable. */
import type { ConstraintSpec, Operation } from "../../model/operations.js";
import { applyOperation } from "../../model/replay.js";
import { emptySchema, type Schema, type SqlDialect, type Unreadable } from "../../model/schema.js";
import type { DrizzleTable, Enums } from "./table.js";

export function tablesAsSchema(tables: DrizzleTable[], enums: Enums, dialect: SqlDialect | null, unreadable: Unreadable[]): Schema {
  const schema = emptySchema(tables[0]?.dialect ?? dialect);
  const byVariable = new Map(tables.map((t) => [t.variable, t]));
  const enumAt = tables[0] ? { path: tables[0].path, line: 1 } : null;
  if (schema.dialect === "postgres" && enumAt) {
    for (const { name, values } of enums.values()) applyOperation(schema, { kind: "create_enum", name, values, source: enumAt });
  }
  for (const table of tables) {
    const constraints: ConstraintSpec[] = [...table.constraints];
    for (const fk of table.foreignKeys) {
      const target = byVariable.get(fk.target[0]!.variable);
      const refColumns = fk.target.map((t) => target?.fields[t.property]);
      if (!target || refColumns.some((c) => c === undefined)) {
        unreadable.push({ path: table.path, line: fk.line, message: `the referenced table ${fk.target[0]!.variable} is not among the schema files read` });
        continue;
      }
      constraints.push({
        kind: "foreign_key",
        // drizzle-kit's own name: <table>_<columns>_<target>_<target columns>_fk.
        name: fk.name ?? `${table.name}_${fk.columns.join("_")}_${target.name}_${(refColumns as string[]).join("_")}_fk`,
        columns: fk.columns, refTable: target.name, refColumns: refColumns as string[], onDelete: fk.onDelete, onUpdate: fk.onUpdate,
      });
    }
    const source = { path: table.path, line: table.line };
    const ops: Operation[] = [
      { kind: "create_table", table: table.name, columns: table.columns, constraints, source, call: "table" },
      ...table.indexes.map(({ spec, line }): Operation => ({ kind: "create_index", index: spec, concurrently: false, source: { path: table.path, line }, call: "index" })),
    ];
    for (const op of ops) applyOperation(schema, op);
    const created = schema.tables.get(table.name.toLowerCase());
    if (created) {
      created.models.push({ name: table.variable, source });
      for (const column of created.columns) column.codeNames = Object.entries(table.fields).filter(([, c]) => c === column.name).map(([p]) => p);
    }
    for (const problem of table.unreadable) unreadable.push({ path: table.path, line: problem.line, message: problem.message });
  }
  return schema;
}
