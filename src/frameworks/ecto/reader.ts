/**
 * Ecto: migrations (`priv/repo/migrations/*.exs`, oldest version first) with the repo's migration settings
 * from `config/config.exs`, the snapshot `priv/repo/structure.sql` (`mix ecto.dump`) through the SQL reader,
 * and schemas' tables.
 */
import type { Migration } from "../../model/operations.js";
import type { Unreadable } from "../../model/schema.js";
import { readSqlSnapshot } from "../../sql/snapshot.js";
import type { FrameworkReader, MigrationsRead, ReadContext } from "../reader.js";
import { readRepoConfig } from "./config.js";
import { readMigrationFile } from "./migration-file.js";
import { readSchemaFiles } from "./schemas.js";

async function readMigrations(paths: string[], context: ReadContext): Promise<MigrationsRead> {
  const unreadable: Unreadable[] = [];
  const config = await readRepoConfig(context.readText);
  const migrations: Migration[] = [];
  for (const path of paths) {
    try {
      const migration = await readMigrationFile(path, await context.readText(path), context.dialect, config, unreadable);
      if (migration) migrations.push(migration);
    } catch (error) {
      unreadable.push({ path, message: `could not be read: ${(error as Error).message}` });
    }
  }
  migrations.sort((a, b) => (a.version ?? a.path).localeCompare(b.version ?? b.path));
  return { migrations, unreadable };
}

export const ectoReader: FrameworkReader = {
  readMigrations,
  readSnapshot: (paths, context) => readSqlSnapshot(paths.filter((p) => p.endsWith(".sql")), context),
  readModels: async (paths, context) => readSchemaFiles(await Promise.all(paths.map(async (path) => ({ path, text: await context.readText(path) })))),
};
