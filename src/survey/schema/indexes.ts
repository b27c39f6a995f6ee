/**
 * The column's indexes as they exist now. The schema snapshot, when it covers the column, is the
 * current state; without one the migrations are replayed in order (an index a later migration
 * removes is gone; the down half of a migration is not replayed). The same index seen in several
 * places (a migration and the snapshot, a model's `unique=True`) is one entry.
 */
import { INDEX_OPENER_LOOKBACK_LINES } from "../constants.js";
import { redactCredentials } from "../redact.js";
import { squash } from "../names.js";
import type { RepoView } from "../repo-view.js";
import type { FrameworkInfo, IndexInfo } from "../types.js";
import type { Classified, Hit } from "./classify-matches.js";
import { COMMENT_OR_META } from "./column-report.js";
import { saysUnique, withoutNotUnique } from "./declaration-line.js";
import { escapeRegExp } from "./code-names.js";
import { enclosingNames } from "./table-context.js";
import { names as namesTable, type TableIdentity } from "./target.js";

const MENTIONS_INDEX = /index\b|\bunique|@@unique|@unique|\bUNIQUE\s+KEY\b|^\s*KEY\s/i;
const REMOVES_INDEX = /\b(remove_index|drop_index|dropIndex|removeIndex|dropUnique|removeConstraint|drop_constraint|dropConstraint|dropUniqueConstraint|remove_unique_constraint)\b|\bDROP\s+(INDEX|CONSTRAINT|KEY)\b|\bdrop\s+(?:unique_)?index\b/i;
/** A multi-line index call opened on a line above the column's (`- addUniqueConstraint:`, `<createIndex …>`). */
const INDEX_OPENER = /addUniqueConstraint|createIndex|<createIndex|addIndex\s*\(|unique_index\s*\(|uniqueIndex\s*\(|index\s*\(\s*["'`]/;
const INDEX_NAME = [
  /\b(?:constraintName|indexName):\s*["']?(\w+)/,
  /\bname:\s*["':]?(\w+)/,
  /\bname\s*=\s*["'](\w+)/,
  /\bINDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?["'`]?(\w+)["'`]?\s+ON\b/i,
  /\bCONSTRAINT\s+["'`]?(\w+)/i,
  /\b(?:UNIQUE\s+)?(?:KEY|INDEX)\s+["'`]?(\w+)["'`]?\s*\(/i,
  /\b(?:op\.f\(|create_index\(\s*)["'](\w+)["']/,
  /\b(?:uniqueIndex|index)\(\s*["'`](\w+)["'`]\s*\)/,
];
/** Where a migration's undo starts, and where its do starts (the nearest above a line decides). */
const DOWN_MARKER = /\bdef\s+(down|downgrade)\b|\bexports\.down\b|\b(?:async\s+)?down\s*\(|\bfunction\s+down\b|--\s*migrate:down|--\s*\+goose\s+Down|<rollback>|^\s*--rollback\b|^\s*rollback:/i;
const UP_MARKER = /\bdef\s+(up|upgrade|change)\b|\bexports\.up\b|\b(?:async\s+)?up\s*\(|\bfunction\s+up\b|--\s*migrate:up|--\s*\+goose\s+Up|^\s*changes:/i;

type Source = "schema" | "model" | "migration";

interface Mention {
  index: IndexInfo;
  source: Source;
  rank: number;
  removal: boolean;
}

export async function currentIndexes(repo: RepoView, found: Classified, column: string, frameworks: FrameworkInfo[]): Promise<IndexInfo[]> {
  const order = frameworks.flatMap((f) => f.migrations);
  const mentions: Mention[] = [];
  for (const hit of found.hits) {
    if (hit.verdict !== "target" || (hit.role !== "schema" && hit.role !== "migration" && !hit.declaration)) continue;
    if (COMMENT_OR_META.test(hit.text)) continue;
    const lines = hit.file?.lines ?? (await repo.lines(hit.path));
    const mention = mentionAt(hit, lines, column, found.names, found.tables.target);
    if (!mention) continue;
    if (hit.role === "migration" && inUndo(hit.path, lines, hit.index)) continue;
    const rank = order.indexOf(hit.path);
    mentions.push({ ...mention, rank: rank < 0 ? Number.MAX_SAFE_INTEGER : rank });
  }
  const covered = found.hits.some((h) => h.role === "schema" && h.verdict === "target");
  const models = mentions.filter((m) => m.source === "model" && !m.removal);
  const live = covered
    ? [...mentions.filter((m) => m.source === "schema" && !m.removal), ...models]
    : [...replay(mentions.filter((m) => m.source === "migration")), ...models];
  const merged = merge(live);
  // A snapshot or model that does not say the name: a migration that built the same index may.
  for (const entry of merged) {
    if (entry.name) continue;
    const named = mentions.find((m) => !m.removal && m.index.name && same(m.index, entry));
    if (named) entry.name = named.index.name;
  }
  return merged;
}

function mentionAt(hit: Hit, lines: string[], column: string, names: string[], target: TableIdentity): Omit<Mention, "rank"> | null {
  const opener = openerAbove(lines, hit.index);
  if (!MENTIONS_INDEX.test(withoutNotUnique(hit.text)) && opener === null) return null;
  if (!inTargetTable(lines, hit.index, target)) return null;
  const start = opener ?? hit.index;
  // The statement: from its opener to a few lines past the column (name and uniqueness may follow).
  const statement = lines.slice(start, hit.index + 3).join(" ");
  const own = opener === null && !/[{(,[]\s*$/.test(hit.text) ? hit.text : statement;
  const named = hit.role === "migration" || hit.role === "schema";
  const name = named ? INDEX_NAME.map((p) => p.exec(own)?.[1]).find(Boolean) ?? null : null;
  const columns = hit.declaration ? columnsOf(own, column, names) ?? [column] : columnsOf(own, column, names) ?? (listsColumn(own, name, names) ? [column] : null);
  if (!columns) return null;
  return {
    index: {
      name,
      columns,
      unique: saysUnique(own, /unique/i),
      where: { path: hit.path, line: hit.index + 1, text: redactCredentials(hit.text).slice(0, 200) },
    },
    source: hit.role === "schema" ? "schema" : hit.role === "migration" ? "migration" : "model",
    removal: REMOVES_INDEX.test(own),
  };
}

/** The nearest table or class the line belongs to must be the target: another table's `t.index` is not this column's. */
function inTargetTable(lines: string[], index: number, target: TableIdentity): boolean {
  for (const opener of enclosingNames(lines, index)) {
    if (namesTable(target, opener.name)) return true;
    if (opener.strong) return false;
  }
  return true;
}

/** Whether the column is named as an indexed column, not as the `name:` key or inside the index's own name. */
function listsColumn(text: string, indexName: string | null, names: string[]): boolean {
  let rest = text.replace(/\b(?:name|constraintName|indexName)\s*[:=]\s*["':]?\w+["']?/g, " ");
  if (indexName) rest = rest.split(indexName).join(" ");
  return new RegExp(String.raw`(^|[^\w$])(?:${names.map(escapeRegExp).join("|")})(?![\w$])`, "i").test(rest);
}

function openerAbove(lines: string[], index: number): number | null {
  for (let i = index - 1; i >= Math.max(0, index - INDEX_OPENER_LOOKBACK_LINES); i--) {
    const line = lines[i] ?? "";
    if (INDEX_OPENER.test(line)) return i;
    if (/[;}]\s*$|^\s*\)/.test(line)) return null;
  }
  return null;
}

/** The column list of a bracketed group that holds the column (`["email", "org_id"]`, `(email)`); null when no group holds it. */
function columnsOf(text: string, column: string, names: string[]): string[] | null {
  const wanted = new Set([column, ...names].map(squash));
  // Ecto's `unique_index(:sites, :domain)`: the first atom is the table, the second the one column.
  const ecto = /\b(?:unique_)?index\(\s*:\w+\s*,\s*:(\w+)/.exec(text)?.[1];
  if (ecto) return wanted.has(squash(ecto)) ? [column] : null;
  for (const group of text.matchAll(/[[(]([^[\]()]*)[\])]/g)) {
    const inner = group[1] ?? "";
    if (!/^\s*[:"'`]?\w+["'`]?(\s*,\s*[:"'`]?\w+["'`]?)*\s*$/.test(inner)) continue;
    const parts = inner.split(",").map((p) => p.trim().replace(/^:|["'`]/g, ""));
    if (!parts.some((p) => wanted.has(squash(p)))) continue;
    return parts.map((p) => (wanted.has(squash(p)) ? column : p));
  }
  return null;
}

function inUndo(path: string, lines: string[], index: number): boolean {
  if (/(^|[._/])down\.sql$/.test(path)) return true;
  for (let i = index; i >= 0; i--) {
    const line = lines[i] ?? "";
    if (DOWN_MARKER.test(line)) return true;
    if (UP_MARKER.test(line)) return false;
  }
  return false;
}

/** Migrations in their order: each addition stands until a later removal names it (or its columns). */
function replay(mentions: Mention[]): Mention[] {
  const live: Mention[] = [];
  const ordered = [...mentions].sort((a, b) => a.rank - b.rank || (a.index.where.line ?? 0) - (b.index.where.line ?? 0));
  for (const mention of ordered) {
    if (!mention.removal) {
      live.push(mention);
      continue;
    }
    const { name } = mention.index;
    for (let i = live.length - 1; i >= 0; i--) {
      const index = live[i]!.index;
      if (name ? index.name === name || (!index.name && sameColumns(index, mention.index)) : sameColumns(index, mention.index)) live.splice(i, 1);
    }
  }
  return live;
}

const SOURCE_RANK: Record<Source, number> = { schema: 0, model: 1, migration: 2 };

/** One entry per index: same name, or same columns and uniqueness. The snapshot's citation wins, then a named one. */
function merge(mentions: Mention[]): IndexInfo[] {
  const sorted = [...mentions].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || Number(!a.index.name) - Number(!b.index.name));
  const out: IndexInfo[] = [];
  for (const { index } of sorted) {
    const existing = out.find((o) => same(o, index));
    if (!existing) out.push({ ...index, columns: [...index.columns] });
    else if (!existing.name && index.name) existing.name = index.name;
  }
  return out;
}

function sameColumns(a: IndexInfo, b: IndexInfo): boolean {
  return a.columns.join(",") === b.columns.join(",");
}

function same(a: IndexInfo, b: IndexInfo): boolean {
  return (a.name !== null && a.name === b.name) || (sameColumns(a, b) && a.unique === b.unique);
}
