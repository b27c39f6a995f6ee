/**
 * Knex column builder methods → the SQL type each dialect's column compiler writes (knex's
 * `lib/dialects/<dialect>/schema/*-columncompiler.js`), spelled as the database reports it.
 * A type whose spelling differs by dialect is unknown when the repo's dialect is.
 */
import type { SqlDialect } from "../../model/schema.js";

type PerDialect = Record<SqlDialect, string>;
type Args = (number | string | null)[];

const same = (type: string): PerDialect => ({ postgres: type, mysql: type, sqlite: type });
const num = (value: number | string | null | undefined, fallback: number) => (typeof value === "number" ? value : fallback);

const TYPES: Record<string, (args: Args) => PerDialect> = {
  increments: () => ({ postgres: "serial", mysql: "int unsigned", sqlite: "integer" }),
  bigincrements: () => ({ postgres: "bigserial", mysql: "bigint unsigned", sqlite: "integer" }),
  integer: (args) => ({ postgres: "integer", mysql: typeof args[0] === "number" ? `int(${args[0]})` : "int", sqlite: "integer" }),
  int: (args) => TYPES.integer!(args),
  biginteger: () => same("bigint"),
  bigint: () => same("bigint"),
  smallint: () => ({ postgres: "smallint", mysql: "smallint", sqlite: "integer" }),
  tinyint: () => ({ postgres: "smallint", mysql: "tinyint", sqlite: "tinyint" }),
  mediumint: () => ({ postgres: "integer", mysql: "mediumint", sqlite: "integer" }),
  string: (args) => ({ postgres: `character varying(${num(args[0], 255)})`, mysql: `varchar(${num(args[0], 255)})`, sqlite: `varchar(${num(args[0], 255)})` }),
  text: (args) => ({ postgres: "text", mysql: typeof args[0] === "string" ? args[0].toLowerCase() : "text", sqlite: "text" }),
  float: (args) => ({ postgres: "real", mysql: `float(${num(args[0], 8)},${num(args[1], 2)})`, sqlite: "float" }),
  double: (args) => ({ postgres: "double precision", mysql: typeof args[0] === "number" ? `double(${args[0]},${num(args[1], 2)})` : "double", sqlite: "float" }),
  decimal: (args) => ({
    postgres: args[0] === null ? "numeric" : `numeric(${num(args[0], 8)},${num(args[1], 2)})`,
    mysql: `decimal(${num(args[0], 8)},${num(args[1], 2)})`,
    sqlite: "float",
  }),
  boolean: () => ({ postgres: "boolean", mysql: "tinyint(1)", sqlite: "boolean" }),
  date: () => same("date"),
  datetime: () => ({ postgres: "timestamp with time zone", mysql: "datetime", sqlite: "datetime" }),
  timestamp: () => ({ postgres: "timestamp with time zone", mysql: "timestamp", sqlite: "datetime" }),
  time: () => ({ postgres: "time without time zone", mysql: "time", sqlite: "time" }),
  binary: (args) => ({ postgres: "bytea", mysql: typeof args[0] === "number" ? `varbinary(${args[0]})` : "blob", sqlite: "blob" }),
  uuid: () => ({ postgres: "uuid", mysql: "char(36)", sqlite: "char(36)" }),
  json: () => ({ postgres: "json", mysql: "json", sqlite: "json" }),
  jsonb: () => ({ postgres: "jsonb", mysql: "json", sqlite: "json" }),
};

/** Postgres and SQLite write an enum as text with a CHECK; MySQL as its own ENUM type. */
function enumType(values: string[]): PerDialect {
  const quoted = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",");
  return { postgres: "text", mysql: `enum(${quoted})`, sqlite: "text" };
}

/** True for the builder methods that add a column. */
export function isColumnMethod(method: string): boolean {
  const key = method.toLowerCase();
  return key in TYPES || key === "enu" || key === "enum" || key === "specifictype";
}

/**
 * The SQL type of `t.<method>(name, ...args)`; null when it is unknown for the dialect (or an enum's values
 * are not literals). `unsigned` adds MySQL's `unsigned`.
 */
export function knexColumnType(method: string, args: Args, dialect: SqlDialect | null, options: { unsigned?: boolean; enumValues?: string[] | null } = {}): string | null {
  const key = method.toLowerCase();
  if (key === "specifictype") return typeof args[0] === "string" ? args[0] : null;
  let types: PerDialect | undefined;
  if (key === "enu" || key === "enum") types = options.enumValues ? enumType(options.enumValues) : undefined;
  else types = TYPES[key]?.(args);
  if (!types) return null;
  const pick = (d: SqlDialect) => (options.unsigned && d === "mysql" && !types![d].includes("unsigned") ? `${types![d]} unsigned` : types![d]);
  if (dialect) return pick(dialect);
  const all = (["postgres", "mysql", "sqlite"] as const).map(pick);
  return all.every((t) => t === all[0]) ? all[0]! : null;
}

/** Auto-increment columns: the database numbers them and they are the primary key unless told otherwise. */
export function isIncrements(method: string): boolean {
  return ["increments", "bigincrements"].includes(method.toLowerCase());
}
