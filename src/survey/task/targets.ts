/**
 * Finding the table and column a task names: `users.email`, `"User".email`, `User.email`,
 * `public.users.email`, `orders(created_at, status)`, "column email on users", "the users table".
 */
import { STOPWORDS, TYPE_PATTERN } from "./vocabulary.js";

const IDENT = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)`;
const DOTTED = new RegExp(String.raw`(?<![\w.])(${IDENT})\.(${IDENT})(?:\.(${IDENT}))?(?![\w(])`, "g");
const CALL_FORM = new RegExp(String.raw`\b(${IDENT})\s*\(\s*(${IDENT}(?:\s*,\s*${IDENT})*)\s*\)`, "g");

export interface Target {
  table: string | null;
  model: string | null;
  column: string | null;
  columns: string[];
  start: number;
  end: number;
}

export function unquote(name: string): string {
  return name.replace(/^["\x60[]|["\x60\]]$/g, "");
}

function isQuoted(name: string): boolean {
  return /^["\x60[]/.test(name);
}

/** A bare capitalised name (`User`) is a model; a quoted one (`"User"`) is the table as the database spells it. */
function tableOrModel(raw: string): { table: string | null; model: string | null } {
  if (!isQuoted(raw) && /^[A-Z][a-z]/.test(raw)) return { table: null, model: raw };
  return { table: unquote(raw), model: null };
}

/** `a.b` and `schema.a.b` mentions, in order; file names (`schema.rb`) and versions are not targets. */
export function dottedTargets(text: string): Target[] {
  const found: Target[] = [];
  for (const match of text.matchAll(DOTTED)) {
    const [whole, first = "", second = "", third] = match;
    if (/^(rb|py|ts|js|sql|xml|yaml|yml|json|php|exs|ex|go|java|kt|toml|md|prisma)$/i.test(unquote(third ?? second))) continue;
    const [owner, column] = third ? [second, third] : [first, second];
    const who = tableOrModel(owner);
    const col = unquote(column);
    found.push({ ...who, column: col, columns: [col], start: match.index, end: match.index + whole.length });
  }
  return found;
}

/** `orders(created_at, status)`: the index and constraint form. */
export function callTargets(text: string): Target[] {
  const found: Target[] = [];
  for (const match of text.matchAll(CALL_FORM)) {
    const [whole, owner = "", list = ""] = match;
    if (STOPWORDS.has(unquote(owner).toLowerCase()) || /^(varchar|numeric|decimal|char)$/i.test(owner)) continue;
    const columns = list.split(",").map((c) => unquote(c.trim()));
    const who = tableOrModel(owner);
    found.push({ ...who, column: columns[0] ?? null, columns, start: match.index, end: match.index + whole.length });
  }
  return found;
}

/** The type pattern without its capture groups, so it does not shift the name's group. */
const TYPE_WORD = TYPE_PATTERN.source.replace(/(?<!\\)\((?!\?)/g, "(?:");
/** Words that may stand between the article and the name: `a NOT NULL plan column`, `a nullable text archived_at column`. */
const MODIFIERS = String.raw`(?:(?:not[\s_-]?null|non[- ]?null(?:able)?|nullable|unique|required|optional|new|indexed|${TYPE_WORD})\s+)*`;

/** The word after "column"/"field" or before "column": `column email`, `the email column`, `a NOT NULL plan column`. */
export function namedColumn(text: string): { name: string; start: number; end: number } | null {
  const after = new RegExp(String.raw`\b(?:column|field|attribute)\s+(${IDENT})`, "i").exec(text);
  const before = new RegExp(String.raw`(?:\bthe\s+|\ba\s+|\ban\s+|^)${MODIFIERS}(${IDENT})\s+(?:column|field|attribute)\b`, "i").exec(text);
  for (const match of [after, before]) {
    const name = match?.[1];
    if (match && name && !STOPWORDS.has(unquote(name).toLowerCase())) {
      return { name: unquote(name), start: match.index, end: match.index + match[0].length };
    }
  }
  return null;
}

/** The table named by "on/in/of/from/to (the) X (table)" or "table X" / "the X table". */
export function namedTable(text: string): string | null {
  const patterns = [
    new RegExp(String.raw`\btable\s+(${IDENT})`, "i"),
    new RegExp(String.raw`\b(?:the\s+)?(${IDENT})\s+table\b`, "i"),
    new RegExp(String.raw`\b(?:on|in|of|from|to|into)\s+(?:the\s+)?(${IDENT})(?:\s+table)?\b`, "i"),
  ];
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, "gi");
    for (const match of text.matchAll(global)) {
      const name = match[1];
      if (name && !STOPWORDS.has(unquote(name).toLowerCase()) && !/^\d/.test(name)) return unquote(name);
    }
  }
  return null;
}

/** The identifier that follows `word` (e.g. the new name after "to"), quotes removed, or null. */
export function identifierAfter(text: string, word: RegExp): string | null {
  const match = new RegExp(String.raw`(?:${word.source})\s+(?:the\s+)?(${IDENT}(?:\.${IDENT})?)`, "i").exec(text);
  const raw = match?.[1];
  if (!raw) return null;
  const last = raw.split(".").pop() ?? raw;
  return unquote(last);
}
