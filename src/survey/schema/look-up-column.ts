/**
 * The task's column looked up in the repo: its matches classified by table, the column's facts and its table's,
 * and the database column a task's code name is mapped to.
 */
import { posix } from "node:path";
import { pascalCase } from "../names.js";
import type { RepoView } from "../repo-view.js";
import type { ColumnInfo, FrameworkInfo } from "../types.js";
import { classifyMatches, type startColumnSearch } from "./classify-matches.js";
import { databaseNameOf } from "./code-names.js";
import { columnInfo, tableInfo } from "./column-report.js";
import { currentIndexes } from "./indexes.js";
import { columnsOfTable } from "./table-columns-source.js";
import { completeTable } from "./table-declaration.js";

/** The column's matches classified, its facts and its table's: one pass of the survey's column lookup. */
export async function lookUpColumn(repo: RepoView, column: string, table: string, model: string | null, frameworks: FrameworkInfo[], search: ReturnType<typeof startColumnSearch> | undefined) {
  const modelName = model ?? (await djangoModel(repo, table, frameworks));
  const found = await classifyMatches(repo, column, table, modelName, frameworks, search);
  return {
    found,
    column: columnInfo(found, table, column, await currentIndexes(repo, found, column, frameworks)),
    table: await completeTable(repo, tableInfo(found, table, await columnsOfTable(repo, found, frameworks)), frameworks, modelName),
  };
}

/**
 * The database column a declaration maps the task's code name to (`customer_note = models.TextField(db_column="note")`),
 * or null. The table's column list is no guide: read from a model or a Django migration, it holds the code name.
 */
export async function mappedColumn(repo: RepoView, column: ColumnInfo): Promise<string | null> {
  for (const where of column.declarations) {
    if (where.line === undefined) continue;
    const name = databaseNameOf(await repo.lines(where.path), where.line - 1, column.column);
    if (name && name !== column.column) return name;
  }
  return null;
}

/**
 * Django names a table `<app>_<model>` unless told otherwise: `accounts_user` is the model User of the app accounts.
 * The table has the class name in lower case, so the class is looked up in the app's models (`GiftCard`, not `Giftcard`).
 */
async function djangoModel(repo: RepoView, table: string, frameworks: FrameworkInfo[]): Promise<string | null> {
  const apps = frameworks.filter((f) => f.id === "django").flatMap((f) => f.migrationsDirs.map((d) => posix.dirname(d)));
  const app = apps.find((dir) => table.startsWith(`${posix.basename(dir)}_`) && table.length > posix.basename(dir).length + 1);
  if (!app) return null;
  const lower = table.slice(posix.basename(app).length + 1);
  for (const path of repo.files.filter((p) => p === `${app}/models.py` || (p.startsWith(`${app}/models/`) && p.endsWith(".py")))) {
    const declared = new RegExp(String.raw`^class\s+(\w+)\s*\(`, "gm");
    for (const match of ((await repo.read(path)) ?? "").matchAll(declared)) {
      if (match[1]!.toLowerCase() === lower) return match[1]!;
    }
  }
  return pascalCase(lower);
}
