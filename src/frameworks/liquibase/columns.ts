/**
 * A Liquibase `<column>` (in createTable/addColumn): name, type, the `defaultValue*` attributes, autoIncrement,
 * and `<constraints nullable primaryKey unique references foreignKeyName deleteCascade/>`. A column is
 * nullable unless its constraints say `nullable="false"` (or it is the primary key).
 */
import type { ColumnSpec } from "../../model/operations.js";
import type { DefaultValue, SqlDialect } from "../../model/schema.js";
import type { LbNode } from "./nodes.js";
import { liquibaseType } from "./types.js";

export function readColumn(node: LbNode, dialect: SqlDialect | null, path: string): ColumnSpec | null {
  const name = node.attrs.name;
  if (!name) return null;
  const constraints = node.children.find((c) => c.name === "constraints")?.attrs ?? {};
  const spec: ColumnSpec = {
    name,
    type: liquibaseType(node.attrs.type, dialect),
    nullable: constraints.nullable === "false" ? false : true,
    source: { path, line: node.line },
  };
  // A column a change creates has no default unless it states one.
  spec.default = defaultOf(node.attrs) ?? null;
  if (node.attrs.autoIncrement === "true") spec.identity = "auto_increment";
  if (constraints.primaryKey === "true") spec.primaryKey = true;
  if (constraints.unique === "true") spec.unique = true;
  const references = constraints.references;
  const refTable = constraints.referencedTableName ?? (references ? references.slice(0, references.indexOf("(")).trim() : undefined);
  if (refTable) {
    const refColumns = constraints.referencedColumnNames ?? (references ? references.slice(references.indexOf("(") + 1, references.lastIndexOf(")")) : "");
    spec.references = {
      table: refTable,
      columns: refColumns.split(",").map((c) => c.trim()).filter(Boolean),
      onDelete: constraints.deleteCascade === "true" ? "cascade" : null,
      onUpdate: null,
    };
  }
  return spec;
}

/** `defaultValue` (a string), `defaultValueNumeric`, `defaultValueBoolean`, `defaultValueComputed` (SQL), `defaultValueDate`. */
export function defaultOf(attrs: Record<string, string>): DefaultValue | null | undefined {
  if (attrs.defaultValue !== undefined) return { kind: "literal", value: attrs.defaultValue };
  if (attrs.defaultValueNumeric !== undefined) return { kind: "literal", value: Number(attrs.defaultValueNumeric) };
  if (attrs.defaultValueBoolean !== undefined) return { kind: "literal", value: attrs.defaultValueBoolean === "true" };
  if (attrs.defaultValueDate !== undefined) return { kind: "literal", value: attrs.defaultValueDate };
  if (attrs.defaultValueComputed !== undefined) {
    return attrs.defaultValueComputed.toUpperCase() === "NULL" ? { kind: "literal", value: null } : { kind: "expression", sql: attrs.defaultValueComputed };
  }
  return undefined;
}
