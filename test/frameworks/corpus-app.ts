/**
 * Real-app corpus checks (test/corpus/README.md): run only when MIGRATION_AGENT_CORPUS points at the
 * corpus; an app whose tree is absent is skipped, one at another commit than the pinned one is refused.
 * Expected facts are what was read by hand in the app's files at that commit.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import apps from "../corpus/apps.json" with { type: "json" };
import type { Column, Schema, Table } from "../../src/model/schema.js";
import { findColumn, findTable } from "../../src/model/schema.js";

export function corpusApp(name: string): string | null {
  const folder = process.env.MIGRATION_AGENT_CORPUS;
  if (!folder) return null;
  const root = join(folder, name);
  if (!existsSync(root)) return null;
  const pinned = apps.apps.find((app) => app.name === name)?.commit;
  const commit = readFileSync(join(folder, `${name}.commit`), "utf8").trim();
  if (commit !== pinned) throw new Error(`${name} is at ${commit}, not the pinned ${pinned}: its expected facts would not hold`);
  return root;
}

/** `[table, column, type, nullable, default]`: null type/nullable means the reader must say unknown. */
export type ColumnFact = [table: string, column: string, type: string | null, nullable: boolean | null, defaultValue?: unknown];

export function checkColumn(schema: Schema, [tableName, columnName, type, nullable, defaultValue]: ColumnFact): void {
  const table = findTable(schema, tableName);
  if (!table) throw new Error(`no table ${tableName}`);
  const column: Column | undefined = findColumn(table, columnName);
  if (!column) throw new Error(`no column ${tableName}.${columnName} (has ${table.columns.map((c) => c.name).join(", ")})`);
  const actual = { type: column.type?.value ?? null, nullable: column.nullable?.value ?? null, ...(defaultValue === undefined ? {} : { default: column.default?.value }) };
  const expected = { type, nullable, ...(defaultValue === undefined ? {} : { default: defaultValue }) };
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${tableName}.${columnName}: read ${JSON.stringify(actual)}, the files say ${JSON.stringify(expected)}`);
}

export function tableOf(schema: Schema, name: string): Table {
  const table = findTable(schema, name);
  if (!table) throw new Error(`no table ${name} (has ${[...schema.tables.keys()].join(", ")})`);
  return table;
}

export const lit = (value: string | number | boolean | null) => ({ kind: "literal", value });
export const expr = (sql: string) => ({ kind: "expression", sql });
