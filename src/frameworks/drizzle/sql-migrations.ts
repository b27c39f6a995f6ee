/**
 * Drizzle's SQL migrations: `<out>/<NNNN>_<name>.sql` (or `<out>/<timestamp>_<name>/migration.sql`), statements
 * separated by `--> statement-breakpoint` (an SQL comment, so the dialect's parser steps over it). drizzle-kit
 * migrate applies the pending ones inside one transaction and has no way down. (The Drizzle schema and its
 * snapshots are read by this folder's reader; this is its migrations half.)
 */
import { posix } from "node:path";
import type { MigrationsRead, ReadContext } from "../reader.js";
import { leadingVersion, readEach, readSqlOps } from "../sql-file.js";

export function readDrizzleMigrations(paths: string[], context: ReadContext): Promise<MigrationsRead> {
  return readEach(paths.filter((p) => p.endsWith(".sql")), async (path, unreadable) => ({
    path,
    framework: "drizzle",
    version: leadingVersion(posix.basename(path) === "migration.sql" ? posix.dirname(path) : path),
    transaction: "wrapped",
    up: await readSqlOps(await context.readText(path), context.dialect, path, unreadable),
    down: null,
  }));
}
