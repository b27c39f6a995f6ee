/**
 * Laravel: migrations (`database/migrations/*.php`, oldest timestamp first), the schema dump
 * (`database/schema/<connection>-schema.sql`, `php artisan schema:dump`) through the SQL reader, and Eloquent
 * models' tables.
 */
import type { Migration } from "../../model/operations.js";
import type { Unreadable } from "../../model/schema.js";
import { readSqlSnapshot } from "../../sql/snapshot.js";
import type { FrameworkReader, MigrationsRead, ReadContext } from "../reader.js";
import { readMigrationFile } from "./migration-file.js";
import { readModelFiles } from "./models.js";

async function readMigrations(paths: string[], context: ReadContext): Promise<MigrationsRead> {
  const unreadable: Unreadable[] = [];
  const migrations: Migration[] = [];
  const files = paths.filter((p) => p.endsWith(".php"));
  for (const path of files.sort((a, b) => (a.split("/").pop()! < b.split("/").pop()! ? -1 : 1))) {
    try {
      const migration = await readMigrationFile(path, await context.readText(path), context.dialect, unreadable);
      if (migration) migrations.push(migration);
    } catch (error) {
      unreadable.push({ path, message: `could not be read: ${(error as Error).message}` });
    }
  }
  return { migrations, unreadable };
}

export const laravelReader: FrameworkReader = {
  readMigrations,
  readSnapshot: (paths, context) => readSqlSnapshot(paths.filter((p) => p.endsWith(".sql")), context),
  readModels: async (paths, context) => readModelFiles(await Promise.all(paths.map(async (path) => ({ path, text: await context.readText(path) })))),
};
