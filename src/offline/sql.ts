import type { Dialect } from "./context.js";
import { indexTail, type IndexShape } from "./index-shape.js";

/** Limits the plan writes into its SQL: how long DDL may wait for a lock, how many rows a backfill batch touches. */
export const LOCK_TIMEOUT = "5s";
export const BATCH_SIZE = 10_000;

/** ORM type names as found in schema snapshots and models, mapped to SQL per dialect; anything else is used as written. */
const TYPES: Record<string, Partial<Record<Dialect, string>> & { default: string }> = {
  string: { default: "varchar(255)", postgres: "varchar", sqlite: "text" },
  charfield: { default: "varchar(255)", sqlite: "text" },
  emailfield: { default: "varchar(254)", sqlite: "text" },
  text: { default: "text" },
  textfield: { default: "text" },
  integer: { default: "integer" },
  int: { default: "integer" },
  bigint: { default: "bigint", sqlite: "integer" },
  boolean: { default: "boolean", mysql: "tinyint(1)", sqlite: "integer" },
  bool: { default: "boolean", mysql: "tinyint(1)", sqlite: "integer" },
  datetime: { default: "timestamp", postgres: "timestamp(6)", mysql: "datetime(6)", sqlite: "text" },
  timestamp: { default: "timestamp" },
  date: { default: "date", sqlite: "text" },
  decimal: { default: "numeric", mysql: "decimal(10,2)" },
  float: { default: "double precision", mysql: "double", sqlite: "real" },
  uuid: { default: "uuid", mysql: "char(36)", sqlite: "text" },
  json: { default: "jsonb", mysql: "json", sqlite: "text" },
  jsonb: { default: "jsonb", mysql: "json", sqlite: "text" },
};

export function sqlType(type: string | null, dialect: Dialect): string {
  if (!type) return "text";
  const known = TYPES[type.toLowerCase().replace(/^(t\.|models\.|sa\.|db\.)/, "").replace(/\(.*$/, "")];
  if (!known) return type;
  const sql = known[dialect] ?? known.default;
  // A length the code gives (`String(64)`, `max_length=64` is not on the type) is kept: the default would widen the column.
  const length = /\(\s*(?:length\s*=\s*)?(\d+)\s*\)/.exec(type)?.[1];
  return length && /^(?:var)?char/.test(sql) ? `${sql.replace(/\(.*$/, "")}(${length})` : sql;
}

/** The type a CAST converts to: MySQL's CAST knows SIGNED, CHAR, DECIMAL, DATETIME…, not the column types. */
export function castType(type: string, dialect: Dialect): string {
  if (dialect !== "mysql") return type;
  const lower = type.toLowerCase();
  if (/^(?:big|small|tiny|medium)?int(?:eger)?\b/.test(lower)) return "SIGNED";
  if (/^(?:var)?char|^text|^string|^enum/.test(lower)) return "CHAR";
  if (/^(?:decimal|numeric)/.test(lower)) return type.toUpperCase().replace(/^NUMERIC/, "DECIMAL");
  if (/^(?:float|double|real)/.test(lower)) return "DOUBLE";
  if (/^(?:datetime|timestamp)/.test(lower)) return "DATETIME";
  if (/^(?:date|time|json)\b/.test(lower)) return lower.toUpperCase();
  return type;
}

/**
 * The value a changed column takes from the old one. Postgres reads a timestamp without zone in the session's
 * zone when casting to timestamptz; the apps that use one (Rails, Django, Ecto) store UTC in it.
 */
export function convertedValue(column: string, from: string | null, to: string, dialect: Dialect): string {
  if (dialect === "postgres" && /^timestamp(?:\(\d\))?(?: without time zone)?$|^datetime$|^naive_datetime/i.test(from ?? "") && /^timestamptz|with time zone/i.test(to)) {
    return `${column} AT TIME ZONE 'UTC'`;
  }
  return `CAST(${column} AS ${castType(to, dialect)})`;
}

/**
 * MySQL refuses a literal default on TEXT, BLOB and JSON columns; 8.0.13 takes an expression, `DEFAULT ('')`.
 * MariaDB takes the literal.
 */
export function defaultFor(value: string, type: string, engine: string): string {
  return engine === "mysql" && /^(?:tiny|medium|long)?(?:text|blob)\b|^json\b|^geometry/i.test(type) && !value.startsWith("(") ? `(${value})` : value;
}

/**
 * A default as the code or the task writes it (`""`, `"active"`, `:active`, `True`, `nil`, `0`, `now()`) as SQL; null
 * when it is no value SQL can restate (`-> { … }`, `uuid()`, `Sequelize.NOW`), which a plan must not paste into DDL.
 */
export function sqlLiteral(value: string | null): string | null {
  if (value === null) return null;
  const text = value.trim();
  const doubleQuoted = /^"((?:[^"\\]|\\.)*)"$/.exec(text);
  if (doubleQuoted) return `'${doubleQuoted[1]!.replace(/\\(.)/g, "$1").replace(/'/g, "''")}'`;
  if (/^'(?:[^']|'')*'$/.test(text) || /^[-+]?\d+(?:\.\d+)?$/.test(text)) return text;
  if (/^(?:true|false)$/i.test(text)) return text.toUpperCase();
  if (/^(?:nil|none|null)$/i.test(text)) return "NULL";
  if (/^(?:now\(\)|current_timestamp(?:\(\))?|current_date|localtimestamp)$/i.test(text)) return text;
  const symbol = /^:(\w+)$/.exec(text);
  return symbol ? `'${symbol[1]}'` : null;
}

