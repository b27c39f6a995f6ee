/**
 * Operations (model.md): what one migration does, typed. Readers (SQL, framework code) produce them,
 * replay applies them to a Schema, renderers write them as SQL or framework code, the rules and the
 * proof read them. Nothing downstream re-reads text.
 */
import type { DefaultValue, ReferentialAction, Source } from "./schema.js";

/** A column as an operation states it: plain values; `null` type or nullability is unknown, and a renderer shows it. */
export interface ColumnSpec {
  name: string;
  type: string | null;
  nullable: boolean | null;
  /** Absent: the operation does not say (no default on a new column); null: explicitly none. */
  default?: DefaultValue | null;
  generated?: { expression: string; stored: boolean };
  identity?: "always" | "by_default" | "auto_increment";
  primaryKey?: boolean;
  unique?: boolean;
  /** An inline REFERENCES clause (MySQL ignores it: rule 34). */
  references?: { table: string; columns: string[]; onDelete: ReferentialAction | null; onUpdate: ReferentialAction | null };
  check?: string;
  /** Where this column is stated, when it is not the operation's own line (a column inside a multi-line create_table). */
  source?: Source;
}

export interface IndexSpec {
  name: string | null;
  table: string;
  keys: { column?: string; expression?: string; columns: string[]; opclass?: string; descending?: boolean; length?: number }[];
  unique: boolean;
  method: string | null;
  where: string | null;
  whereColumns: string[];
  include: string[];
}

/** `source`: where the constraint is declared when that is not the operation's own line (`t.check_constraint`). */
export type ConstraintSpec = { source?: Source } & (
  | { kind: "primary_key"; name: string | null; columns: string[] }
  | { kind: "unique"; name: string | null; columns: string[] }
  | { kind: "check"; name: string | null; expression: string; columns: string[] }
  | {
      kind: "foreign_key";
      name: string | null;
      columns: string[];
      refTable: string;
      refColumns: string[];
      onDelete: ReferentialAction | null;
      onUpdate: ReferentialAction | null;
    }
  | { kind: "exclude"; name: string | null; sql: string }
);

/** MySQL's online DDL clauses, as the statement gives them. */
export interface MysqlClauses {
  algorithm?: string;
  lock?: string;
}

interface Base {
  source: Source;
  /** The framework call or SQL keyword it came from (`add_index`, `migrations.AddField`, `ALTER TABLE`). */
  call?: string;
}

export type Operation = Base &
  (
    | { kind: "create_table"; table: string; schema?: string | null; columns: ColumnSpec[]; constraints: ConstraintSpec[]; ifNotExists?: boolean }
    | { kind: "drop_table"; table: string; ifExists?: boolean; cascade?: boolean }
    | { kind: "rename_table"; table: string; to: string }
    | { kind: "add_column"; table: string; column: ColumnSpec; ifNotExists?: boolean; mysql?: MysqlClauses }
    | { kind: "drop_column"; table: string; column: string; ifExists?: boolean; cascade?: boolean }
    | { kind: "rename_column"; table: string; column: string; to: string }
    /** A type change; `using` is PostgreSQL's conversion expression. */
    | { kind: "change_type"; table: string; column: string; type: string; using?: string | null; mysql?: MysqlClauses }
    /** MySQL MODIFY/CHANGE and SQLite rebuilds: the column's whole definition is replaced (and renamed when `to` is set). */
    | { kind: "redefine_column"; table: string; column: string; spec: ColumnSpec; to?: string; mysql?: MysqlClauses }
    | { kind: "set_nullable"; table: string; column: string; nullable: boolean }
    | { kind: "set_default"; table: string; column: string; default: DefaultValue | null }
    | { kind: "create_index"; index: IndexSpec; concurrently: boolean; ifNotExists?: boolean; mysql?: MysqlClauses }
    /** `columns`: the source names the index by its columns (`remove_index :users, :email`); replay drops the index on them when none has `name`. */
    | { kind: "drop_index"; name: string; table: string | null; concurrently: boolean; ifExists?: boolean; columns?: string[] }
    | { kind: "rename_index"; name: string; to: string; table: string | null }
    /** `notValid`: PostgreSQL's NOT VALID (or a framework's `validate: false`); `usingIndex`: ADD … USING INDEX. */
    | { kind: "add_constraint"; table: string; constraint: ConstraintSpec; notValid: boolean; usingIndex?: string }
    | { kind: "validate_constraint"; table: string; name: string }
    | { kind: "drop_constraint"; table: string; name: string; ifExists?: boolean }
    | { kind: "rename_constraint"; table: string; name: string; to: string }
    | { kind: "create_enum"; name: string; values: string[] }
    | { kind: "add_enum_value"; name: string; value: string; before?: string; after?: string }
    | { kind: "rename_enum_value"; name: string; from: string; to: string }
    | { kind: "drop_enum"; name: string }
    /** A data change. `limit` marks one batch of a batched update. */
    | { kind: "update"; table: string; set: { column: string; sql: string }[]; where: string | null; limit?: number | null }
    | { kind: "delete"; table: string; where: string | null }
    /** REINDEX, VACUUM FULL, CLUSTER, TRUNCATE: maintenance that locks or empties a table. */
    | { kind: "maintenance"; action: "reindex" | "vacuum_full" | "cluster" | "truncate"; table: string | null; concurrently?: boolean; cascade?: boolean }
    /** SET lock_timeout / statement_timeout, PRAGMA foreign_keys …: `local` when it lasts only for the transaction. */
    | { kind: "setting"; name: string; value: string; local: boolean }
    | { kind: "transaction"; action: "begin" | "commit" | "rollback" }
    /** SQL or a call the readers could not type; the rules treat it as unknown, never as safe. */
    | { kind: "raw"; sql: string; reason: string }
  );

export type OperationKind = Operation["kind"];

/** How a migration file runs. */
export interface Migration {
  path: string;
  /** The framework id (`rails`, `django`, …) or `sql` for a plain SQL file. */
  framework: string;
  /** The framework's ordering key (timestamp, version number, revision); null when the file gives none. */
  version: string | null;
  /** `wrapped`: the runner opens a transaction around it; `none`: each statement commits on its own. */
  transaction: "wrapped" | "none";
  /** Where the file opts out of the runner's transaction (`disable_ddl_transaction!`, `atomic = False`, …). */
  optOut?: Source;
  /** Conditions the runner checks before running it, as the file states them (Liquibase `dbms`, preconditions); absent when none. */
  conditions?: string[];
  up: Operation[];
  /** Null when the file has no way down (or says it is irreversible). */
  down: Operation[] | null;
}
