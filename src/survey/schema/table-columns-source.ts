/**
 * Which block the table's columns are read from: the schema snapshot's, else the migration that created
 * the table (the first in the framework's order), else the model's. Each is a place the column is declared.
 */
import type { RepoView } from "../repo-view.js";
import type { Cite, FrameworkInfo } from "../types.js";
import { RENAMES } from "./declaration-line.js";
import type { Classified, Hit } from "./classify-matches.js";
import { enclosingNames } from "./table-context.js";
import { tableColumns } from "./table-columns.js";
import { names } from "./target.js";

/** Openers that create a table (or declare a whole model), as opposed to altering one. */
const CREATES = /create_table|CREATE\s+TABLE|createTable|create\s+table\(|CreateModel|^\s*name\s*=|\bmodel\s+\w+\s*\{|(?:pg|mysql|sqlite)Table\(|tableName:|<createTable\b|\bschema\s+["']|\bclass\s|\bstruct\b/i;

export async function columnsOfTable(repo: RepoView, found: Classified, frameworks: FrameworkInfo[]): Promise<string[]> {
  const order = frameworks.flatMap((f) => f.migrations);
  const rank = (hit: Hit) => (order.includes(hit.path) ? order.indexOf(hit.path) : Number.MAX_SAFE_INTEGER);
  const mine = found.hits.filter((h) => h.verdict === "target");
  const candidates = [
    ...mine.filter((h) => h.role === "schema" && h.declaration),
    ...mine.filter((h) => h.role === "migration").sort((a, b) => rank(a) - rank(b) || a.index - b.index),
    ...mine.filter((h) => h.role === "code" && h.declaration),
  ];
  for (const hit of candidates) {
    const lines = hit.file?.lines ?? (await repo.lines(hit.path));
    for (const opener of enclosingNames(lines, hit.index)) {
      if (!names(found.tables.target, opener.name)) {
        if (opener.strong) break;
        continue;
      }
      if (!CREATES.test(lines[opener.line - 1] ?? "")) break;
      const columns = tableColumns(lines, opener.line, hit.index, hit.path);
      if (columns.length) return columns;
      break;
    }
  }
  return [];
}

const RENAME_PATTERNS = RENAMES.map((rename) => rename(String.raw`(\w+)`, String.raw`(\w+)`));

/** The columns as the table's history leaves them: a column list read where the table was created misses later renames. */
export function afterRenames(columns: string[], history: Cite[]): string[] {
  let current = columns;
  for (const cite of history) {
    for (const pattern of RENAME_PATTERNS) {
      const [, from, to] = pattern.exec(cite.text ?? "") ?? [];
      if (from && to && current.includes(from) && !current.includes(to)) current = current.map((c) => (c === from ? to : c));
    }
  }
  return current;
}