/**
 * How long DDL may wait for its lock. Inside a transaction Postgres takes SET LOCAL, which ends with it; a plain
 * SET there would outlive the migration for the rest of the runner's session.
 */
export function lockTimeout(dialect: Dialect, inTransaction: boolean): string[] {
  if (dialect === "postgres") return [`SET ${inTransaction ? "LOCAL " : ""}lock_timeout = '${LOCK_TIMEOUT}';`];
  if (dialect === "mysql") return [`SET SESSION lock_wait_timeout = ${parseInt(LOCK_TIMEOUT, 10)};`];
  return [];
}

/** MySQL online DDL: INSTANT where the version has it for this change, else INPLACE without a lock. */
export function mysqlOnline(instant: boolean): string {
  return instant ? "ALGORITHM=INSTANT" : "ALGORITHM=INPLACE, LOCK=NONE";
}

/** How the framework names an index it generates: Prisma `users_email_idx` / `users_email_key`, else Rails' `index_users_on_email`. */
export type IndexNaming = "prisma" | "rails";

export function indexName(table: string, columns: string[], unique: boolean, naming: IndexNaming = "rails"): string {
  if (naming === "prisma") return `${table}_${columns.join("_")}_${unique ? "key" : "idx"}`.slice(0, 63);
  return `index_${table}_on_${columns.join("_and_")}${unique ? "_unique" : ""}`.slice(0, 63);
}

/** A new index's name that none of the known ones uses: a name already taken would make the build fail or, worse, its rollback drop the other index. */
export function freeIndexName(table: string, columns: string[], unique: boolean, taken: (string | null)[], naming: IndexNaming = "rails"): string {
  const used = new Set(taken.filter((n): n is string => n !== null).map((n) => n.toLowerCase()));
  const base = indexName(table, columns, unique, naming);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 63 - `_${n}`.length)}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

export interface IndexSql {
  up: string[];
  down: string[];
  noTransaction: boolean;
}

/**
 * Postgres builds it CONCURRENTLY (own migration, no transaction); MySQL online; SQLite and others plainly. No
 * IF NOT EXISTS: if the name were taken the build would silently do nothing and the down would drop the other index.
 */
export function createIndex(dialect: Dialect, table: string, columns: string[], unique: boolean, name = indexName(table, columns, unique), shape: IndexShape | null = null): IndexSql {
  const kind = unique ? "UNIQUE INDEX" : "INDEX";
  const cols = columns.join(", ");
  switch (dialect) {
    case "postgres":
      return {
        up: [`CREATE ${kind} CONCURRENTLY ${name} ON ${table}${indexTail(columns, shape)};`],
        down: [`DROP INDEX CONCURRENTLY IF EXISTS ${name};`],
        noTransaction: true,
      };
    case "mysql":
      return {
        up: [`ALTER TABLE ${table} ADD ${kind} ${name} (${cols}), ${mysqlOnline(false)};`],
        down: [`ALTER TABLE ${table} DROP INDEX ${name}, ${mysqlOnline(false)};`],
        noTransaction: false,
      };
    default:
      return {
        // SQLite keeps a partial index's condition; the method and operator class are Postgres's own.
        up: [`CREATE ${kind} ${name} ON ${table}${indexTail(columns, shape && { using: null, opclass: null, where: shape.where })};`],
        down: [`DROP INDEX IF EXISTS ${name};`],
        noTransaction: false,
      };
  }
}

export function dropIndex(dialect: Dialect, table: string, name: string): string {
  if (dialect === "postgres") return `DROP INDEX CONCURRENTLY IF EXISTS ${name};`;
  if (dialect === "mysql") return `ALTER TABLE ${table} DROP INDEX ${name}, ${mysqlOnline(false)};`;
  return `DROP INDEX IF EXISTS ${name};`;
}

/** One batch of a backfill; run repeatedly until it changes no row, so it is idempotent and never holds locks long. */
export function batchedUpdate(dialect: Dialect, table: string, set: string, where: string): string {
  if (dialect === "mysql") {
    return `UPDATE ${table} SET ${set} WHERE ${where} LIMIT ${BATCH_SIZE};`;
  }
  return `UPDATE ${table} SET ${set} WHERE id IN (SELECT id FROM ${table} WHERE ${where} LIMIT ${BATCH_SIZE});`;
}

/** SQL that shows how big the table is, since the repo cannot say. */
export function tableSizeSql(dialect: Dialect, table: string): string {
  switch (dialect) {
    case "postgres":
      return `SELECT reltuples::bigint AS estimated_rows, pg_size_pretty(pg_total_relation_size(oid)) AS total_size\nFROM pg_class WHERE relname = '${table}' AND relkind IN ('r', 'p');`;
    case "mysql":
      return `SELECT table_rows, ROUND((data_length + index_length) / 1024 / 1024) AS size_mb\nFROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '${table}';`;
    default:
      return `SELECT count(*) FROM ${table};`;
  }
}
