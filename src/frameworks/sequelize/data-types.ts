/**
 * Sequelize data types → the SQL type each dialect's query generator writes (sequelize
 * `lib/dialects/<dialect>/data-types.js`), spelled as the database reports it. `DATE` is
 * `timestamp with time zone` on PostgreSQL — never `text`.
 */
import type { SqlDialect } from "../../model/schema.js";
import { asNumber, asString, calleePath, type JsValue } from "../../parse/js-values.js";

type PerDialect = Partial<Record<SqlDialect, string>>;
type Args = (number | string | null)[];

const n = (args: Args, i: number, fallback: number) => (typeof args[i] === "number" ? (args[i] as number) : fallback);

const TYPES: Record<string, (args: Args) => PerDialect> = {
  STRING: (a) => ({ postgres: `character varying(${n(a, 0, 255)})`, mysql: `varchar(${n(a, 0, 255)})`, sqlite: `varchar(${n(a, 0, 255)})` }),
  CHAR: (a) => ({ postgres: `character(${n(a, 0, 255)})`, mysql: `char(${n(a, 0, 255)})`, sqlite: `char(${n(a, 0, 255)})` }),
  TEXT: (a) => ({ postgres: "text", mysql: typeof a[0] === "string" ? `${a[0]}text` : "text", sqlite: "text" }),
  CITEXT: () => ({ postgres: "citext", sqlite: "text" }),
  TSVECTOR: () => ({ postgres: "tsvector" }),
  INTEGER: () => ({ postgres: "integer", mysql: "int", sqlite: "integer" }),
  BIGINT: () => ({ postgres: "bigint", mysql: "bigint", sqlite: "bigint" }),
  SMALLINT: () => ({ postgres: "smallint", mysql: "smallint", sqlite: "smallint" }),
  TINYINT: () => ({ mysql: "tinyint", sqlite: "tinyint" }),
  MEDIUMINT: () => ({ mysql: "mediumint", sqlite: "mediumint" }),
  FLOAT: () => ({ postgres: "double precision", mysql: "float", sqlite: "float" }),
  REAL: () => ({ postgres: "real", mysql: "real", sqlite: "real" }),
  DOUBLE: () => ({ postgres: "double precision", mysql: "double", sqlite: "double precision" }),
  DECIMAL: (a) => (typeof a[0] === "number"
    ? { postgres: `numeric(${a[0]},${n(a, 1, 0)})`, mysql: `decimal(${a[0]},${n(a, 1, 0)})`, sqlite: `decimal(${a[0]},${n(a, 1, 0)})` }
    : { postgres: "numeric", mysql: "decimal", sqlite: "decimal" }),
  BOOLEAN: () => ({ postgres: "boolean", mysql: "tinyint(1)", sqlite: "tinyint(1)" }),
  DATE: () => ({ postgres: "timestamp with time zone", mysql: "datetime", sqlite: "datetime" }),
  DATEONLY: () => ({ postgres: "date", mysql: "date", sqlite: "date" }),
  TIME: () => ({ postgres: "time without time zone", mysql: "time", sqlite: "time" }),
  UUID: () => ({ postgres: "uuid", mysql: "char(36)", sqlite: "uuid" }),
  JSON: () => ({ postgres: "json", mysql: "json", sqlite: "json" }),
  JSONB: () => ({ postgres: "jsonb" }),
  BLOB: () => ({ postgres: "bytea", mysql: "blob", sqlite: "blob" }),
  INET: () => ({ postgres: "inet" }),
  CIDR: () => ({ postgres: "cidr" }),
  MACADDR: () => ({ postgres: "macaddr" }),
  HSTORE: () => ({ postgres: "hstore" }),
};

/** What an attribute's `type` says: the SQL type, or the enum values Sequelize makes a type of. */
export interface TypeRead {
  sql: string | null;
  enumValues?: string[];
}

/**
 * `Sequelize.STRING`, `DataTypes.STRING(100)`, `DataType.INTEGER.UNSIGNED`, `Sequelize.ARRAY(Sequelize.TEXT)`,
 * `Sequelize.ENUM('a', 'b')`, or a string written as SQL (`"TIMESTAMP WITH TIME ZONE"`).
 */
export function sequelizeType(value: JsValue | undefined, dialect: SqlDialect | null, enumName?: string): TypeRead {
  if (!value) return { sql: null };
  if (value.kind === "string") return { sql: value.value.toLowerCase() };
  let path: string[];
  let args: JsValue[] = [];
  if (value.kind === "ref") path = value.path;
  else if (value.kind === "call") {
    path = calleePath(value.chain);
    args = value.chain.links.at(-1)?.args ?? [];
  } else return { sql: null };
  const names = path.filter((part) => part === part.toUpperCase() && /^[A-Z]/.test(part));
  const [base, ...modifiers] = names;
  if (!base) return { sql: null };
  if (base === "ENUM") {
    const values = (args.length === 1 && args[0]?.kind === "array" ? args[0].items : args).map(asString);
    if (values.some((v) => v === null)) return { sql: null };
    const list = values as string[];
    if (dialect === "postgres") return { sql: enumName ?? null, enumValues: list };
    if (dialect === "mysql") return { sql: `enum(${list.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")})`, enumValues: list };
    return { sql: dialect === "sqlite" ? "text" : null, enumValues: list };
  }
  if (base === "ARRAY") {
    const inner = sequelizeType(args[0], dialect);
    return { sql: dialect === "postgres" && inner.sql ? `${inner.sql}[]` : null };
  }
  const literal = args.map((a) => asNumber(a) ?? asString(a) ?? null);
  const types = TYPES[base]?.(literal);
  const sql = dialect ? (types?.[dialect] ?? null) : null;
  if (!sql) return { sql: null };
  if (base === "STRING" && modifiers.includes("BINARY")) return { sql: dialect === "postgres" ? "bytea" : sql.replace("varchar", "varbinary") };
  return { sql: modifiers.includes("UNSIGNED") && dialect === "mysql" ? `${sql} unsigned` : sql };
}
