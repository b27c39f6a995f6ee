/**
 * What every framework's reader offers (model.md, "How it is read"): its migrations as typed operations,
 * and, where the framework keeps one, its current schema snapshot or model classes. One reader per
 * framework, in `src/frameworks/<id>/`.
 */
import type { Migration } from "../model/operations.js";
import type { Schema, SqlDialect, Unreadable } from "../model/schema.js";

export interface ReadContext {
  /** The repo's database dialect where the survey knows it: framework types map to SQL types by it. */
  dialect: SqlDialect | null;
  /** A repo file's text, by repo-relative path; each file is read from disk once per run. */
  readText(path: string): Promise<string>;
}

export interface MigrationsRead {
  /** Oldest first, in the framework's own order. */
  migrations: Migration[];
  /** Files or statements that could not be read or typed: listed, never skipped in silence. */
  unreadable: Unreadable[];
}

/** A model class or entity and the table it maps to, with its fields' code names → column names. */
export interface ModelMapping {
  model: string;
  /** Null where the code maps fields to columns but names no table (a sqlx struct with `db` tags). */
  table: string | null;
  /** Code name → database column name, for every field the reader saw. */
  fields: Record<string, string>;
  source: { path: string; line: number };
}

export interface SnapshotRead {
  schema: Schema;
  unreadable: Unreadable[];
}

export interface FrameworkReader {
  /** Reads the given migration files (repo-relative, as the framework's detection listed them). */
  readMigrations(paths: string[], context: ReadContext): Promise<MigrationsRead>;
  /** The framework's current-state snapshot (schema.rb, schema.prisma, a Drizzle snapshot, models as tables), if it keeps one. */
  readSnapshot?(paths: string[], context: ReadContext): Promise<SnapshotRead | null>;
  /** Model classes and their table and field mappings (`@@map`, `db_table`, `__tablename__`, `@Column({ name })`, …). */
  readModels?(paths: string[], context: ReadContext): Promise<ModelMapping[]>;
}
