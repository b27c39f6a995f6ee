/**
 * The option objects of TypeORM's schema builder API: `new TableColumn({ name, type, length, isNullable,
 * default, isPrimary, isGenerated, isUnique })`, `new TableIndex({ name, columnNames, isUnique, where })`,
 * `new TableForeignKey({ columnNames, referencedTableName, referencedColumnNames, onDelete })`,
 * `new TableUnique({ name, columnNames })`. A TableColumn is NOT NULL unless `isNullable: true`, and its
 * `default` is SQL as written.
 */
import type { ColumnSpec, ConstraintSpec, IndexSpec } from "../../model/operations.js";
import type { SqlDialect } from "../../model/schema.js";
import { asBoolean, asNumber, asString, asStringList, type JsValue } from "../../parse/js-values.js";
import { referentialAction } from "../referential-action.js";
import { defaultFromSql } from "../sql-default.js";
import { typeormType } from "./column-types.js";

/** The options object of `new X({…})`, or the object itself. */
export function optionsOf(value: JsValue | undefined): (JsValue & { kind: "object" }) | null {
  if (value?.kind === "object") return value;
  if (value?.kind === "call" && value.chain.isNew) {
    const arg = value.chain.links.at(-1)?.args[0];
    return arg?.kind === "object" ? arg : null;
  }
  return null;
}

export function readTableColumn(value: JsValue | undefined, dialect: SqlDialect | null, table: string): ColumnSpec | null {
  const options = optionsOf(value);
  const name = asString(options?.entries.get("name"));
  if (!options || name === null) return null;
  const get = (key: string) => options.entries.get(key);
  const type = asString(get("type"));
  const length = asNumber(get("length")) ?? asString(get("length"));
  const values = asStringList(get("enum"));
  // An enum is a type of its own on PostgreSQL (`enumName`, else `<table>_<column>_enum`), `enum(…)` on MySQL.
  const enumType = dialect === "postgres" ? (asString(get("enumName")) ?? `${table}_${name}_enum`) : dialect === "mysql" && values ? `enum(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")})` : null;
  const spec: ColumnSpec = {
    name,
    type: type === null ? null : type === "enum" ? enumType : typeormType(type, dialect, { length, precision: asNumber(get("precision")), scale: asNumber(get("scale")) }),
    nullable: asBoolean(get("isNullable")) ?? (get("isNullable") ? null : false),
  };
  if (asBoolean(get("isPrimary"))) spec.primaryKey = true;
  if (asBoolean(get("isUnique"))) spec.unique = true;
  if (asBoolean(get("isGenerated"))) {
    const strategy = asString(get("generationStrategy")) ?? "increment";
    if (strategy === "increment") spec.identity = "auto_increment";
    if (strategy === "uuid" && dialect === "postgres") spec.default = { kind: "expression", sql: "uuid_generate_v4()" };
  }
  // TableColumn's `default` is SQL as written (`"'active'"`, `"now()"`); a number or boolean is that literal.
  const given = get("default");
  if (given?.kind === "string") spec.default = defaultFromSql(given.value);
  else if (given?.kind === "number" || given?.kind === "boolean") spec.default = { kind: "literal", value: given.value };
  return spec;
}

export function readTableIndex(table: string, value: JsValue | undefined): IndexSpec | null {
  const options = optionsOf(value);
  const columns = asStringList(options?.entries.get("columnNames"));
  if (!options || !columns) return null;
  return {
    name: asString(options.entries.get("name")),
    table,
    keys: columns.map((column) => ({ column, columns: [column] })),
    unique: asBoolean(options.entries.get("isUnique")) === true,
    method: asBoolean(options.entries.get("isSpatial")) ? "gist" : null,
    where: asString(options.entries.get("where")),
    whereColumns: [],
    include: [],
  };
}

export function readTableForeignKey(value: JsValue | undefined): ConstraintSpec | null {
  const options = optionsOf(value);
  const columns = asStringList(options?.entries.get("columnNames"));
  const refTable = asString(options?.entries.get("referencedTableName"));
  if (!options || !columns || !refTable) return null;
  return {
    kind: "foreign_key",
    name: asString(options.entries.get("name")),
    columns,
    refTable,
    refColumns: asStringList(options.entries.get("referencedColumnNames")) ?? [],
    onDelete: referentialAction(asString(options.entries.get("onDelete"))),
    onUpdate: referentialAction(asString(options.entries.get("onUpdate"))),
  };
}

export function readTableUnique(value: JsValue | undefined): ConstraintSpec | null {
  const options = optionsOf(value);
  const columns = asStringList(options?.entries.get("columnNames"));
  return options && columns ? { kind: "unique", name: asString(options.entries.get("name")), columns } : null;
}
