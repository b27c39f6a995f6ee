import type { Disagreement, ForeignKey, SqlDialect, Table, Unreadable } from "../model/schema.js";

/**
 * The survey's JSON: what the program finds in a repo without a model (survey.md).
 * Every fact that comes from a file carries a citation `{ path, line }`, path relative to the repo root.
 */

export interface Cite {
  path: string;
  line?: number;
  endLine?: number;
  /** The line's text, trimmed, when it helps a reader (a reference, a declaration). */
  text?: string;
}

export type Operation =
  | "rename_column"
  | "drop_column"
  | "add_column"
  | "change_type"
  | "add_index"
  | "add_not_null"
  | "add_unique"
  | "add_foreign_key"
  | "add_check"
  | "rename_table"
  | "drop_table"
  | "split_table"
  | "merge_tables"
  | "backfill"
  | "upgrade"
  | "unknown";

export interface ParsedTask {
  text: string;
  operation: Operation;
  /** Database table name as written or inferred (`users`), or null. Model names are mapped in `table.model`. */
  table: string | null;
  /** The model/class name when the task used one (`User.email` → `User`). */
  model: string | null;
  column: string | null;
  /** Further columns (a multi-column index, merge targets). */
  columns: string[];
  /** New column or table name for a rename; null when none was given. */
  newName: string | null;
  /** True when the task gave no new name and the survey proposes one. */
  newNameProposed: boolean;
  newType: string | null;
  default: string | null;
  /** Foreign-key target, `orgs.id`. */
  references: { table: string; column: string | null } | null;
  /** Second table for split/merge. */
  otherTable: string | null;
  flags: { concurrently: boolean; notNull: boolean; unique: boolean };
  /** For upgrades: what and to which version (`rails`, `8.0`). */
  upgrade: { target: string; from: string | null; to: string | null } | null;
  /** What could not be parsed, said in the plan; null when everything was understood. */
  unparsed: string | null;
}

export type FrameworkId =
  | "rails" | "django" | "alembic" | "prisma" | "drizzle" | "knex" | "typeorm" | "sequelize"
  | "node-pg-migrate" | "laravel" | "ecto" | "golang-migrate" | "goose" | "dbmate" | "flyway"
  | "liquibase" | "efcore" | "diesel" | "sqlx";

export interface FrameworkInfo {
  id: FrameworkId;
  /** Human name: "Rails (ActiveRecord)". */
  name: string;
  /** The signals that identified it. */
  evidence: Cite[];
  /** Migration folders, relative to the root, e.g. `db/migrate`. */
  migrationsDirs: string[];
  /** Schema snapshot files (`db/schema.rb`, `prisma/schema.prisma`), if any. */
  schemaFiles: string[];
  /** Migration files, oldest to newest (by the framework's ordering). */
  migrations: string[];
  latestMigration: string | null;
  /** Alembic: the latest migration's `revision`, which a new one names as its `down_revision`; absent elsewhere. */
  latestRevision?: string;
  /** How a new migration is named: a description, and a path for this task (e.g. `db/migrate/20261128120000_rename_email.rb`). */
  newMigration: { convention: string; example: string };
  commands: { run: string; rollback: string; generate?: string };
  /** Where each migrations folder needs its own commands (Ecto's repos: `-r App.IngestRepo`); absent when one set serves all. */
  folderCommands?: { dir: string; commands: { run: string; rollback: string; generate?: string } }[];
  /** How the runner wraps migrations in transactions, and how to opt out (for CONCURRENTLY). */
  transaction: { wrapped: boolean; optOut: string };
  /** Safety gems/libraries seen (strong_migrations, online_migrations, django-pg-zero-downtime-migrations). */
  safetyTools: string[];
}

export type DatabaseEngine = "postgres" | "mysql" | "mariadb" | "sqlite" | "sqlserver" | "oracle" | "unknown";

export interface DatabaseInfo {
  engine: DatabaseEngine;
  /** Major or major.minor when the repo says it (docker image tag, config), else null. */
  version: string | null;
  evidence: Cite[];
}

export interface IndexInfo {
  name: string | null;
  columns: string[];
  unique: boolean;
  where: Cite;
}

export interface ForeignKeyInfo {
  column: string;
  toTable: string;
  toColumn: string | null;
  where: Cite;
}

export interface ColumnInfo {
  table: string;
  column: string;
  /** The names code uses for it: mapped names (`@map`, `db_column`), camelCase, accessors… */
  codeNames: string[];
  type: string | null;
  nullable: boolean | null;
  default: string | null;
  /** Where it is declared: schema snapshot, model, CREATE TABLE, changelog. */
  declarations: Cite[];
  indexes: IndexInfo[];
  foreignKeys: ForeignKeyInfo[];
  /** CHECK / UNIQUE constraints and the like, as cited lines. */
  constraints: Cite[];
}

export interface TableInfo {
  table: string;
  /** Model/entity class names that map to it, with where they are declared. */
  models: { name: string; where: Cite }[];
  declarations: Cite[];
  /** Database names of the table's columns: from the schema snapshot, else the migration that created the table, else the model. */
  columns: string[];
}

/** `views` are templates; `controllers` are request handlers: controllers, routes, API endpoints, Django's views.py. */
export type ReferenceArea =
  | "models" | "queries" | "serializers" | "views" | "controllers" | "jobs" | "frontend" | "fixtures" | "config" | "other";

export interface Reference extends Cite {
  area: ReferenceArea;
  /** The name that matched (`email`, `emailAddress`, `getEmail`). */
  name: string;
}

export interface References {
  /** Uses that are clearly of this table's column, outside migrations and tests. */
  code: Reference[];
  /** The same, in test files. */
  tests: Reference[];
  /** The name used on another table, or where the code does not make clear which table. */
  sameNameOrUnclear: Reference[];
  /** Counts before any cutting (the plan lists all; the model's message is cut). */
  counts: { code: number; tests: number; sameNameOrUnclear: number; files: number };
}

export interface Survey {
  root: string;
  task: ParsedTask;
  frameworks: FrameworkInfo[];
  database: DatabaseInfo;
  table: TableInfo | null;
  column: ColumnInfo | null;
  /** Migrations that created or changed the table/column, oldest to newest. */
  history: Cite[];
  references: References;
  /** What the survey could not see or decide, said plainly (table size, other services…). */
  notes: string[];
  /** Files listed, for the record. */
  fileCount: number;
  durationMs: number;
  /**
   * The schema model's view of the task's table (model.md): its facts with their sources, the tables whose foreign
   * keys point at it (the proof builds them too), and what the readers could not read or found in disagreement.
   * Null until the survey reads the model.
   */
  model: SurveyModel | null;
}

export interface SurveyModel {
  dialect: SqlDialect | null;
  table: Table | null;
  /** Tables with a foreign key to `table`, each with that key. */
  referencing: { table: Table; foreignKey: ForeignKey }[];
  disagreements: Disagreement[];
  unreadable: Unreadable[];
}
