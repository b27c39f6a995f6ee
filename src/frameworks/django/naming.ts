/**
 * The names Django gives (django/db/backends/base/schema.py): a model's table `<app_label>_<model>` unless
 * `db_table` says otherwise; indexes and constraints `<table>_<columns>_<md5[0,8]><suffix>`, shortened to the
 * database's identifier length as `_create_index_name` does; foreign keys `…_fk_<to_table>_<to_column>`.
 */
import { createHash } from "node:crypto";
import type { SqlDialect } from "../../model/schema.js";
import { postgresObjectName } from "../postgres-names.js";

/** A model `Order` in app `order` is table `order_order`. */
export function tableOfModel(appLabel: string, modelName: string): string {
  return `${appLabel}_${modelName}`.toLowerCase();
}

function namesDigest(args: string[], length: number): string {
  const hash = createHash("md5");
  for (const arg of args) hash.update(arg);
  return hash.digest("hex").slice(0, length);
}

/** `connection.ops.max_name_length()`: PostgreSQL 63, MySQL 64, SQLite none (Django then uses 200). */
function maxNameLength(dialect: SqlDialect | null): number {
  return dialect === "postgres" ? 63 : dialect === "mysql" ? 64 : 200;
}

export function djangoIndexName(table: string, columns: string[], suffix: string, dialect: SqlDialect | null): string {
  const bare = table.includes(".") ? table.slice(table.lastIndexOf(".") + 1) : table;
  let hashSuffix = `${namesDigest([bare, ...columns], 8)}${suffix}`;
  const max = maxNameLength(dialect);
  let name = `${bare}_${columns.join("_")}_${hashSuffix}`;
  if (name.length <= max) return name;
  if (hashSuffix.length > max / 3) hashSuffix = hashSuffix.slice(0, Math.floor(max / 3));
  const other = Math.floor((max - hashSuffix.length) / 2) - 1;
  name = `${bare.slice(0, other)}_${columns.join("_").slice(0, other)}_${hashSuffix}`;
  if (name.startsWith("_") || /^\d/.test(name)) name = `D${name.slice(0, -1)}`;
  return name;
}

export function foreignKeyName(table: string, column: string, toTable: string, toColumn: string, dialect: SqlDialect | null): string {
  return djangoIndexName(table, [column], `_fk_${toTable}_${toColumn}`, dialect);
}

/**
 * The name the database gives a column's inline UNIQUE: PostgreSQL `<table>_<column>_key`, MySQL the column's
 * name; SQLite keeps none that a migration can use.
 */
export function inlineUniqueName(table: string, column: string, dialect: SqlDialect | null): string | null {
  if (dialect === "postgres") return postgresObjectName(table, [column], "key");
  if (dialect === "mysql") return column;
  return null;
}

/**
 * The name Django gives a `Meta.indexes` entry written without one (Index.set_name_with_model):
 * `<table[:11]>_<first column[:7]>_<md5[0,6]>_<suffix>`.
 */
export function autoIndexName(table: string, columns: { column: string; descending: boolean }[], suffix: string): string {
  const hash = namesDigest([table, ...columns.map((c) => (c.descending ? `-${c.column}` : c.column)), suffix], 6);
  const name = `${table.slice(0, 11)}_${(columns[0]?.column ?? "").slice(0, 7)}_${hash}_${suffix}`;
  return name.startsWith("_") || /^\d/.test(name) ? `D${name.slice(1)}` : name;
}
