/**
 * Deciding whether a line that uses the column's name means *this* table's column, another
 * table's, or cannot be told: the receiver (`user.email`, an SQL alias), the line, the enclosing
 * class or table, the file's name and folder, and last what the whole file talks about.
 */
import { posix } from "node:path";
import { squash, words } from "../names.js";
import { splitLines } from "../repo-view.js";
import { WHOLE_FILE_CHARS } from "../constants.js";
import { enclosingNames, sqlAliases } from "./table-context.js";
import { names, type TableIdentity } from "./target.js";

export type Verdict = "target" | "other" | "unclear";

export interface Tables {
  target: TableIdentity;
  /** Tables (or their models) that have a column of the same name, and their first and last words (`newsletter`, `subscription`). */
  others: TableIdentity;
  looseOthers: TableIdentity;
  /** Code names of the column, to ignore when reading a line for table names. */
  columnNames: Set<string>;
  /** Other columns (squashed) declared only on the target, or only on the other tables. */
  siblings: { target: Set<string>; other: Set<string> };
}

const hints = new WeakMap<Tables, { word: RegExp; words: RegExp }>();

/** The words of every table form as one test: most tokens name no table and are turned away by it. */
function hintOf(tables: Tables): { word: RegExp; words: RegExp } {
  let hint = hints.get(tables);
  if (!hint) {
    const forms = [...tables.target.forms, ...tables.others.forms, ...tables.looseOthers.forms].flat();
    const alternation = [...new Set(forms)].map((w) => w.replace(/[^a-z0-9]/g, "")).filter(Boolean).join("|");
    hint = alternation ? { word: new RegExp(alternation, "i"), words: new RegExp(alternation, "gi") } : { word: /$^/, words: /$^/g };
    hints.set(tables, hint);
  }
  return hint;
}

const TOKEN_CHAR = /[\w$]/;

/** The distinct identifiers of `text` that hold one of the table words: found by the word, then widened to the token. */
function candidateTokens(text: string, tables: Tables): Set<string> {
  const found = new Set<string>();
  const pattern = hintOf(tables).words;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    let start = match.index;
    let end = start + match[0].length;
    while (start > 0 && TOKEN_CHAR.test(text.charAt(start - 1))) start--;
    while (end < text.length && TOKEN_CHAR.test(text.charAt(end))) end++;
    found.add(text.slice(start, end));
    pattern.lastIndex = end;
  }
  return found;
}

function place(name: string, tables: Tables): Verdict {
  if (!hintOf(tables).word.test(name) || tables.columnNames.has(name.toLowerCase())) return "unclear";
  const target = names(tables.target, name);
  const other = names(tables.others, name) || names(tables.looseOthers, name);
  if (target && !other) return "target";
  if (other && !target) return "other";
  if (target && other) return words(name).length === tables.target.forms[0]?.length ? "target" : "other";
  return "unclear";
}

/** Placing text by the names it mentions: one side only decides it. Each distinct name is placed once. */
function byMentions(text: string, tables: Tables): Verdict {
  let target = false;
  let other = false;
  for (const token of candidateTokens(text, tables)) {
    const verdict = place(token, tables);
    if (verdict === "target") target = true;
    if (verdict === "other") other = true;
  }
  if (target !== other) return target ? "target" : "other";
  return "unclear";
}

export interface FileContext {
  path: string;
  lines: string[];
  aliases(): Map<string, string>;
  /** What the whole file mentions, and which table's other columns it uses: the last resorts, worked out once if asked. */
  overall(): Verdict;
  siblings(): Verdict;
}

export function fileContext(path: string, text: string, tables: Tables): FileContext {
  // A huge file (a bundle, a dump) is judged on its head: enough to see what it is about.
  const head = text.length > WHOLE_FILE_CHARS ? text.slice(0, WHOLE_FILE_CHARS) : text;
  let overall: Verdict | undefined;
  let siblings: Verdict | undefined;
  let aliases: Map<string, string> | undefined;
  return {
    path, lines: splitLines(text), aliases: () => (aliases ??= sqlAliases(head)),
    overall: () => (overall ??= byMentions(head, tables)),
    siblings: () => (siblings ??= bySiblings(head, tables)),
  };
}

