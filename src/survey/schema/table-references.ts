/**
 * For table-level tasks (drop, rename, split, merge a table) there is no column: every use of the
 * table's name or its model's is a reference, and the migrations that name it are its history.
 */
import { findMatches } from "../../search/index.js";
import { isTestPath, areaOf } from "../areas.js";
import { outsidePlans } from "../earlier-plans.js";
import { MAX_MATCHES } from "../constants.js";
import { redactCredentials } from "../redact.js";
import type { RepoView } from "../repo-view.js";
import type { Cite, FrameworkInfo, Reference, References, TableInfo } from "../types.js";
import { modelForTable, singularizeName } from "../names.js";
import { searchPattern } from "./code-names.js";
import { openerName } from "./table-context.js";
import { identityOf, names } from "./target.js";

export interface TableFindings {
  table: TableInfo;
  history: Cite[];
  references: References;
  truncated: boolean;
}

export async function surveyTable(repo: RepoView, table: string, model: string | null, frameworks: FrameworkInfo[]): Promise<TableFindings> {
  const identity = identityOf(table, model);
  const modelName = model ?? modelForTable(table);
  const matches = await outsidePlans(repo, await findMatches(repo.root, {
    pattern: searchPattern([table, singularizeName(table), modelName]), ignoreCase: true, maxMatches: MAX_MATCHES,
    ...(repo.signal ? { signal: repo.signal } : {}),
  }));
  const migrations = new Set(frameworks.flatMap((f) => f.migrations));
  const schemaFiles = new Set(frameworks.flatMap((f) => f.schemaFiles));
  const history = new Map<string, Cite>();
  const declarations: Cite[] = [];
  const models: TableInfo["models"] = [];
  const code: Reference[] = [];
  const tests: Reference[] = [];
  for (const match of matches) {
    if (!repo.has(match.path)) continue;
    const token = (match.text.match(/[A-Za-z_][\w$]*/g) ?? []).find((t) => names(identity, t));
    if (!token) continue;
    const where: Cite = { path: match.path, line: match.line, text: redactCredentials(match.text.trim()).slice(0, 200) };
    const opener = openerName(match.text);
    const opens = opener !== null && names(identity, opener);
    if (migrations.has(match.path)) {
      if (!history.has(match.path)) history.set(match.path, where);
      continue;
    }
    if (opens && /^[A-Z]/.test(opener) && /\b(class|model|type|defmodule|interface)\b/.test(match.text)) models.push({ name: opener, where });
    else if (opens && (schemaFiles.has(match.path) || /create_table|CREATE TABLE|Table\(|tableName|__tablename__|table_name|db_table/i.test(match.text))) declarations.push(where);
    if (schemaFiles.has(match.path)) continue;
    const reference: Reference = { ...where, area: areaOf(match.path, match.text), name: token };
    (isTestPath(match.path) ? tests : code).push(reference);
  }
  const order = [...migrations];
  const sortedHistory = [...history.values()].sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
  const files = new Set([...code, ...tests].map((r) => r.path)).size;
  return {
    table: { table, models, declarations, columns: [] },
    history: sortedHistory,
    references: { code, tests, sameNameOrUnclear: [], counts: { code: code.length, tests: tests.length, sameNameOrUnclear: 0, files } },
    truncated: matches.length >= MAX_MATCHES,
  };
}
