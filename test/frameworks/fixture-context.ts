import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fg from "fast-glob";
import type { ReadContext } from "../../src/frameworks/reader.js";
import { replayMigrations } from "../../src/model/replay.js";
import { emptySchema, findColumn, findTable, type Column, type Schema, type SqlDialect, type Table } from "../../src/model/schema.js";
import type { Migration } from "../../src/model/operations.js";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "frameworks");

/** A read context over a folder on disk (a fixture app or a corpus app), paths relative to it. */
export function folderContext(root: string, dialect: SqlDialect | null): ReadContext {
  return { dialect, readText: (path) => readFile(join(root, path), "utf8") };
}

/** Repo-relative paths under `root` matching the globs, sorted. */
export async function globIn(root: string, ...patterns: string[]): Promise<string[]> {
  return (await fg(patterns, { cwd: root, ignore: ["**/node_modules/**"] })).sort();
}

export function replayed(migrations: Migration[], dialect: SqlDialect | null): Schema {
  return replayMigrations(emptySchema(dialect), migrations);
}

export function table(schema: Schema, name: string): Table {
  const found = findTable(schema, name);
  if (!found) throw new Error(`no table ${name}; tables: ${[...schema.tables.keys()].join(", ")}`);
  return found;
}

export function column(schema: Schema, tableName: string, name: string): Column {
  const found = findColumn(table(schema, tableName), name);
  if (!found) throw new Error(`no column ${tableName}.${name}; columns: ${table(schema, tableName).columns.map((c) => c.name).join(", ")}`);
  return found;
}

/** A column's facts as plain values, for compact assertions. */
export function facts(column: Column) {
  return { type: column.type?.value ?? null, nullable: column.nullable?.value ?? null, default: column.default?.value };
}
