/**
 * The last clue to the engine: the database driver the app depends on (`gem "pg"`, `"mysql2"` in package.json,
 * `psycopg2` in requirements.txt, `github.com/jackc/pgx` in go.mod). Config and docker-compose say more
 * (a version), so these count only when nothing else speaks.
 */
import type { DatabaseEngine } from "../types.js";

interface DriverManifest {
  file: RegExp;
  /** The first group is the driver's name, turned into an engine by DRIVERS. */
  line: RegExp;
}

export const DRIVER_MANIFESTS: DriverManifest[] = [
  { file: /(^|\/)Gemfile$/, line: /^\s*gem\s+["'](pg|mysql2|trilogy|sqlite3|activerecord-sqlserver-adapter)["']/ },
  { file: /(^|\/)package\.json$/, line: /^\s*"(pg|postgres|mysql2?|mariadb|better-sqlite3|sqlite3|@libsql\/client|tedious|oracledb)"\s*:/ },
  { file: /(^|\/)(requirements[\w.-]*\.txt|pyproject\.toml|Pipfile|setup\.cfg)$/, line: /^\s*["']?(psycopg2?(?:-binary)?|psycopg\[?|asyncpg|mysqlclient|pymysql|mysql-connector-python|aiosqlite|pyodbc|cx[-_]oracle|oracledb)\b/i },
  { file: /(^|\/)go\.mod$/, line: /^\s*(?:require\s+)?(github\.com\/(?:lib\/pq|jackc\/pgx)|github\.com\/go-sql-driver\/mysql|github\.com\/mattn\/go-sqlite3|modernc\.org\/sqlite|github\.com\/denisenkom\/go-mssqldb|github\.com\/microsoft\/go-mssqldb)\b/ },
  { file: /(^|\/)mix\.exs$/, line: /\{:(postgrex|myxql|ecto_sqlite3|tds)\b/ },
  { file: /(^|\/)composer\.json$/, line: /^\s*"(ext-pgsql|ext-pdo_pgsql|ext-mysqli|ext-pdo_mysql|ext-pdo_sqlite)"\s*:/ },
];

const DRIVERS: [RegExp, DatabaseEngine][] = [
  [/^(pg|postgres|psycopg|asyncpg|postgrex)|lib\/pq|jackc\/pgx|pgsql/i, "postgres"],
  [/^mariadb$/i, "mariadb"],
  [/mysql|trilogy|myxql/i, "mysql"],
  [/sqlite|libsql/i, "sqlite"],
  [/sqlserver|tedious|mssql|pyodbc|^tds$/i, "sqlserver"],
  [/oracle/i, "oracle"],
];

export function engineOfDriver(name: string): DatabaseEngine {
  return DRIVERS.find(([pattern]) => pattern.test(name))?.[1] ?? "unknown";
}
