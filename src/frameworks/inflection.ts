/**
 * English inflection as ActiveSupport defines it (inflections.rb: plurals, singulars, irregulars, uncountables),
 * for the ORMs whose documented conventions derive table names from class names (Rails `tableize`, Laravel's
 * `Str::snake(Str::pluralStudly(…))`) and foreign key targets from column names (`user_id` → `users`).
 */

type Rule = [RegExp, string];

// Later rules take precedence, as in ActiveSupport: the lists are searched from the end.
const PLURALS: Rule[] = [
  [/$/, "s"],
  [/s$/i, "s"],
  [/^(ax|test)is$/i, "$1es"],
  [/(octop|vir)us$/i, "$1i"],
  [/(octop|vir)i$/i, "$1i"],
  [/(alias|status)$/i, "$1es"],
  [/(bu)s$/i, "$1ses"],
  [/(buffal|tomat)o$/i, "$1oes"],
  [/([ti])um$/i, "$1a"],
  [/([ti])a$/i, "$1a"],
  [/sis$/i, "ses"],
  [/(?:([^f])fe|([lr])f)$/i, "$1$2ves"],
  [/(hive)$/i, "$1s"],
  [/([^aeiouy]|qu)y$/i, "$1ies"],
  [/(x|ch|ss|sh)$/i, "$1es"],
  [/(matr|vert|ind)(?:ix|ex)$/i, "$1ices"],
  [/^(m|l)ouse$/i, "$1ice"],
  [/^(m|l)ice$/i, "$1ice"],
  [/^(ox)$/i, "$1en"],
  [/^(oxen)$/i, "$1"],
  [/(quiz)$/i, "$1zes"],
];

const SINGULARS: Rule[] = [
  [/s$/i, ""],
  [/(ss)$/i, "$1"],
  [/(n)ews$/i, "$1ews"],
  [/([ti])a$/i, "$1um"],
  [/((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$/i, "$1sis"],
  [/(^analy)(sis|ses)$/i, "$1sis"],
  [/([^f])ves$/i, "$1fe"],
  [/(hive)s$/i, "$1"],
  [/(tive)s$/i, "$1"],
  [/([lr])ves$/i, "$1f"],
  [/([^aeiouy]|qu)ies$/i, "$1y"],
  [/(s)eries$/i, "$1eries"],
  [/(m)ovies$/i, "$1ovie"],
  [/(x|ch|ss|sh)es$/i, "$1"],
  [/^(m|l)ice$/i, "$1ouse"],
  [/(bus)(es)?$/i, "$1"],
  [/(o)es$/i, "$1"],
  [/(shoe)s$/i, "$1"],
  [/(cris|test)(is|es)$/i, "$1is"],
  [/^(a)x[ie]s$/i, "$1xis"],
  [/(octop|vir)(us|i)$/i, "$1us"],
  [/(alias|status)(es)?$/i, "$1"],
  [/^(ox)en/i, "$1"],
  [/(vert|ind)ices$/i, "$1ex"],
  [/(matr)ices$/i, "$1ix"],
  [/(quiz)zes$/i, "$1"],
  [/(database)s$/i, "$1"],
];

const IRREGULAR: [string, string][] = [
  ["person", "people"],
  ["man", "men"],
  ["child", "children"],
  ["sex", "sexes"],
  ["move", "moves"],
  ["zombie", "zombies"],
];

const UNCOUNTABLE = new Set(["equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police"]);

function inflect(word: string, rules: Rule[], irregular: [string, string][]): string {
  const lastWord = word.split("_").pop()!.toLowerCase();
  if (UNCOUNTABLE.has(lastWord)) return word;
  for (const [from, to] of irregular) {
    // A word already in the target form stays; the first letter keeps its case.
    if (word.toLowerCase().endsWith(to)) return word;
    if (word.toLowerCase().endsWith(from)) return word.slice(0, word.length - from.length + 1) + to.slice(1);
  }
  for (let i = rules.length - 1; i >= 0; i -= 1) {
    const [pattern, replacement] = rules[i]!;
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

export function pluralize(word: string): string {
  return inflect(word, PLURALS, IRREGULAR);
}

export function singularize(word: string): string {
  return inflect(
    word,
    SINGULARS,
    IRREGULAR.map(([singular, plural]) => [plural, singular]),
  );
}

/** `OrderItem` → `order_item`, `HTMLPage` → `html_page`, `Admin::User` → `admin/user`. */
export function underscore(name: string): string {
  return name
    .replaceAll("::", "/")
    .replace(/([A-Z\d]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replaceAll("-", "_")
    .toLowerCase();
}
