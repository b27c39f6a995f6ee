/**
 * Sequelize's table naming (Model.init / define): `tableName` when given; otherwise the model name, as is
 * under `freezeTableName`, else pluralised (inflection's rules: `User` → `Users`, `Category` → `Categories`)
 * and underscored when `underscored: true`. Attribute columns: `field`, else the attribute name, underscored
 * under `underscored: true`.
 */
const IRREGULAR: Record<string, string> = { person: "people", man: "men", woman: "women", child: "children", mouse: "mice", goose: "geese", datum: "data", index: "indices", status: "statuses", matrix: "matrices", vertex: "vertices", quiz: "quizzes" };
const UNCOUNTABLE = new Set(["equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "news", "feedback", "metadata", "data"]);

export function pluralize(word: string): string {
  const lower = word.toLowerCase();
  const tail = Object.keys(IRREGULAR).find((singular) => lower.endsWith(singular));
  if (UNCOUNTABLE.has(lower) || [...UNCOUNTABLE].some((u) => lower.endsWith(u) && u.length > 4)) return word;
  if (tail) {
    const plural = IRREGULAR[tail]!;
    const head = word.slice(0, word.length - tail.length);
    const first = word[word.length - tail.length]!;
    return head + (first === first.toUpperCase() ? plural[0]!.toUpperCase() + plural.slice(1) : plural);
  }
  const last = lower.at(-1)!;
  const beforeLast = lower.at(-2) ?? "";
  if (last === "y" && !"aeiou".includes(beforeLast)) return `${word.slice(0, -1)}ies`;
  if (last === "s" || last === "x" || last === "z" || lower.endsWith("ch") || lower.endsWith("sh")) return `${word}es`;
  return `${word}s`;
}

/** inflection's `underscore`: `lastActiveAt` → `last_active_at`, `UserGroups` → `user_groups`. */
export function underscore(name: string): string {
  let out = "";
  for (let i = 0; i < name.length; i += 1) {
    const ch = name[i]!;
    const upper = ch !== ch.toLowerCase();
    const previous = name[i - 1];
    if (upper && i > 0 && previous !== "_" && previous !== undefined && (previous !== previous.toUpperCase() || /\d/.test(previous))) out += "_";
    out += ch.toLowerCase();
  }
  return out;
}

export function modelTableName(model: string, options: { tableName?: string | null; freezeTableName?: boolean; underscored?: boolean }): string {
  if (options.tableName) return options.tableName;
  if (options.freezeTableName) return model;
  const plural = pluralize(model);
  return options.underscored ? underscore(plural) : plural;
}

export function attributeColumnName(attribute: string, options: { field?: string | null; underscored?: boolean }): string {
  if (options.field) return options.field;
  return options.underscored ? underscore(attribute) : attribute;
}
