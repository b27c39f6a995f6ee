/**
 * Prisma's SQL migrations: `migrations/<timestamp>_<name>/migration.sql`, applied in folder-name order with no
 * way down. `prisma migrate deploy` sends each script in one call and has no per-migration transaction
 * switch: on PostgreSQL that call is one implicit transaction; on MySQL each DDL statement commits.
 * (The Prisma schema file is read by this folder's reader; this is its migrations half.)
 */
import { posix } from "node:path";
import type { MigrationsRead, ReadContext } from "../reader.js";
import { oneCallTransaction, readEach, readSqlOps } from "../sql-file.js";

export function readPrismaMigrations(paths: string[], context: ReadContext): Promise<MigrationsRead> {
  const scripts = paths.filter((p) => posix.basename(p) === "migration.sql");
  return readEach(scripts, async (path, unreadable) => ({
    path,
    framework: "prisma",
    version: posix.basename(posix.dirname(path)),
    transaction: oneCallTransaction(context.dialect),
    up: await readSqlOps(await context.readText(path), context.dialect, path, unreadable),
    down: null,
  }));
}