/** What the line alone says (its receiver, the names on it), without reading the file. */
export function lineVerdict(line: string, column: string, tables: Tables): Verdict {
  const receiver = receiverOf(line, column);
  const byReceiver = receiver ? place(receiver, tables) : "unclear";
  if (byReceiver !== "unclear" || BUILDER_CALL.test(line)) return byReceiver;
  return byMentions(line, tables);
}

/** Rails' `t.…`, Knex's `table.…`, Laravel's `$table->…`: calls on the table a block opened. */
const BUILDER_CALL = /^\s*(?:t|table|tbl)\.\w+|^\s*\$table->\w+/;

export function whichTable(file: FileContext, index: number, column: string, tables: Tables): Verdict {
  const line = file.lines[index] ?? "";
  const receiver = receiverOf(line, column);
  if (receiver) {
    const verdict = place(file.aliases().get(receiver) ?? receiver, tables);
    if (verdict !== "unclear") return verdict;
  }
  // A table builder's call (`t.index […], name: "index_statuses_on_account_id"`) is about its block's table,
  // whatever other table names its index or constraint names hold.
  const builder = BUILDER_CALL.test(line);
  const onLine = byMentions(line, tables);
  if (!builder && onLine !== "unclear") return onLine;
  for (const opener of enclosingNames(file.lines, index)) {
    const verdict = place(opener.name, tables);
    if (verdict !== "unclear") return verdict;
    if (opener.strong) break;
  }
  if (onLine !== "unclear") return onLine;
  const base = posix.basename(file.path).replace(/\.[^.]+$/, "");
  const byName = place(base, tables);
  if (byName !== "unclear") return byName;
  for (const dir of posix.dirname(file.path).split("/").reverse()) {
    const verdict = place(dir, tables);
    if (verdict !== "unclear") return verdict;
  }
  if (file.overall() !== "unclear") return file.overall();
  const onLineSiblings = bySiblings(line, tables);
  return onLineSiblings !== "unclear" ? onLineSiblings : file.siblings();
}

/** Placing text by the other columns it uses: only the target's, or only the other tables'. */
function bySiblings(text: string, tables: Tables): Verdict {
  const pattern = siblingPattern(tables);
  if (!pattern) return "unclear";
  let target = false;
  let other = false;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match && !(target && other); match = pattern.exec(text)) {
    let start = match.index;
    while (start > 0 && text.charCodeAt(start - 1) === UNDERSCORE) start--;
    if (start > 0 && WORD_CHAR.test(text.charAt(start - 1))) continue;
    const name = squash(match[0]);
    if (tables.siblings.target.has(name)) target = true;
    if (tables.siblings.other.has(name)) other = true;
  }
  if (target !== other) return target ? "target" : "other";
  return "unclear";
}

const UNDERSCORE = 95;
const WORD_CHAR = /[A-Za-z0-9_]/;
const siblingPatterns = new WeakMap<Tables, RegExp | null>();

/**
 * The sibling columns as one search: a squashed name with any underscores between its letters, so
 * `display_name`, `displayName` and `DisplayName` are all found without splitting the text into tokens.
 */
function siblingPattern(tables: Tables): RegExp | null {
  let pattern = siblingPatterns.get(tables);
  if (pattern === undefined) {
    const all = [...tables.siblings.target, ...tables.siblings.other].filter(Boolean).sort((a, b) => b.length - a.length);
    pattern = all.length ? new RegExp(`(?:${all.map((name) => [...name].join("_*")).join("|")})_*(?![A-Za-z0-9_])`, "gi") : null;
    siblingPatterns.set(tables, pattern);
  }
  return pattern;
}

/** `user.email`, `@user.email`, `$user->email`, `u."email"`, `user?.email`, `user["email"]` → the receiver. */
const receivers = new Map<string, RegExp>();

function receiverOf(line: string, column: string): string | null {
  let pattern = receivers.get(column);
  if (!pattern) {
    const escaped = column.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    pattern = new RegExp(String.raw`([A-Za-z_][\w]*)\s*(?:\?\.|\.|->|::|\[\s*["'])\s*["'\x60]?${escaped}\b`, "i");
    receivers.set(column, pattern);
  }
  return pattern.exec(line)?.[1] ?? null;
}
