import type { Dialect } from "./context.js";

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
  return known ? (known[dialect] ?? known.default) : type;
}

export function lockTimeout(dialect: Dialect): string[] {
  if (dialect === "postgres") return [`SET lock_timeout = '${LOCK_TIMEOUT}';`];
  if (dialect === "mysql") return [`SET SESSION lock_wait_timeout = ${parseInt(LOCK_TIMEOUT, 10)};`];
  return [];
}

/** MySQL online DDL: INSTANT where the version has it for this change, else INPLACE without a lock. */
export function mysqlOnline(instant: boolean): string {
  return instant ? "ALGORITHM=INSTANT" : "ALGORITHM=INPLACE, LOCK=NONE";
}

export function indexName(table: string, columns: string[], unique: boolean): string {
  return `index_${table}_on_${columns.join("_and_")}${unique ? "_unique" : ""}`.slice(0, 63);
}

export interface IndexSql {
  up: string[];
  down: string[];
  noTransaction: boolean;
}

/** Postgres builds it CONCURRENTLY (own migration, no transaction); MySQL online; SQLite and others plainly. */
export function createIndex(dialect: Dialect, table: string, columns: string[], unique: boolean, name = indexName(table, columns, unique)): IndexSql {
  const kind = unique ? "UNIQUE INDEX" : "INDEX";
  const cols = columns.join(", ");
  switch (dialect) {
    case "postgres":
      return {
        up: [`CREATE ${kind} CONCURRENTLY IF NOT EXISTS ${name} ON ${table} (${cols});`],
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
        up: [`CREATE ${kind} IF NOT EXISTS ${name} ON ${table} (${cols});`],
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
      return `SELECT reltuples::bigint AS estimated_rows, pg_size_pretty(pg_total_relation_size('${table}')) AS total_size\nFROM pg_class WHERE relname = '${table}';`;
    case "mysql":
      return `SELECT table_rows, ROUND((data_length + index_length) / 1024 / 1024) AS size_mb\nFROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '${table}';`;
    default:
      return `SELECT count(*) FROM ${table};`;
  }
}
