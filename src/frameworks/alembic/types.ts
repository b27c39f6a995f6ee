/**
 * A SQLAlchemy type (`sa.String(length=80)`, `sa.DateTime(timezone=True)`, `postgresql.JSONB()`) → the column
 * type its dialect's DDL compiler writes, spelled as the database reports it: PostgreSQL's `format_type`,
 * MySQL's COLUMN_TYPE, and on SQLite the declared text as SQLAlchemy writes it (`VARCHAR(80)`). A type the reader
 * does not know, or one built at run time, is unknown.
 */
import type { SqlDialect } from "../../model/schema.js";
import { booleanOf, nameOf, numberOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";

/** A type written as a call (`sa.String(80)`) or a bare class (`sa.Text`). */
export function typeCall(value: CodeValue | undefined): CodeCall | null {
  if (value?.kind === "call") return value;
  if (value?.kind === "name") {
    const name = value.parts[value.parts.length - 1]!;
    return { kind: "call", name, receiver: value.parts.length > 1 ? { ...value, parts: value.parts.slice(0, -1) } : null, args: [], options: [], block: null, text: value.parts.join("."), line: value.line, endLine: value.endLine };
  }
  return null;
}

const ALIASES: Record<string, string> = {
  INTEGER: "Integer", INT: "Integer", BIGINT: "BigInteger", SMALLINT: "SmallInteger", VARCHAR: "String", NVARCHAR: "String", Unicode: "String",
  TEXT: "Text", UnicodeText: "Text", BOOLEAN: "Boolean", DATETIME: "DateTime", TIMESTAMP: "DateTime", DATE: "Date", TIME: "Time",
  FLOAT: "Float", REAL: "REAL", DOUBLE: "Double", DOUBLE_PRECISION: "Double", NUMERIC: "Numeric", DECIMAL: "Numeric", JSON: "JSON",
  BLOB: "LargeBinary", BINARY: "LargeBinary", LargeBinary: "LargeBinary", UUID: "Uuid", Uuid: "Uuid", CHAR: "CHAR", NCHAR: "CHAR",
  INTERVAL: "Interval", JSONB: "JSONB", ARRAY: "ARRAY", INET: "INET", CIDR: "CIDR", TSVECTOR: "TSVECTOR", BYTEA: "LargeBinary",
  LONGTEXT: "LONGTEXT", MEDIUMTEXT: "MEDIUMTEXT", TINYINT: "TINYINT", MEDIUMBLOB: "MEDIUMBLOB", LONGBLOB: "LONGBLOB",
};

function arg(call: CodeCall, key: string, at = 0): CodeValue | undefined {
  return option(call, key) ?? call.args[at];
}

/** The SQL of a SQLAlchemy type, or null when the reader cannot tell. */
export function sqlalchemyType(call: CodeCall, dialect: SqlDialect | null): string | null {
  if (dialect === null) return null;
  const name = ALIASES[call.name] ?? call.name;
  const length = numberOf(arg(call, "length"));
  const timezone = booleanOf(option(call, "timezone")) === true;
  switch (name) {
    case "Integer":
      return dialect === "mysql" ? "int" : dialect === "sqlite" ? "INTEGER" : "integer";
    case "BigInteger":
      return dialect === "sqlite" ? "BIGINT" : "bigint";
    case "SmallInteger":
      return dialect === "sqlite" ? "SMALLINT" : "smallint";
    case "String":
      if (dialect === "postgres") return length === null ? "character varying" : `character varying(${length})`;
      if (dialect === "mysql") return length === null ? null : `varchar(${length})`;
      return length === null ? "VARCHAR" : `VARCHAR(${length})`;
    case "CHAR":
      if (dialect === "postgres") return length === null ? "character(1)" : `character(${length})`;
      return dialect === "mysql" ? `char(${length ?? 1})` : length === null ? "CHAR" : `CHAR(${length})`;
    case "Text":
      return dialect === "sqlite" ? "TEXT" : "text";
    case "LONGTEXT":
    case "MEDIUMTEXT":
      return dialect === "mysql" ? name.toLowerCase() : null;
    case "TINYINT":
      return dialect === "mysql" ? (numberOf(arg(call, "display_width")) === 1 ? "tinyint(1)" : "tinyint") : null;
    case "Boolean":
      return dialect === "postgres" ? "boolean" : dialect === "mysql" ? "tinyint(1)" : "BOOLEAN";
    case "DateTime": {
      // TIMESTAMP, not DateTime, is MySQL's timestamp; fsp is MySQL's precision.
      const fsp = numberOf(option(call, "fsp"));
      if (dialect === "postgres") return `timestamp ${timezone ? "with" : "without"} time zone`;
      if (dialect === "mysql") return `${call.name === "TIMESTAMP" ? "timestamp" : "datetime"}${fsp === null ? "" : `(${fsp})`}`;
      return call.name === "TIMESTAMP" ? "TIMESTAMP" : "DATETIME";
    }
    case "Date":
      return dialect === "sqlite" ? "DATE" : "date";
    case "Time":
      return dialect === "postgres" ? `time ${timezone ? "with" : "without"} time zone` : dialect === "mysql" ? "time" : "TIME";
    case "Float": {
      const precision = numberOf(arg(call, "precision"));
      if (dialect === "postgres") return precision !== null && precision <= 24 ? "real" : "double precision";
      return dialect === "mysql" ? (precision === null ? "float" : `float(${precision})`) : precision === null ? "FLOAT" : `FLOAT(${precision})`;
    }
    case "REAL":
      return dialect === "postgres" ? "real" : dialect === "mysql" ? "double" : "REAL";
    case "Double":
      return dialect === "postgres" ? "double precision" : dialect === "mysql" ? "double" : "DOUBLE";
    case "Numeric": {
      const precision = numberOf(arg(call, "precision"));
      const scale = numberOf(arg(call, "scale", 1));
      const args = precision === null ? "" : scale === null ? `(${precision})` : `(${precision},${scale})`;
      if (dialect === "postgres") return `numeric${args}`;
      if (dialect === "mysql") return precision === null ? "decimal(10,0)" : `decimal(${precision},${scale ?? 0})`;
      return precision === null ? "NUMERIC" : `NUMERIC(${precision}${scale === null ? "" : `, ${scale}`})`;
    }
    case "JSON":
      return dialect === "sqlite" ? "JSON" : "json";
    case "JSONB":
      return dialect === "postgres" ? "jsonb" : null;
    case "LargeBinary":
    case "MEDIUMBLOB":
    case "LONGBLOB":
      return dialect === "postgres" ? "bytea" : dialect === "mysql" ? (name === "LargeBinary" ? "blob" : name.toLowerCase()) : "BLOB";
    case "Uuid":
      return dialect === "postgres" ? "uuid" : dialect === "mysql" ? "char(32)" : "CHAR(32)";
    case "Interval":
      return dialect === "postgres" ? "interval" : dialect === "mysql" ? "datetime" : "DATETIME";
    case "INET":
    case "CIDR":
    case "TSVECTOR":
      return dialect === "postgres" ? name.toLowerCase() : null;
    case "ARRAY": {
      const inner = typeCall(arg(call, "item_type"));
      const innerType = inner ? sqlalchemyType(inner, dialect) : null;
      return dialect === "postgres" && innerType ? `${innerType}[]` : null;
    }
    case "Enum":
      return enumType(call, dialect);
    default:
      return null;
  }
}

/** `sa.Enum("a", "b", name="status")`: PostgreSQL's named type, MySQL's ENUM, SQLite's VARCHAR of the longest value. */
function enumType(call: CodeCall, dialect: SqlDialect): string | null {
  const values = call.args.map(stringOf);
  const known = values.every((v): v is string => v !== null) && values.length > 0;
  if (dialect === "postgres") return nameOf(option(call, "name"))?.toLowerCase() ?? null;
  if (!known) return null;
  if (dialect === "mysql") return `enum(${(values as string[]).map((v) => `'${v.replaceAll("'", "''")}'`).join(",")})`;
  return `VARCHAR(${Math.max(...(values as string[]).map((v) => v.length))})`;
}

/** The values of an Enum with literal members, for PostgreSQL's CREATE TYPE. */
export function enumValues(call: CodeCall): { name: string; values: string[] } | null {
  if (call.name !== "Enum") return null;
  const name = stringOf(option(call, "name"));
  const values = call.args.map(stringOf);
  return name && values.length && values.every((v): v is string => v !== null) ? { name, values } : null;
}

/** Integer types, whose single-column primary key SQLAlchemy makes auto-incrementing. */
export function isIntegerType(call: CodeCall): boolean {
  const name = ALIASES[call.name] ?? call.name;
  return name === "Integer" || name === "BigInteger" || name === "SmallInteger";
}
