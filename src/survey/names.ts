/**
 * Name conventions: how a database name becomes the names code gives it (camelCase, PascalCase,
 * accessors), and the English plural rules ORMs use to map a model to its table.
 */

const IRREGULAR: Record<string, string> = {
  person: "people", man: "men", woman: "women", child: "children", mouse: "mice", goose: "geese",
  ox: "oxen", datum: "data", index: "indices", status: "statuses", quiz: "quizzes",
};
const UNCOUNTABLE = new Set(["equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "news", "data", "metadata"]);
const IRREGULAR_SINGULAR = Object.fromEntries(Object.entries(IRREGULAR).map(([s, p]) => [p, s]));

const wordCache = new Map<string, string[]>();
const WORD_CACHE_LIMIT = 100_000;

/** Splits `last_login_at`, `lastLoginAt`, `LastLoginAT`, `last-login` into lower-case words (cached: the survey asks often). */
export function words(name: string): string[] {
  let cached = wordCache.get(name);
  if (!cached) {
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    cached = splitWords(name);
    wordCache.set(name, cached);
  }
  return cached;
}

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function snakeCase(name: string): string {
  return words(name).join("_");
}

export function camelCase(name: string): string {
  const [first = "", ...rest] = words(name);
  return first + rest.map(capitalize).join("");
}

export function pascalCase(name: string): string {
  return words(name).map(capitalize).join("");
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Lower case with separators removed: `last_login_at` and `LastLoginAt` both give `lastloginat`. */
export function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function pluralize(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return word;
  if (IRREGULAR[lower]) return keepCase(word, IRREGULAR[lower]);
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

export function singularize(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return word;
  if (IRREGULAR_SINGULAR[lower]) return keepCase(word, IRREGULAR_SINGULAR[lower]);
  if (/ies$/i.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/ses$/i.test(word)) return word.slice(0, -1);
  if (/[^s]s$/i.test(word) && !/(us|is)$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** Pluralizes the last word of a snake or camel name: `newsletter_subscription` → `newsletter_subscriptions`. */
export function pluralizeName(name: string): string {
  const parts = snakeCase(name).split("_");
  const last = parts.pop() ?? "";
  return [...parts, pluralize(last)].join("_");
}

export function singularizeName(name: string): string {
  const parts = snakeCase(name).split("_");
  const last = parts.pop() ?? "";
  return [...parts, singularize(last)].join("_");
}

/** The table an ORM derives from a model class by default: `NewsletterSubscription` → `newsletter_subscriptions`. */
export function tableForModel(model: string): string {
  return pluralizeName(model);
}

export function modelForTable(table: string): string {
  return pascalCase(singularizeName(table));
}

/**
 * Every name code may give a column: the database name, camelCase, PascalCase, accessors.
 * Lower-case names (`loginip`) cannot be split, which is why matching compares squashed names.
 */
export function codeNamesFor(column: string, mapped: string[] = []): string[] {
  const names = new Set<string>([column, camelCase(column), pascalCase(column)]);
  for (const name of [column, ...mapped]) {
    names.add(name);
    names.add(`get${pascalCase(name)}`);
    names.add(`set${pascalCase(name)}`);
  }
  for (const name of mapped) names.add(camelCase(name));
  if (/^[a-z0-9_]+$/.test(column)) names.add(`${column}=`);
  return [...names].filter(Boolean);
}

function keepCase(original: string, replacement: string): string {
  return /^[A-Z]/.test(original) ? capitalize(replacement) : replacement;
}
