/**
 * A Rails column type (`:string`, `limit: 100`) → the SQL type the adapter creates, spelled as the database
 * reports it. From each adapter's NATIVE_DATABASE_TYPES and `type_to_sql` (PostgreSQL: `character varying`,
 * `timestamp(6) without time zone`; MySQL: `varchar(255)`, `tinyint(1)`, `datetime(6)`; SQLite: `varchar`,
 * `datetime(6)`). With no dialect the type is unknown; a type Rails does not know is passed through as written,
 * as Rails itself does.
 */
import type { SqlDialect } from "../../model/schema.js";
import { postgresTypeName } from "../postgres-type-name.js";
import type { RailsBehavior } from "./behavior.js";

export interface TypeOptions {
  limit?: number | null;
  precision?: number | null;
  /** True when `precision:` is written (even as nil), so the version's default does not apply. */
  precisionGiven?: boolean;
  scale?: number | null;
  array?: boolean;
  enumType?: string | null;
  unsigned?: boolean;
}

export function railsType(type: string, options: TypeOptions, dialect: SqlDialect | null, behavior: RailsBehavior): string | null {
  if (dialect === null) return null;
  const precision = options.precisionGiven ? (options.precision ?? null) : type === "datetime" || (type === "timestamp" && dialect === "sqlite") ? behavior.datetimePrecision : null;
  const sql = dialect === "postgres" ? postgres(type, options, precision) : dialect === "mysql" ? mysql(type, options, precision) : sqlite(type, options, precision);
  return sql;
}

function withPrecision(name: string, precision: number | null): string {
  return precision === null ? name : `${name}(${precision})`;
}

function decimal(name: string, options: TypeOptions): string {
  if (options.precision == null) return name;
  return options.scale == null ? `${name}(${options.precision})` : `${name}(${options.precision},${options.scale})`;
}

function postgres(type: string, options: TypeOptions, precision: number | null): string {
  const limit = options.limit ?? null;
  let sql: string;
  switch (type) {
    case "primary_key":
    case "bigserial":
      sql = "bigint";
      break;
    case "serial":
      sql = "integer";
      break;
    case "string":
      sql = limit === null ? "character varying" : `character varying(${limit})`;
      break;
    case "integer":
      sql = limit === 1 || limit === 2 ? "smallint" : limit !== null && limit >= 5 ? "bigint" : "integer";
      break;
    case "float":
      sql = "double precision";
      break;
    case "decimal":
    case "numeric":
      sql = decimal("numeric", options);
      break;
    case "datetime":
    case "timestamp":
      sql = `${withPrecision("timestamp", precision)} without time zone`;
      break;
    case "timestamptz":
      sql = "timestamp with time zone";
      break;
    case "time":
      sql = `${withPrecision("time", precision)} without time zone`;
      break;
    case "binary":
      sql = "bytea";
      break;
    case "bit":
    case "bit_varying":
      sql = `${type === "bit" ? "bit" : "bit varying"}${limit === null ? "" : `(${limit})`}`;
      break;
    case "enum":
      sql = options.enumType ?? "enum";
      break;
    case "interval":
      sql = withPrecision("interval", precision);
      break;
    default:
      sql = postgresTypeName(type);
  }
  return options.array ? `${sql}[]` : sql;
}

function mysql(type: string, options: TypeOptions, precision: number | null): string {
  const limit = options.limit ?? null;
  let sql: string;
  switch (type) {
    case "primary_key":
      sql = "bigint";
      break;
    case "string":
      sql = `varchar(${limit ?? 255})`;
      break;
    case "text":
    case "blob":
      sql = `${sizePrefix(limit)}${type}`;
      break;
    case "binary":
      sql = limit !== null && limit <= 0xfff ? `varbinary(${limit})` : `${sizePrefix(limit)}blob`;
      break;
    case "integer":
      sql = limit === 1 ? "tinyint" : limit === 2 ? "smallint" : limit === 3 ? "mediumint" : limit !== null && limit >= 5 ? "bigint" : "int";
      break;
    case "decimal":
      sql = options.precision == null ? "decimal(10,0)" : `decimal(${options.precision},${options.scale ?? 0})`;
      break;
    case "boolean":
      sql = "tinyint(1)";
      break;
    case "datetime":
    case "timestamp":
    case "time":
      sql = withPrecision(type, precision);
      break;
    default:
      sql = type.toLowerCase();
  }
  return options.unsigned && type !== "primary_key" ? `${sql} unsigned` : sql;
}

function sizePrefix(limit: number | null): string {
  if (limit === null || (limit >= 0x100 && limit <= 0xffff)) return "";
  if (limit <= 0xff) return "tiny";
  return limit <= 0xffffff ? "medium" : "long";
}

function sqlite(type: string, options: TypeOptions, precision: number | null): string {
  const limit = options.limit ?? null;
  switch (type) {
    case "primary_key":
      return "integer";
    case "string":
      return limit === null ? "varchar" : `varchar(${limit})`;
    case "binary":
      return limit === null ? "blob" : `blob(${limit})`;
    case "decimal":
      return decimal("decimal", options);
    case "datetime":
    case "timestamp":
    case "time":
      return withPrecision(type === "timestamp" ? "datetime" : type, precision);
    case "text":
    case "integer":
    case "float":
    case "date":
    case "boolean":
    case "json":
      return limit === null ? type : `${type}(${limit})`;
    default:
      return type.toLowerCase();
  }
}
