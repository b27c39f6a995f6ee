/**
 * What the SQL-file frameworks (golang-migrate, goose, dbmate, Flyway, Prisma, Drizzle, sqlx, diesel) share:
 * reading a migration's SQL with the dialect's parser, and the parts of one file that belong up or down.
 */
import { posix } from "node:path";
import type { Migration, Operation } from "../model/operations.js";
import type { SqlDialect, Unreadable } from "../model/schema.js";
import { readSqlText } from "../sql/read.js";
import type { MigrationsRead, ReadContext } from "./reader.js";

/** One file's SQL as operations; its unreadable statements are added to `unreadable`. */
export async function readSqlOps(text: string, dialect: SqlDialect | null, path: string, unreadable: Unreadable[]): Promise<Operation[]> {
  const read = await readSqlText(text, dialect, { path, line: 1 });
  unreadable.push(...read.unreadable);
  return read.operations;
}

/**
 * The lines of `text` that `keep` selects, every other line blanked, so a parser reading the result cites
 * the file's own line numbers (goose's and dbmate's up and down sections share one file).
 */
export function onlyLines(text: string, keep: (index: number) => boolean): string {
  return text
    .split("\n")
    .map((line, i) => (keep(i) ? line : ""))
    .join("\n");
}

/** A file the context cannot give (a down file that is not there): null, never an error. */
export async function readIfThere(context: ReadContext, path: string): Promise<string | null> {
  try {
    return await context.readText(path);
  } catch {
    return null;
  }
}

/** The leading number of a migration's file or folder name (`000003_x.up.sql`, `20240105100000_init/`). */
export function leadingVersion(path: string): string | null {
  return /^(\d+)/.exec(posix.basename(path))?.[1] ?? null;
}

/**
 * How a runner that sends a file's SQL in one call runs it: PostgreSQL runs a multi-statement query as one
 * implicit transaction; MySQL commits each DDL statement on its own. With the dialect unknown it says
 * `wrapped`, the reading under which a rule still flags what cannot run inside a transaction
 * (CREATE INDEX CONCURRENTLY), since Migration has no "unknown" transaction mode.
 */
export function oneCallTransaction(dialect: SqlDialect | null): Migration["transaction"] {
  return dialect === "mysql" ? "none" : "wrapped";
}

/** Reads each path with `readOne`, oldest first as given, collecting what could not be read. */
export async function readEach(paths: string[], readOne: (path: string, unreadable: Unreadable[]) => Promise<Migration | null>): Promise<MigrationsRead> {
  const migrations: Migration[] = [];
  const unreadable: Unreadable[] = [];
  for (const path of paths) {
    try {
      const migration = await readOne(path, unreadable);
      if (migration) migrations.push(migration);
    } catch (error) {
      unreadable.push({ path, message: `could not read the file: ${(error as Error).message}` });
    }
  }
  return { migrations, unreadable };
}
