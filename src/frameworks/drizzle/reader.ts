/**
 * Drizzle: the current schema from drizzle-kit's newest snapshot JSON where the repo keeps one (it is
 * what the SQL migrations build), else from the TypeScript schema files. Where both are given, each
 * column on which the TypeScript schema says otherwise than the snapshot is reported as a disagreement
 * (a change not yet generated). Its SQL migrations are read by the SQL reader (sql-migrations.ts).
 */
import type { Schema, Unreadable } from "../../model/schema.js";
import { languageOfPath, withTree } from "../../parse/tree-sitter.js";
import type { FrameworkReader, ModelMapping, ReadContext } from "../reader.js";
import { readEnums, readTables } from "./schema-file.js";
import type { DrizzleTable, Enums } from "./table.js";
import { readSnapshotJson } from "./snapshot-json.js";
import { readDrizzleMigrations } from "./sql-migrations.js";
import { tablesAsSchema } from "./to-schema.js";

async function readSchemaFiles(paths: string[], context: ReadContext, unreadable: Unreadable[]): Promise<{ tables: DrizzleTable[]; enums: Enums }> {
  const files: { path: string; text: string }[] = [];
  const enums: Enums = new Map();
  for (const path of paths) {
    const language = languageOfPath(path);
    if (!language) continue;
    try {
      const text = await context.readText(path);
      files.push({ path, text });
      for (const [k, v] of await withTree(language, text, readEnums)) enums.set(k, v);
    } catch (error) {
      unreadable.push({ path, message: (error as Error).message });
    }
  }
  const tables: DrizzleTable[] = [];
  for (const { path, text } of files) tables.push(...(await withTree(languageOfPath(path)!, text, (root) => readTables(root, path, enums))));
  return { tables, enums };
}

export const drizzleReader: FrameworkReader = {
  readMigrations: readDrizzleMigrations,
  async readSnapshot(paths, context) {
    const unreadable: Unreadable[] = [];
    const snapshots = paths.filter((p) => p.endsWith(".json") && p.slice(p.lastIndexOf("/") + 1).includes("snapshot")).sort();
    const { tables, enums } = await readSchemaFiles(paths.filter((p) => !p.endsWith(".json")), context, unreadable);
    const fromCode = tables.length ? tablesAsSchema(tables, enums, context.dialect, unreadable) : null;
    const newest = snapshots.at(-1);
    if (!newest) return fromCode ? { schema: fromCode, unreadable } : null;
    let schema: Schema;
    try {
      schema = readSnapshotJson(await context.readText(newest), newest);
    } catch (error) {
      unreadable.push({ path: newest, message: (error as Error).message });
      return fromCode ? { schema: fromCode, unreadable } : null;
    }
    if (fromCode) compare(schema, fromCode);
    return { schema, unreadable };
  },
  async readModels(paths, context): Promise<ModelMapping[]> {
    const { tables } = await readSchemaFiles(paths, context, []);
    return tables.map((t) => ({ model: t.variable, table: t.name, fields: t.fields, source: { path: t.path, line: t.line } }));
  },
};

/** Facts the TypeScript schema states otherwise than the snapshot: reported on the snapshot, never chosen silently. */
function compare(snapshot: Schema, code: Schema): void {
  for (const [key, codeTable] of code.tables) {
    const table = snapshot.tables.get(key);
    if (!table) {
      snapshot.disagreements.push({ table: codeTable.name, what: "the schema code declares this table; the snapshot has none", replayed: codeTable.source, snapshot: codeTable.source });
      continue;
    }
    for (const column of codeTable.columns) {
      const other = table.columns.find((c) => c.name === column.name);
      if (!other) {
        snapshot.disagreements.push({ table: table.name, column: column.name, what: "the schema code declares this column; the snapshot has none", replayed: table.source, snapshot: column.source });
        continue;
      }
      if (column.nullable && other.nullable && column.nullable.value !== other.nullable.value) {
        snapshot.disagreements.push({ table: table.name, column: column.name, what: `nullable: ${other.nullable.value} in the snapshot, ${column.nullable.value} in the schema code`, replayed: other.nullable.source, snapshot: column.nullable.source });
      }
      if (column.type && other.type && column.type.value !== other.type.value) {
        snapshot.disagreements.push({ table: table.name, column: column.name, what: `type: ${other.type.value} in the snapshot, ${column.type.value} in the schema code`, replayed: other.type.source, snapshot: column.type.source });
      }
    }
  }
}
