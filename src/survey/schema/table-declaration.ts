/**
 * Where a table is declared, found from the table's own name rather than from its column's uses:
 * a task may name a column the table does not have, and the table must still be found and its
 * columns listed. The schema snapshot first, else the migration that created it, in order.
 */
import { areaOf, isTestPath } from "../areas.js";
import { redactCredentials } from "../redact.js";
import { singularizeName } from "../names.js";
import type { RepoView } from "../repo-view.js";
import type { Cite, FrameworkInfo, TableInfo } from "../types.js";
import { openerName } from "./table-context.js";
import { findModel, MAPS_TABLE } from "./model-table.js";
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
      const raw = lines[i] ?? "";
      if (!CREATES_TABLE.test(raw)) continue;
      // `op.create_table(` names its table on the next line.
      const line = /\(\s*$/.test(raw) ? `${raw} ${(lines[i + 1] ?? "").trim()}` : raw;
      const name = openerName(line);
      if (!name || !sameTable(name, table)) continue;
      return { where: { path, line: i + 1, text: redactCredentials(raw.trim()).slice(0, 200) }, columns: tableColumns(lines, i + 1, i + 1, path) };
    }
  }
  return null;
}

/** A class or model opener; Django's inner `class Meta` holds the mapping but is not the model. */
const CLASS_LINE = /^\s*(?:export\s+)?(?:class|model)\s+(?!Meta\b)\w+/;

/**
 * Where no snapshot or migration creates the table (Django and other ORMs whose models are the schema), the
 * model that maps itself to it: cited at its class line, with the columns of the class's block.
 */
async function findMappedModel(repo: RepoView, table: string): Promise<TableDeclaration | null> {
  // Only files where models live are read (from the survey's cache): few, small, and no second search.
  const stem = singularizeName(table.toLowerCase());
  for (const path of repo.files) {
    if (areaOf(path, "") !== "models" || isTestPath(path)) continue;
    const text = await repo.read(path);
    if (!text?.toLowerCase().includes(stem)) continue;
    const lines = await repo.lines(path);
    const index = lines.findIndex((line) => {
      const mapped = MAPS_TABLE.exec(line)?.slice(1).find(Boolean);
      return mapped !== undefined && sameTable(mapped, table);
    });
    if (index < 0) continue;
    let classIndex = index;
    while (classIndex >= 0 && !CLASS_LINE.test(lines[classIndex] ?? "")) classIndex--;
    const at = classIndex >= 0 ? classIndex : index;
    const where = { path, line: at + 1, text: redactCredentials((lines[at] ?? "").trim()).slice(0, 200) };
    return { where, columns: classIndex >= 0 ? tableColumns(classBlock(lines, at, path), at + 1, at + 1, path) : [] };
  }
  return null;
}

/** The lines up to the end of the class opened at `index`: Python closes a block by indentation, not brackets. */
function classBlock(lines: string[], index: number, path: string): string[] {
  if (!path.endsWith(".py")) return lines;
  const indent = /^\s*/.exec(lines[index] ?? "")?.[0].length ?? 0;
  let end = index + 1;
  while (end < lines.length && (!(lines[end] ?? "").trim() || (/^\s*/.exec(lines[end] ?? "")?.[0].length ?? 0) > indent)) end++;
  return lines.slice(0, end);
}

/** The model class the survey knows maps to the table (the task's, Django's `<app>_<model>`), cited at its class line. */
async function findNamedModel(repo: RepoView, model: string, frameworks: FrameworkInfo[]): Promise<TableDeclaration | null> {
  const site = await findModel(repo, model, frameworks);
  if (!site) return null;
  const where = { path: site.path, line: site.index + 1, text: redactCredentials((site.lines[site.index] ?? "").trim()).slice(0, 200) };
  return { where, columns: tableColumns(classBlock(site.lines, site.index, site.path), site.index + 1, site.index + 1, site.path) };
}

/** The table as found from its column's uses, completed by its own declaration when those said nothing. */
export async function completeTable(repo: RepoView, table: TableInfo, frameworks: FrameworkInfo[], model: string | null = null): Promise<TableInfo> {
  if (table.declarations.length && table.columns.length) return table;
  const declared =
    (await findTableDeclaration(repo, table.table, frameworks)) ??
    (table.declarations.length ? null : (await findMappedModel(repo, table.table)) ?? (model ? await findNamedModel(repo, model, frameworks) : null));
  if (!declared) return table;
  const fromModel = model !== null && !table.models.length && declared.where.text?.includes(model);
  return {
    ...table,
    models: fromModel ? [{ name: model, where: declared.where }] : table.models,
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
