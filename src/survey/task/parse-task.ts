/**
 * Plain words → a ParsedTask (survey.md, "The task"). Operations are tried from the most specific
 * phrasing to the least, so "add a unique index" is an index and "add a NOT NULL column" a column.
 */
import type { Operation, ParsedTask } from "../types.js";
import { tableForModel } from "../names.js";
import { proposeName } from "./propose-name.js";
import { callTargets, dottedTargets, identifierAfter, namedColumn, namedTable, type Target } from "./targets.js";
import { TYPE_PATTERN, UPGRADE_TARGETS } from "./vocabulary.js";

/** A second request ("…; then drop X") is kept as free text rather than half-understood. */
const CLAUSE_BREAK = /\s*(?:[;.]\s+|;|,?\s+and then\s+|,?\s+then\s+|,?\s+and also\s+)(?:then\s+|also\s+)?\s*/i;
const VERSION = String.raw`v?(\d+(?:\.\d+)*(?:\.x)?)`;

export function parseTask(text: string): ParsedTask {
  const trimmed = text.trim().replace(/\s+/g, " ");
  const [main = "", ...rest] = trimmed.split(CLAUSE_BREAK);
  const task = blankTask(trimmed);
  task.flags = {
    concurrently: /\bconcurrent(ly)?\b|\bonline\b|without (a )?lock/i.test(main),
    notNull: /\bnot[\s_-]?null\b|\bnon[- ]?null(able)?\b|\bnull:\s*false\b/i.test(main),
    unique: /\bunique\b/i.test(main),
  };
  const upgrade = parseUpgrade(main);
  if (upgrade) {
    task.operation = "upgrade";
    task.upgrade = upgrade;
  } else {
    fillTargets(task, main);
    task.operation = operationOf(main, task);
    fillDetails(task, main);
  }
  task.unparsed = unparsedText(task, main, rest.join(". "));
  return task;
}

function blankTask(text: string): ParsedTask {
  return {
    text, operation: "unknown", table: null, model: null, column: null, columns: [], newName: null, newNameProposed: false,
    newType: null, default: null, references: null, otherTable: null,
    flags: { concurrently: false, notNull: false, unique: false }, upgrade: null, unparsed: null,
  };
}

function parseUpgrade(text: string): ParsedTask["upgrade"] {
  const lower = text.toLowerCase();
  const target = UPGRADE_TARGETS.find((name) => new RegExp(`(^|[^\\w.])${name.replace(".", "\\.")}(?![\\w])`, "i").test(lower));
  const verb = /\b(upgrade|bump|update|move)\b/i.test(text);
  const versions = new RegExp(VERSION).test(text);
  if (!target || !versions || !(verb || /\bfrom\b.*\bto\b/i.test(text))) return null;
  const name = target.replace(/\s+/g, "-");
  const from = new RegExp(String.raw`\bfrom\s+(?:[a-z.]+\s+)?${VERSION}`, "i").exec(text)?.[1]
    ?? new RegExp(String.raw`${target.replace(".", "\\.")}\s+${VERSION}\s+to\b`, "i").exec(text)?.[1] ?? null;
  const to = new RegExp(String.raw`\bto\s+(?:[a-z.]+\s+)?${VERSION}`, "i").exec(text)?.[1] ?? null;
  return { target: name, from, to };
}

function fillTargets(task: ParsedTask, text: string): void {
  const targets: Target[] = [...dottedTargets(text), ...callTargets(text)].sort((a, b) => a.start - b.start);
  const first = targets[0];
  if (first) {
    task.table = first.table;
    task.model = first.model;
    task.column = first.column;
    task.columns = first.columns;
  } else {
    const column = namedColumn(text);
    task.column = column?.name ?? null;
    task.columns = column ? [column.name] : [];
    const withoutColumn = column ? text.slice(0, column.start) + " " + text.slice(column.end) : text;
    task.table = namedTable(withoutColumn.replace(/\bto\s+\S+/gi, " ")) ?? namedTable(withoutColumn);
  }
  const second = targets[1];
  if (second) {
    if (task.columns.length === 1 && !/\b(to|into|referenc\w*)\b/i.test(text.slice(first?.end ?? 0, second.start))) {
      task.columns.push(...second.columns.filter((c) => !task.columns.includes(c)));
    } else {
      task.references = { table: second.table ?? tableForModel(second.model ?? ""), column: second.column };
    }
  }
  if (task.model && !task.table) task.table = tableForModel(task.model);
}

