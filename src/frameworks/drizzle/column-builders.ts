/**
 * Drizzle column builders → SQL types, per dialect, as drizzle-kit writes them: `varchar('email', { length: 256 })`
 * → `character varying(256)` on PostgreSQL, `integer('ends_at', { mode: 'timestamp' })` → `integer` on SQLite.
 * The column's SQL name is the builder's first string argument, never the TypeScript property.
 */
import type { SqlDialect } from "../../model/schema.js";
import { asBoolean, asNumber, asString, type JsValue } from "../../parse/js-values.js";
import { postgresTypeName } from "../postgres-type-names.js";

type Options = (JsValue & { kind: "object" }) | undefined;

const PG: Record<string, (o: Options) => string> = {
  serial: () => "serial", bigserial: () => "bigserial", smallserial: () => "smallserial",
  integer: () => "integer", bigint: () => "bigint", smallint: () => "smallint",
  text: () => "text", uuid: () => "uuid", boolean: () => "boolean", date: () => "date", json: () => "json", jsonb: () => "jsonb",
  real: () => "real", doublePrecision: () => "double precision", inet: () => "inet", cidr: () => "cidr", interval: () => "interval",
  varchar: (o) => `character varying${size(o, "length")}`, char: (o) => `character${size(o, "length")}`,
  numeric: (o) => numeric("numeric", o), decimal: (o) => numeric("numeric", o),
  timestamp: (o) => `timestamp${size(o, "precision")} ${asBoolean(option(o, "withTimezone")) ? "with" : "without"} time zone`,
  time: (o) => `time${size(o, "precision")} ${asBoolean(option(o, "withTimezone")) ? "with" : "without"} time zone`,
};

const MYSQL: Record<string, (o: Options) => string> = {
  int: () => "int", bigint: () => "bigint", smallint: () => "smallint", tinyint: () => "tinyint", mediumint: () => "mediumint", serial: () => "serial",
  text: () => "text", mediumtext: () => "mediumtext", longtext: () => "longtext", boolean: () => "boolean", json: () => "json",
  date: () => "date", float: () => "float", double: () => "double", real: () => "real",
  varchar: (o) => `varchar${size(o, "length")}`, char: (o) => `char${size(o, "length")}`, binary: (o) => `binary${size(o, "length")}`,
  decimal: (o) => numeric("decimal", o), datetime: (o) => `datetime${size(o, "fsp")}`, timestamp: (o) => `timestamp${size(o, "fsp")}`, time: (o) => `time${size(o, "fsp")}`,
};

const SQLITE: Record<string, (o: Options) => string> = {
  integer: () => "integer", int: () => "integer", real: () => "real", numeric: () => "numeric", blob: () => "blob",
  text: (o) => `text${size(o, "length")}`,
};

function option(o: Options, key: string): JsValue | undefined {
  return o?.entries.get(key);
}

function size(o: Options, key: string): string {
  const n = asNumber(option(o, key));
  return n === null ? "" : `(${n})`;
}

function numeric(name: string, o: Options): string {
  const precision = asNumber(option(o, "precision"));
  const scale = asNumber(option(o, "scale"));
  return precision === null ? name : `${name}(${precision}${scale === null ? "" : `,${scale}`})`;
}

/** The SQL type of `builder(name, options)`; `enums` are the repo's `pgEnum`/`mysqlEnum` declarations by variable name. */
export function drizzleColumnType(builder: string, args: JsValue[], dialect: SqlDialect | null, enums: Map<string, { name: string; values: string[] }>): string | null {
  const options = args.find((a): a is JsValue & { kind: "object" } => a.kind === "object");
  const pgEnum = enums.get(builder);
  if (pgEnum) return dialect === "mysql" ? `enum(${pgEnum.values.map((v) => `'${v}'`).join(",")})` : pgEnum.name;
  if (builder === "mysqlEnum") {
    const values = args.find((a) => a.kind === "array");
    const list = values?.kind === "array" ? values.items.map(asString) : [];
    return list.every((v) => v !== null) ? `enum(${list.map((v) => `'${v}'`).join(",")})` : null;
  }
  const table = dialect === "postgres" ? PG : dialect === "mysql" ? MYSQL : dialect === "sqlite" ? SQLITE : null;
  const type = table?.[builder]?.(options);
  if (!type) return null;
  return dialect === "postgres" ? postgresTypeName(type) : type;
}

/** The table function's dialect: `pgTable`, `mysqlTable`, `sqliteTable` (and their `*TableCreator` results are not read). */
export function tableFunctionDialect(name: string): SqlDialect | null {
  if (name === "pgTable") return "postgres";
  if (name === "mysqlTable") return "mysql";
  if (name === "sqliteTable") return "sqlite";
  return null;
}
