/** A Drizzle table as read from a schema file, before references to other tables are resolved. */
import type { ColumnSpec, ConstraintSpec, IndexSpec } from "../../model/operations.js";
import type { ReferentialAction, SqlDialect } from "../../model/schema.js";

export interface ColumnRef {
  variable: string;
  property: string;
}

export interface PendingForeignKey {
  name: string | null;
  columns: string[];
  target: ColumnRef[];
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
}

export interface DrizzleTable {
  variable: string;
  name: string;
  dialect: SqlDialect;
  path: string;
  line: number;
  /** Property → SQL column name. */
  fields: Record<string, string>;
  columns: ColumnSpec[];
  constraints: ConstraintSpec[];
  indexes: { spec: IndexSpec; line: number }[];
  foreignKeys: (PendingForeignKey & { line: number })[];
  unreadable: { line: number; message: string }[];
}

export type Enums = Map<string, { name: string; values: string[] }>;

/** The SQL name of `t.prop` (the table callback's parameter and a property). */
export function columnOf(table: DrizzleTable, path: string[]): string | null {
  return path.length === 2 ? (table.fields[path[1]!] ?? null) : null;
}

export function indexSpec(table: DrizzleTable, name: string | null, keys: IndexSpec["keys"], unique: boolean): IndexSpec {
  return { name, table: table.name, keys, unique, method: null, where: null, whereColumns: [], include: [] };
}
