/**
 * An Ecto migration type (`:string`, `{:array, :text}`, `:utc_datetime_usec`, `size: 40`) → the column type the
 * adapter creates (ecto_sql's `column_type`), spelled as the database reports it. PostgreSQL: `:string` is
 * `character varying(255)`, `:utc_datetime` `timestamp(0) without time zone`, `:map` `jsonb`; MySQL (MyXQL):
 * `varchar(255)`, `datetime`, `json`. Other atoms pass through as type names, as ecto_sql passes them.
 */
import type { SqlDialect } from "../../model/schema.js";
import { nameOf, numberOf, type CodeValue } from "../../parse/code-value.js";
import { postgresTypeName } from "../postgres-type-name.js";

export interface TypeOptions {
  size: number | null;
  precision: number | null;
  scale: number | null;
}

/** `{:array, :text}` → text[]; `:string` → its name; null for a type computed at run time. */
export function ectoType(value: CodeValue | undefined, options: TypeOptions, dialect: SqlDialect | null): string | null {
  if (dialect === null || !value) return null;
  if (value.kind === "list" && value.items.length === 2) {
    const [wrapper, inner] = value.items;
    const kind = nameOf(wrapper);
    if (kind === "array") {
      const innerType = ectoType(inner, options, dialect);
      return dialect === "postgres" && innerType ? `${innerType}[]` : null;
    }
    if (kind === "map") return ectoType({ ...wrapper!, kind: "symbol", value: "map" }, options, dialect);
    return null;
  }
  const name = value.kind === "symbol" || value.kind === "string" ? value.value : null;
  if (name === null) return null;
  return dialect === "postgres" ? postgres(name, options) : dialect === "mysql" ? mysql(name, options) : null;
}

function withPrecision(base: string, precision: number | null, suffix = ""): string {
  return `${base}${precision === null ? "" : `(${precision})`}${suffix}`;
}

function postgres(name: string, { size, precision, scale }: TypeOptions): string {
  switch (name) {
    case "string":
      return `character varying(${size ?? 255})`;
    case "id":
    case "serial":
      return "integer";
    case "bigserial":
    case "identity":
      return "bigint";
    case "binary_id":
    case "uuid":
      return "uuid";
    case "binary":
      return "bytea";
    case "map":
      return "jsonb";
    case "bitstring":
      return size === null ? "bit varying" : `bit varying(${size})`;
    case "time":
      return "time(0) without time zone";
    case "utc_datetime":
    case "naive_datetime":
      return "timestamp(0) without time zone";
    case "time_usec":
      return withPrecision("time", precision, " without time zone");
    case "utc_datetime_usec":
    case "naive_datetime_usec":
      return withPrecision("timestamp", precision, " without time zone");
    case "duration":
      return withPrecision("interval", precision);
    case "decimal":
    case "numeric":
      return precision === null ? "numeric" : `numeric(${precision},${scale ?? 0})`;
    case "float":
      return "double precision";
    default:
      return postgresTypeName(size === null ? name : `${name}(${size})`);
  }
}

function mysql(name: string, { size, precision, scale }: TypeOptions): string {
  switch (name) {
    case "string":
      return `varchar(${size ?? 255})`;
    case "id":
    case "serial":
    case "integer":
      return "int";
    case "bigserial":
      return "bigint unsigned";
    case "binary_id":
    case "uuid":
      return "binary(16)";
    case "binary":
      return "blob";
    case "map":
      return "json";
    case "boolean":
      return "tinyint(1)";
    case "utc_datetime":
    case "naive_datetime":
      return "datetime";
    case "utc_datetime_usec":
    case "naive_datetime_usec":
      return `datetime(${precision ?? 6})`;
    case "time_usec":
      return `time(${precision ?? 6})`;
    case "decimal":
      return precision === null ? "decimal(10,0)" : `decimal(${precision},${scale ?? 0})`;
    case "float":
      return "double";
    default:
      return size === null ? name : `${name}(${size})`;
  }
}

/** The type of a column that references a key of this type (`references(:users)` on a `:bigserial` key is bigint). */
export function referenceType(keyType: string): string {
  if (keyType === "serial") return "integer";
  if (keyType === "bigserial" || keyType === "identity") return "bigint";
  return keyType;
}

export function typeOptions(get: (key: string) => CodeValue | undefined): TypeOptions {
  return { size: numberOf(get("size")), precision: numberOf(get("precision")), scale: numberOf(get("scale")) };
}
