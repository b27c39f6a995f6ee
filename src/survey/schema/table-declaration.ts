/**
 * Where a table is declared, found from the table's own name rather than from its column's uses:
 * a task may name a column the table does not have, and the table must still be found and its
 * columns listed. The schema snapshot first, else the migration that created it, in order.
 */
import { redactCredentials } from "../redact.js";
import { singularizeName } from "../names.js";
import type { RepoView } from "../repo-view.js";
import type { Cite, FrameworkInfo, TableInfo } from "../types.js";
import { openerName } from "./table-context.js";
import { tableColumns } from "./table-columns.js";

/** Lines that create a table (not alter, drop or mention one). */
const CREATES_TABLE = /create_table|CREATE\s+(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE|createTable|create\s+table\(|Schema::create|(?:pg|mysql|sqlite)Table\(|<createTable\b/i;

export interface TableDeclaration {
  where: Cite;
  columns: string[];
}

const sameTable = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || singularizeName(a.toLowerCase()) === singularizeName(b.toLowerCase());

export async function findTableDeclaration(repo: RepoView, table: string, frameworks: FrameworkInfo[]): Promise<TableDeclaration | null> {
  const paths = [...frameworks.flatMap((f) => f.schemaFiles), ...frameworks.flatMap((f) => f.migrations)];
  for (const path of paths) {
    const lines = await repo.lines(path);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (!CREATES_TABLE.test(line)) continue;
      const name = openerName(line);
      if (!name || !sameTable(name, table)) continue;
      return { where: { path, line: i + 1, text: redactCredentials(line.trim()).slice(0, 200) }, columns: tableColumns(lines, i + 1, i + 1, path) };
    }
  }
  return null;
}

/** The table as found from its column's uses, completed by its own declaration when those said nothing. */
export async function completeTable(repo: RepoView, table: TableInfo, frameworks: FrameworkInfo[]): Promise<TableInfo> {
  if (table.declarations.length && table.columns.length) return table;
  const declared = await findTableDeclaration(repo, table.table, frameworks);
  if (!declared) return table;
  return {
    ...table,
    declarations: table.declarations.length ? table.declarations : [declared.where],
    columns: table.columns.length ? table.columns : declared.columns,
  };
}

/** Said when the task names a column no schema, model or migration declares: which columns the table does have. */
export function missingColumnNote(table: TableInfo, column: string): string {
  const where = table.declarations[0];
  if (!where) return `No declaration of ${table.table}.${column} was found, nor of the table ${table.table}, in a schema snapshot, model or migration; check the names in the task.`;
  const columns = table.columns.length ? `it has the columns ${table.columns.join(", ")}` : "its columns could not be read";
  return `The column ${column} is not declared on ${table.table} in any schema snapshot, model or migration (the table is declared at ${where.path}:${where.line}; ${columns}); check the names in the task.`;
}
