/** Turning placed hits into the survey's column, table, history and references. */
import { areaOf } from "../areas.js";
import { redactCredentials } from "../redact.js";
import type { Cite, ColumnInfo, ForeignKeyInfo, FrameworkInfo, IndexInfo, Reference, References, TableInfo } from "../types.js";
import type { Classified, Hit } from "./classify-matches.js";
import { columnFacts, type ColumnFacts } from "./declaration-line.js";
import { enclosingNames } from "./table-context.js";
import { names as namesTable } from "./target.js";
import { words } from "../names.js";

/** Comments, docstrings and changelog metadata mention a column without changing it. */
export const COMMENT_OR_META = /^\s*(--|#|\/\/|\/\*|\*|-\s|"""|\'\'\'|-?\s*(id|author|comment|description|message|file|include):)/;

const cite = (hit: Hit): Cite => ({ path: hit.path, line: hit.index + 1, text: redactCredentials(hit.text).slice(0, 200) });

/** The column's declarations, most telling first: the schema snapshot, then models, then migrations. */
function rankedDeclarations(found: Classified): Hit[] {
  const mine = found.hits.filter((h) => h.declaration && h.verdict === "target" && h.role !== "test");
  const rank = (h: Hit) => (h.role === "schema" ? 0 : h.role === "migration" ? 2 : 1);
  return mine.sort((a, b) => rank(a) - rank(b));
}

/** The declarations cited: those outside migrations, or the migrations' when nothing else declares the column. */
export function declarationsOf(found: Classified): Hit[] {
  const ranked = rankedDeclarations(found);
  const outside = ranked.filter((h) => h.role !== "migration");
  return outside.length ? outside : ranked;
}

export function historyOf(found: Classified, frameworks: FrameworkInfo[]): Cite[] {
  const order = frameworks.flatMap((f) => f.migrations);
  const first = new Map<string, Hit>();
  const migrations = new Set(order);
  for (const hit of found.hits) {
    if (!migrations.has(hit.path) || hit.verdict !== "target") continue;
    const seen = first.get(hit.path);
    if (!seen || (COMMENT_OR_META.test(seen.text) && !COMMENT_OR_META.test(hit.text))) first.set(hit.path, hit);
  }
  const rank = (path: string) => (order.includes(path) ? order.indexOf(path) : Number.MAX_SAFE_INTEGER);
  return [...first.values()].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path)).map(cite);
}

/**
 * Each fact from the first declaration that states it: an Ecto schema's `field` gives the type, its migration the
 * NOT NULL; a Go struct states neither, so the migration gives both.
 */
function factsOf(declarations: Hit[], names: string[]): ColumnFacts | null {
  let merged: ColumnFacts | null = null;
  for (const hit of declarations) {
    if (!hit.file) continue;
    const facts = columnFacts(hit.file.lines, hit.index, names);
    merged = merged === null ? facts : {
      type: merged.type ?? facts.type,
      nullable: merged.nullable ?? facts.nullable,
      default: merged.default ?? facts.default,
      unique: merged.unique || facts.unique,
    };
    if (merged.type !== null && merged.nullable !== null) return merged;
  }
  return merged;
}

/** `indexes` are the column's current indexes (indexes.ts), worked out apart because they read files. */
export function columnInfo(found: Classified, table: string, column: string, indexes: IndexInfo[]): ColumnInfo {
  const declarations = declarationsOf(found);
  const facts = factsOf(rankedDeclarations(found), found.names);
  const foreignKeys: ForeignKeyInfo[] = [];
  const constraints: Cite[] = [];
  for (const hit of found.hits) {
    if (hit.verdict !== "target" || (hit.role !== "schema" && hit.role !== "migration" && !hit.declaration)) continue;
    if (COMMENT_OR_META.test(hit.text)) continue;
    const fk = /REFERENCES\s+["'`]?(\w+)["'`]?\s*(?:\(\s*["'`]?(\w+))?|references\s*[:(]\s*["']?(\w+)/i.exec(hit.text);
    if (fk) foreignKeys.push({ column, toTable: fk[1] ?? fk[3] ?? "", toColumn: fk[2] ?? null, where: cite(hit) });
    if (/\bCHECK\b|add_check_constraint|CheckConstraint/i.test(hit.text)) constraints.push(cite(hit));
  }
  for (const fk of found.foreignKeys) {
    if (!foreignKeys.some((known) => known.toTable === fk.toTable)) foreignKeys.push(fk);
  }
  return {
    table, column,
    codeNames: found.names.filter((n) => !n.endsWith("=")),
    type: facts?.type ?? null,
    nullable: facts?.nullable ?? null,
    default: facts?.default ?? null,
    declarations: declarations.map(cite),
    indexes,
    foreignKeys,
    constraints,
  };
}

/** The table's models and declarations, from the classes and table openers around this column's uses; `columns` from table-columns-source.ts. */
export function tableInfo(found: Classified, table: string, columns: string[]): TableInfo {
  const models = new Map<string, Cite>();
  const declarations = new Map<string, Cite>();
  const declared = declarationsOf(found);
  const seen = new Set(declared);
  const modelUses = found.hits.filter((h) => h.file && h.verdict === "target" && h.role === "code" && !seen.has(h) && areaOf(h.path, "") === "models");
  for (const hit of [...declared, ...modelUses]) {
    if (!hit.file) continue;
    const lines = hit.file.lines;
    for (const opener of enclosingNames(lines, hit.index)) {
      if (!namesTable(found.tables.target, opener.name)) continue;
      const text = (lines[opener.line - 1] ?? "").trim();
      const where: Cite = { path: hit.path, line: opener.line, text };
      if (/^[A-Z]/.test(opener.name) && hit.role !== "migration") {
        if (MODEL_LINE.test(text) && words(opener.name).length === found.tables.target.forms[0]?.length) models.set(opener.name, models.get(opener.name) ?? where);
      } else if (hit.declaration) declarations.set(`${where.path}:${where.line}`, where);
      break;
    }
  }
  return { table, models: [...models].map(([name, where]) => ({ name, where })), declarations: [...declarations.values()], columns };
}

/** A line that declares a model class, struct, schema module or Prisma model (not a serializer or controller). */
const MODEL_LINE = /\b(class|model|struct|defmodule|interface|record)\b/;

/** Uses outside migrations and schema snapshots; a model's own declaration counts, as code that must change. */
export function referencesOf(found: Classified): References {
  const code: Reference[] = [];
  const tests: Reference[] = [];
  const sameNameOrUnclear: Reference[] = [];
  // A file that declares the column (an entity, an Ecto schema) is a model wherever it lives.
  const modelFiles = new Set(found.hits.filter((h) => h.declaration && h.role === "code").map((h) => h.path));
  for (const hit of found.hits) {
    if (hit.role === "migration" || hit.role === "schema") continue;
    const area = modelFiles.has(hit.path) ? "models" : areaOf(hit.path, hit.text);
    const reference: Reference = { ...cite(hit), area, name: hit.name };
    if (hit.verdict !== "target") sameNameOrUnclear.push(reference);
    else if (hit.role === "test") tests.push(reference);
    else code.push(reference);
  }
  const files = new Set([...code, ...tests, ...sameNameOrUnclear].map((r) => r.path)).size;
  return { code, tests, sameNameOrUnclear, counts: { code: code.length, tests: tests.length, sameNameOrUnclear: sameNameOrUnclear.length, files } };
}
