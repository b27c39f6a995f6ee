/**
 * The names code gives a column, and finding them on a line. A database name `last_login_at` is
 * also `lastLoginAt`, `LastLoginAt`, `getLastLoginAt`, `last_login_at=`; `loginip` may be `loginIp`.
 * So the search is one case-insensitive pattern on the squashed forms, and each hit is checked
 * token by token here.
 */
import { squash } from "../names.js";

/** Prefixes and suffixes code adds around a column name (accessors, finders, Django lookups and form hooks). */
const PREFIXES = ["", "get", "set", "is", "has", "findby", "findoneby", "findallby", "find_by_", "find_all_by_", "where", "orderby", "clean_", "validate_", "with"];
const SUFFIX = /(?:__\w+|_changed|_was|_before_last_save|_previously_changed)$/;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The one search pattern for a column and its mapped names (used with ignoreCase, no word boundary). */
export function searchPattern(names: string[]): string {
  const forms = new Set<string>();
  for (const name of names) {
    forms.add(name.toLowerCase());
    forms.add(squash(name));
  }
  const list = [...forms].filter(Boolean).sort((a, b) => b.length - a.length);
  return list.filter((form) => !list.some((other) => other !== form && form.includes(other))).map(escapeRegExp).join("|");
}

/** Translation lookups (`t('admin.accounts.email')`, `__('users.email')`, `_("Email")`): their keys are labels, not the column. */
const I18N_KEY = /(?<![\w$.])(?:I18n\.t|i18n\.t|\$t|t|__|trans|gettext|_)\(\s*(["'])[\w.:-]*\1/g;

export function withoutTranslationKeys(line: string): string {
  return line.replace(I18N_KEY, "");
}

/** The first token on `line` that is one of `names` under code conventions, or null. */
const wantedSets = new WeakMap<string[], Set<string>>();

export function matchedName(line: string, names: string[]): string | null {
  let wanted = wantedSets.get(names);
  if (!wanted) {
    wanted = new Set(names.map(squash));
    wantedSets.set(names, wanted);
  }
  for (const token of line.match(/[A-Za-z_$][\w$]*[=?!]?/g) ?? []) {
    const bare = token.replace(/[=?!]$/, "").replace(SUFFIX, "").toLowerCase();
    for (const prefix of PREFIXES) {
      if (!bare.startsWith(prefix)) continue;
      const rest = squash(bare.slice(prefix.length));
      if (wanted.has(rest) && (prefix === "" || prefix.endsWith("_") || /[A-Z]/.test(token.charAt(prefix.length)))) return token.replace(/[=?!]$/, "");
    }
  }
  return null;
}

/**
 * A code name declared for a database name (`@map`, `db_column`, `@Column({ name })`…). Each pattern is built from
 * two regex fragments, one of them the capture: the code name for a known column, or the column for a known code name.
 */
/** `@Column({ name: "c" })`, `@CreateDateColumn({ name: "c" })`…: a decorator naming the database column `c` (a regex fragment). */
export const namedColumnDecorator = (c: string) => String.raw`@\w*Column\([^)]*\bname\s*[:=]\s*["']${c}["']`;

const MAPPINGS: ((code: string, db: string) => RegExp)[] = [
  (n, c) => new RegExp(String.raw`^\s*${n}\s+\w+[?\[\]]*\s.*@map\(\s*(?:name:\s*)?"${c}"\s*\)`),
  (n, c) => new RegExp(String.raw`^\s*${n}\s*=\s*models\.\w+\(.*\bdb_column\s*=\s*["']${c}["']`),
  (n, c) => new RegExp(String.raw`^\s*${n}\s*(?::[^=]+)?=\s*(?:sa\.|db\.|sqlalchemy\.)?(?:Column|mapped_column)\(\s*["']${c}["']`),
  (n, c) => new RegExp(String.raw`^\s*${n}\s*:\s*\w+\(\s*["'\x60]${c}["'\x60]`),
  (n, c) => new RegExp(String.raw`\balias_attribute\s+:${n}\s*,\s*:${c}\b`),
  (n, c) => new RegExp(String.raw`\bfield\s+:${n}\s*,.*\bsource:\s*:${c}\b`),
  (n, c) => new RegExp(String.raw`^\s*${n}\s+[\w.*\[\]]+\s+\x60[^\x60]*\b(?:db|gorm|bun|sql|pg)\s*:\s*"(?:column:)?${c}[",;]`),
  (n, c) => new RegExp(String.raw`${namedColumnDecorator(c)}[^)]*\)\s*(?:(?:private|public|protected|readonly)\s+)*(?:[\w<>]+\s+)?${n}[!?]?\s*[:;=]`),
  (n, c) => new RegExp(String.raw`^\s*${n}\s*:\s*\{[^}]*\bfield\s*:\s*["']${c}["']`),
];
const CAPTURE = String.raw`(\w+)`;
/** Mappings whose code name is on the next line (an annotation above a property). */
const NEXT_LINE = (c: string) => new RegExp(String.raw`(?:${namedColumnDecorator(c)}|\bfield\s*:\s*["']${c}["'])`);
const DECORATOR_ABOVE = new RegExp(namedColumnDecorator(CAPTURE));
const PROPERTY = /^\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:(?:private|public|protected|readonly|declare)\s+)*(?:[\w<>[\]?]+\s+)?(\w+)[!?]?\s*[:;=]/;

const compiledMappings = new Map<string, { mappings: RegExp[]; nextLine: RegExp }>();

export function mappedNames(lines: string[], index: number, column: string): string[] {
  let patterns = compiledMappings.get(column);
  if (!patterns) {
    const c = escapeRegExp(column);
    patterns = { mappings: MAPPINGS.map((mapping) => mapping(CAPTURE, c)), nextLine: NEXT_LINE(c) };
    compiledMappings.set(column, patterns);
  }
  const line = lines[index] ?? "";
  const found: string[] = [];
  for (const mapping of patterns.mappings) {
    const name = mapping.exec(line)?.[1];
    if (name && name.toLowerCase() !== column.toLowerCase()) found.push(name);
  }
  if (!found.length && patterns.nextLine.test(line)) {
    for (const next of lines.slice(index + 1, index + 3)) {
      const name = PROPERTY.exec(next)?.[1];
      if (name && !/^(type|nullable|unique|length|default|name)$/.test(name)) {
        if (name.toLowerCase() !== column.toLowerCase()) found.push(name);
        break;
      }
    }
  }
  if (!found.length && /\bfield\s*:\s*["']/.test(line)) {
    for (const previous of lines.slice(Math.max(0, index - 4), index).reverse()) {
      const name = /^\s*(\w+)\s*:\s*\{/.exec(previous)?.[1];
      if (name) {
        if (name.toLowerCase() !== column.toLowerCase()) found.push(name);
        break;
      }
    }
  }
  return found;
}

/**
 * The database name a code name is mapped to on its declaration (`shareId String @map("share_id")`, a decorator
 * above, a Sequelize attribute's `field:` below), or null when the declaration maps nothing.
 */
export function databaseNameOf(lines: string[], index: number, codeName: string): string | null {
  const n = escapeRegExp(codeName);
  const line = lines[index] ?? "";
  for (const mapping of MAPPINGS) {
    const db = mapping(n, CAPTURE).exec(line)?.[1];
    if (db) return db;
  }
  for (const above of lines.slice(Math.max(0, index - 2), index).reverse()) {
    const db = DECORATOR_ABOVE.exec(above)?.[1];
    if (db) return db;
  }
  if (new RegExp(String.raw`^\s*${n}\s*:\s*\{\s*$`).test(line)) {
    for (const below of lines.slice(index + 1, index + 6)) {
      const db = /\bfield\s*:\s*["'](\w+)["']/.exec(below)?.[1];
      if (db) return db;
      if (/^\s*\}/.test(below)) break;
    }
  }
  return null;
}