function operationOf(text: string, task: ParsedTask): Operation {
  const has = (pattern: RegExp) => pattern.test(text);
  const tableOnly = !task.column;
  if (has(/\bsplit\b/i)) return "split_table";
  if (has(/\b(merge|combine|consolidate)\b/i)) return "merge_tables";
  if (has(/\b(drop|remove|delete)\b[^.]*\bindex\b/i)) return "unknown";
  if (has(/(?<!re)\bindex\b|\bindexes\b/i)) return "add_index";
  if (has(/\bforeign[\s_-]?key\b|\bfk\b|\breferenc\w*\b/i)) return "add_foreign_key";
  if (has(/\bcheck\b/i) && has(/\bconstraint\b|[<>=]/i)) return "add_check";
  if (has(/\brenam\w*\b/i)) return tableOnly ? "rename_table" : "rename_column";
  if (has(/\b(drop|remove|delete)\b/i)) return tableOnly ? "drop_table" : "drop_column";
  if (has(/\b(add|create|introduce)\b/i) && !tableOnly && !has(/\bconstraint\b/i)
    && (has(/\b(column|field)\b/i) || TYPE_PATTERN.test(text) || has(/\bdefault\b/i))) return "add_column";
  if (has(/\b(add|create)\b[^.]*\b(column|field)\b/i)) return "add_column";
  if (has(/\bunique\b/i)) return "add_unique";
  if (task.flags.notNull || has(/\b(required|mandatory)\b/i)) return "add_not_null";
  if (typeAfterTo(text) || (has(/\btype\b/i) && TYPE_PATTERN.test(text))) return "change_type";
  if (has(/\b(backfill|populate|fill in|clean\s?up|dedupe|deduplicate|normali[sz]e|fix up)\b/i)) return "backfill";
  if (!tableOnly && identifierAfter(text, /\bto\b|->|→/)) return "rename_column";
  return "unknown";
}

function typeAfterTo(text: string): string | null {
  const match = new RegExp(String.raw`(?:\bto|\bas|->|→)\s+(?:an?\s+)?(?:type\s+)?${TYPE_PATTERN.source}`, "i").exec(text);
  return match ? match[0].replace(/^(to|as|->|→)\s+(an?\s+)?(type\s+)?/i, "").trim() : null;
}

function fillDetails(task: ParsedTask, text: string): void {
  const afterTarget = task.column ? text.slice(Math.max(0, text.indexOf(task.column) + task.column.length)) : text;
  if (task.operation === "rename_column" || task.operation === "rename_table") {
    const current = task.operation === "rename_column" ? task.column : task.table;
    const scope = task.operation === "rename_column" ? afterTarget : text.slice(text.toLowerCase().indexOf((current ?? "").toLowerCase()));
    const named = identifierAfter(scope, /\bto\b|\binto\b|\bas\b|->|→/);
    task.newName = named && named !== current ? named : null;
    if (!task.newName && current) {
      task.newName = proposeName(current);
      task.newNameProposed = true;
    }
  }
  if (task.operation === "change_type") task.newType = typeAfterTo(text) ?? lastType(text);
  if (task.operation === "add_column") task.newType = lastType(afterTarget) ?? lastType(text);
  task.default = /\bdefault(?:s)?\s+(?:value\s+)?(?:of\s+|to\s+|=\s*)?('[^']*'|"[^"]*"|[^\s,;]+)/i.exec(text)?.[1] ?? null;
  if (task.operation === "add_foreign_key" && !task.references) {
    const target = identifierAfter(afterTarget, /\breferenc\w*|\bto\b|\bon\b/);
    if (target) task.references = { table: target, column: null };
  }
  if (task.operation === "split_table" || task.operation === "merge_tables") task.otherTable = otherTable(task, text);
}

function lastType(text: string): string | null {
  const all = [...text.matchAll(new RegExp(TYPE_PATTERN.source, "gi"))];
  return all.at(-1)?.[0].trim() ?? null;
}

function otherTable(task: ParsedTask, text: string): string | null {
  const names = [...text.matchAll(/\b([a-z_][\w]*)\b/gi)].map((m) => m[1] ?? "")
    .filter((w) => /_|s$/.test(w) && w !== task.table && !/^(columns|tables|rows|fields|address|this|its|is|as|was|has|does)$/i.test(w));
  const after = identifierAfter(text, /\binto\b|\bwith\b|\band\b/);
  if (after && after !== task.table) return after;
  return names[0] ?? null;
}

function unparsedText(task: ParsedTask, main: string, rest: string): string | null {
  const parts: string[] = [];
  const missing =
    task.operation === "unknown" ||
    (task.operation !== "upgrade" && !task.table && !task.model) ||
    (["rename_column", "drop_column", "add_column", "change_type", "add_not_null"].includes(task.operation) && !task.column);
  if (missing) parts.push(main);
  if (rest.trim()) parts.push(rest.trim());
  return parts.length ? parts.join(" ") : null;
}
