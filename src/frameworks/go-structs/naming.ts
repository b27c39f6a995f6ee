/**
 * GORM's default naming (schema.NamingStrategy): columns are the field name in snake_case with common
 * initialisms kept whole (`UserID` → `user_id`, `HTTPStatus` → `http_status`), tables the struct name in
 * snake_case, pluralised (`User` → `users`, `Category` → `categories`).
 */
export function gormSnake(name: string): string {
  let out = "";
  for (let i = 0; i < name.length; i += 1) {
    const ch = name[i]!;
    const isUpper = ch >= "A" && ch <= "Z";
    const previous = name[i - 1];
    const next = name[i + 1];
    const previousLower = previous !== undefined && ((previous >= "a" && previous <= "z") || (previous >= "0" && previous <= "9"));
    const nextLower = next !== undefined && next >= "a" && next <= "z";
    const previousUpper = previous !== undefined && previous >= "A" && previous <= "Z";
    if (isUpper && i > 0 && (previousLower || (previousUpper && nextLower))) out += "_";
    out += ch.toLowerCase();
  }
  return out;
}

export function gormPlural(word: string): string {
  if (word.endsWith("y") && !"aeiou".includes(word.at(-2) ?? "")) return `${word.slice(0, -1)}ies`;
  if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch") || word.endsWith("sh")) return `${word}es`;
  return `${word}s`;
}

export function gormTableName(struct: string): string {
  return gormPlural(gormSnake(struct));
}
