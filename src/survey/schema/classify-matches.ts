/**
 * One search for the column under all its code names, then each hit placed: a migration line
 * (history), a declaration (schema, model), or a reference (code, tests, same name elsewhere).
 * A file is read only when its line alone cannot be placed.
 */
import { findMatches, type Match } from "../../search/index.js";
import { MAX_MATCHES } from "../constants.js";
import { codeNamesFor, squash } from "../names.js";
import type { RepoView } from "../repo-view.js";
import type { ForeignKeyInfo, FrameworkInfo } from "../types.js";
import { outsidePlans } from "../earlier-plans.js";
import { mappedNames, matchedName, searchPattern, withoutTranslationKeys } from "./code-names.js";
import { isDeclaration } from "./declaration-line.js";
import { findOthers } from "./find-others.js";
import { tableForeignKeys } from "./foreign-keys.js";
import { MatchedFiles, type Role } from "./matched-files.js";
import { identityOf, looseIdentity } from "./target.js";
import { lineVerdict, whichTable, type FileContext, type Tables, type Verdict } from "./which-table.js";

export type { Role } from "./matched-files.js";

export interface Hit {
  path: string;
  index: number;
  text: string;
  name: string;
  role: Role;
  declaration: boolean;
  verdict: Verdict;
  /** The file, read: set for declarations (their facts and enclosing table are read from it). */
  file: FileContext | null;
}

export interface Classified {
  hits: Hit[];
  names: string[];
  others: string[];
  tables: Tables;
  /** Foreign keys on the column declared at table level (`add_foreign_key`, `t.references … foreign_key: true`). */
  foreignKeys: ForeignKeyInfo[];
  truncated: boolean;
}

/** Lines that may map a code name to the column (`@map`, `db_column`, `@Column({ name })`, struct tags…). */
const MAPPING_HINT = /@map|db_column|Column|mapped_column|alias_attribute|source:|field|\x60|:\s*\w+\(\s*["'\x60]/;

/**
 * The column's search, started before the file list is ready (it does not depend on it); `onFile` hears of
 * each file with a match as the search finds it.
 */
export function startColumnSearch(root: string, column: string, signal?: AbortSignal, onFile?: (path: string) => void): Promise<Match[]> {
  return searchNames(root, [column], signal, onFile);
}

function searchNames(root: string, names: string[], signal?: AbortSignal, onFile?: (path: string) => void): Promise<Match[]> {
  const search = findMatches(root, {
    pattern: searchPattern(names), ignoreCase: true, maxMatches: MAX_MATCHES, ...(signal ? { signal } : {}), ...(onFile ? { onFile } : {}),
  });
  return search;
}

export async function classifyMatches(
  repo: RepoView, column: string, table: string | null, model: string | null, frameworks: FrameworkInfo[], firstSearch?: Promise<Match[]>,
): Promise<Classified> {
  const files = new MatchedFiles(repo, frameworks);
  // The listing decides what the survey sees: earlier plans and this run's plan file are not in it, nor plans elsewhere.
  const listed = (found: Match[]) => outsidePlans(repo, found.filter((m) => repo.has(m.path)));
  let matches: Match[] = await listed(await (firstSearch ?? searchNames(repo.root, [column], repo.signal)));
  const target = identityOf(table, model);
  const baseNames = codeNamesFor(column);

  const { others, siblings } = await findOthers(matches, files, baseNames, target);
  const otherIdentity = identityOf(...others);
  const tables: Tables = {
    target, others: otherIdentity, looseOthers: looseIdentity(otherIdentity), siblings,
    columnNames: new Set(baseNames.map((n) => n.toLowerCase())),
  };
  files.tables = tables;

  const mapped = new Set<string>();
  const mappingLines = matches.filter((m) => files.roleOf(m.path) !== "test" && MAPPING_HINT.test(m.text));
  await files.prefetch(mappingLines.map((m) => m.path));
  for (const match of mappingLines) {
    const context = await files.context(match.path);
    for (const name of mappedNames(context.lines, match.line - 1, column)) {
      if (whichTable(context, match.line - 1, column, tables) === "target") mapped.add(name);
    }
  }
  const extra = [...mapped].filter((name) => !squash(name).includes(squash(column)));
  if (extra.length) {
    const seen = new Set(matches.map((m) => `${m.path}:${m.line}`));
    const more = await listed(await searchNames(repo.root, extra, repo.signal));
    matches = [...matches, ...more.filter((m) => !seen.has(`${m.path}:${m.line}`))];
  }
  const names = codeNamesFor(column, [...mapped]);
  for (const name of names) tables.columnNames.add(name.toLowerCase());

  // What each line says alone; the files whose lines need more are then read together, not one by one.
  const pending = matches.flatMap((match) => {
    const name = matchedName(withoutTranslationKeys(match.text), names);
    if (!name) return [];
    const declarationLike = isDeclaration(match.text, [column, ...mapped]);
    return [{ match, name, declarationLike, quick: declarationLike ? "unclear" as const : lineVerdict(match.text, name, tables) }];
  });
  await files.prefetch(pending.filter((p) => p.quick === "unclear").map((p) => p.match.path));
  const hits: Hit[] = [];
  for (const { match, name, declarationLike, quick } of pending) {
    const index = match.line - 1;
    const declaration = declarationLike && (await files.declares(match.path));
    const file = quick === "unclear" || declaration ? await files.context(match.path) : null;
    hits.push({
      path: match.path, index, text: match.text.trim(), name, role: files.roleOf(match.path), file, declaration,
      verdict: file ? whichTable(file, index, name, tables) : quick,
    });
  }
  const foreignKeys = table ? await tableForeignKeys(repo, table, column, frameworks, new Set(matches.map((m) => m.path))) : [];
  return { hits, names, others, tables, foreignKeys, truncated: matches.length >= MAX_MATCHES };
}
