/**
 * TypeORM column types → the type as the database spells it. A `@Column()` with no type takes it from
 * the property's TypeScript type, as TypeORM's drivers do (`normalizeType`): string → varchar,
 * number → integer/int, boolean → boolean/tinyint, Date → timestamp/datetime.
 */
import type { SqlDialect } from "../../model/schema.js";
import { postgresTypeName } from "../postgres-type-names.js";

/** The SQL type of `type` with its length/precision, or null when the dialect or the type is not known. */
export function typeormType(type: string, dialect: SqlDialect | null, options: { length?: number | string | null; precision?: number | null; scale?: number | null } = {}): string | null {
  const key = type.toLowerCase();
  let base: string;
  if (dialect === "postgres") base = key === "simple-json" || key === "simple-array" ? "text" : postgresTypeName(key);
  else if (dialect === "mysql") base = key === "integer" ? "int" : key === "bool" || key === "boolean" ? "tinyint" : key === "simple-json" || key === "simple-array" ? "text" : key;
  // TypeORM's SQLite driver writes `int` as `integer` (AbstractSqliteDriver.normalizeType).
  else if (dialect === "sqlite") base = key === "simple-json" || key === "simple-array" ? "text" : key === "int" ? "integer" : key;
  else return null;
  const length = options.length ?? (dialect === "mysql" && key === "varchar" ? 255 : null);
  if (length !== null && length !== undefined && (base.includes("char") || base.includes("binary"))) return `${base}(${length})`;
  if (options.precision != null && (base === "numeric" || base === "decimal")) return `${base}(${options.precision},${options.scale ?? 0})`;
  if (dialect === "mysql" && base === "tinyint" && (key === "bool" || key === "boolean")) return "tinyint";
  return base;
}

/** The column type TypeORM gives a property's TypeScript type. */
export function typeFromDesignType(tsType: string | null, dialect: SqlDialect | null): string | null {
  if (!tsType || !dialect) return null;
  const byType: Record<string, Record<SqlDialect, string>> = {
    string: { postgres: "character varying", mysql: "varchar(255)", sqlite: "varchar" },
    number: { postgres: "integer", mysql: "int", sqlite: "integer" },
    boolean: { postgres: "boolean", mysql: "tinyint", sqlite: "boolean" },
    Date: { postgres: "timestamp without time zone", mysql: "datetime", sqlite: "datetime" },
  };
  return byType[tsType]?.[dialect] ?? null;
}
