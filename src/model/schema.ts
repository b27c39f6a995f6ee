/**
 * The schema model (model.md): what the database holds, as the repo's own files establish it.
 * Every fact carries the `path:line` that set it; a fact no parser established is absent, never defaulted.
 */

/** Where a fact or an operation comes from, relative to the repo root. */
export interface Source {
  path: string;
  line: number;
  endLine?: number;
}

/** A value and the place that set it. An absent Fact is an unknown, which a plan must show as unknown. */
export interface Fact<T> {
  value: T;
  source: Source;
}

/** The SQL dialects that get their own readers and renderers. */
export type SqlDialect = "postgres" | "mysql" | "sqlite";

/**
 * A column default. A literal is kept typed so that a renderer can write it for the column's type
 * (`false`, `0`, `''`); anything else is an SQL expression as the database would evaluate it (`now()`).
 */
export type DefaultValue =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "expression"; sql: string };

export interface Column {
  /** The database's name. */
  name: string;
  /** The names code uses for it (`emailAddress`, a mapped field), as far as the readers saw them. */
  codeNames: string[];
  /** The type as the repo's database spells it: `character varying(255)`, `bigint`, `timestamp with time zone`. */
  type?: Fact<string>;
  nullable?: Fact<boolean>;
  /** A Fact whose value is null says "no default", which is known; an absent Fact is unknown. */
  default?: Fact<DefaultValue | null>;
  generated?: Fact<{ expression: string; stored: boolean }>;
  identity?: Fact<"always" | "by_default" | "auto_increment">;
  /** Where the column was declared (its CREATE TABLE line, `t.string`, the model field). */
  source: Source;
}

/** One key of an index: a column, or an expression with the columns it reads. */
export interface IndexKey {
  column?: string;
  /** SQL of an expression key, e.g. `lower(email)`. */
  expression?: string;
  /** The columns the key reads: `[email]` for both `email` and `lower(email)`. */
  columns: string[];
  opclass?: string;
  descending?: boolean;
  /** MySQL's key prefix length: `email(20)` indexes the first 20 characters. */
  length?: number;
}

export interface Index {
  /** Null when the repo leaves the name to the database or the framework. */
  name: string | null;
  table: string;
  keys: IndexKey[];
  unique: boolean;
  /** `btree`, `gin`, `gist`, `hash`, … ; null where the source does not say (the engine's default). */
  method: string | null;
  /** The partial index's predicate, SQL. A column only named here is not indexed by this index. */
  where: string | null;
  /** Columns the predicate reads. */
  whereColumns: string[];
  /** INCLUDE columns. */
  include: string[];
  source: Source;
}

export type ReferentialAction = "cascade" | "restrict" | "no_action" | "set_null" | "set_default";

export interface ForeignKey {
  name: string | null;
  /** The referencing table and its columns. */
  table: string;
  columns: string[];
  refTable: string;
  /** Empty when the source leaves them to the referenced table's primary key. */
  refColumns: string[];
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
  /** False while added NOT VALID and not yet validated. */
  validated: boolean;
  source: Source;
}

export interface CheckConstraint {
  name: string | null;
  expression: string;
  columns: string[];
  validated: boolean;
  source: Source;
}

export interface UniqueConstraint {
  name: string | null;
  columns: string[];
  source: Source;
}

export interface PrimaryKey {
  name: string | null;
  columns: string[];
  source: Source;
}

export interface Table {
  name: string;
  /** The schema or namespace when the repo names one (`public`, `auth`); null otherwise. */
  schema: string | null;
  columns: Column[];
  primaryKey: PrimaryKey | null;
  indexes: Index[];
  uniques: UniqueConstraint[];
  checks: CheckConstraint[];
  /** Outgoing foreign keys; `referencing()` finds the incoming ones. */
  foreignKeys: ForeignKey[];
  /** Model or entity classes that map to this table, with where they are declared. */
  models: { name: string; source: Source }[];
  /** Where the table was created (or declared in the snapshot). */
  source: Source;
  /** The migrations that created or changed it, oldest first. */
  history: Source[];
}

export interface EnumType {
  name: string;
  values: string[];
  source: Source;
}

/** A fact on which the replayed migrations and the schema snapshot disagree: reported, never silently chosen. */
export interface Disagreement {
  table: string;
  column?: string;
  what: string;
  replayed: Source;
  snapshot: Source;
}

/** Files a reader could not read or parse: listed, so that nothing skipped passes for nothing there. */
export interface Unreadable {
  path: string;
  line?: number;
  message: string;
}

export interface Schema {
  dialect: SqlDialect | null;
  /** Keyed by lower-cased table name (and `schema.table` when a schema is named). */
  tables: Map<string, Table>;
  enums: Map<string, EnumType>;
  disagreements: Disagreement[];
  unreadable: Unreadable[];
}

export function emptySchema(dialect: SqlDialect | null = null): Schema {
  return { dialect, tables: new Map(), enums: new Map(), disagreements: [], unreadable: [] };
}

export function tableKey(name: string, schema: string | null = null): string {
  return (schema && schema !== "public" ? `${schema}.${name}` : name).toLowerCase();
}

export function findTable(schema: Schema, name: string, namespace: string | null = null): Table | undefined {
  return schema.tables.get(tableKey(name, namespace));
}

export function findColumn(table: Table, name: string): Column | undefined {
  const lower = name.toLowerCase();
  return table.columns.find((column) => column.name.toLowerCase() === lower);
}

/** The foreign keys of other tables that point at `table`. */
export function referencing(schema: Schema, table: string): ForeignKey[] {
  const key = table.toLowerCase();
  return [...schema.tables.values()].flatMap((t) => t.foreignKeys.filter((fk) => fk.refTable.toLowerCase() === key));
}

/** Indexes that index `column` (as a key or inside a key's expression); a mention in a partial index's WHERE does not count. */
export function indexesOn(table: Table, column: string): Index[] {
  const lower = column.toLowerCase();
  return table.indexes.filter((index) => index.keys.some((key) => key.columns.some((c) => c.toLowerCase() === lower)));
}
