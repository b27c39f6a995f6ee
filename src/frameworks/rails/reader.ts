/**
 * Rails / Active Record: migrations (`db/migrate/*.rb`, oldest version first), the snapshot (`db/schema.rb`,
 * or `db/structure.sql` through the SQL reader) and the models' tables.
 */
import type { Migration } from "../../model/operations.js";
import type { Unreadable } from "../../model/schema.js";
import { readSqlSnapshot } from "../../sql/snapshot.js";
import type { FrameworkReader, MigrationsRead, ReadContext, SnapshotRead } from "../reader.js";
import { readMigrationFile } from "./migration-file.js";
import { readModelFiles } from "./models.js";
import { followRenames } from "./rename-follows.js";
import { readSchemaFile } from "./schema-file.js";

function byVersion(a: Migration, b: Migration): number {
  if (a.version && b.version) return a.version.length - b.version.length || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0);
  return a.path < b.path ? -1 : 1;
}

async function readMigrations(paths: string[], context: ReadContext): Promise<MigrationsRead> {
  const migrations: Migration[] = [];
  const unreadable: Unreadable[] = [];
  for (const path of paths) {
    try {
      const migration = await readMigrationFile(path, await context.readText(path), context.dialect, unreadable);
      if (migration) migrations.push(migration);
    } catch (error) {
      unreadable.push({ path, message: `could not be read: ${(error as Error).message}` });
    }
  }
  migrations.sort(byVersion);
  followRenames(migrations, context.dialect);
  return { migrations, unreadable };
}

async function readSnapshot(paths: string[], context: ReadContext): Promise<SnapshotRead | null> {
  const schemaRb = paths.find((p) => p.endsWith("schema.rb"));
  if (schemaRb) return readSchemaFile(schemaRb, await context.readText(schemaRb), context.dialect);
  const structure = paths.find((p) => p.endsWith("structure.sql"));
  return structure ? readSqlSnapshot([structure], context) : null;
}

async function readModels(paths: string[], context: ReadContext) {
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await context.readText(path) })));
  return readModelFiles(files);
}

export const railsReader: FrameworkReader = { readMigrations, readSnapshot, readModels };
