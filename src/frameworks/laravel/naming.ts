/**
 * Laravel's names (Blueprint::createIndexName): `<table>_<columns>_<type>` lower-cased, `-` and `.` made `_` —
 * `users_email_unique`, `posts_user_id_foreign`, `pages_book_id_index`; a model's table by convention is the
 * snake case plural of its class (`BookShelf` → `book_shelves`), and `constrained()` points `user_id` at `users`.
 */
import { pluralize, underscore } from "../inflection.js";

export function indexName(table: string, columns: string[], type: "index" | "unique" | "primary" | "foreign" | "fulltext" | "spatialindex"): string {
  return `${table}_${columns.join("_")}_${type}`.toLowerCase().replace(/[-.]/g, "_");
}

/** `foreignId('author_id')->constrained()` → `authors`, as Blueprint's constrained() derives it. */
export function constrainedTable(column: string, key = "id"): string {
  const suffix = `_${key}`;
  const base = column.endsWith(suffix) ? column.slice(0, -suffix.length) : column;
  return pluralize(base);
}

/** An Eloquent model's table by convention: `Str::snake(Str::pluralStudly(class_basename($model)))`. */
export function tableOfModel(className: string): string {
  const base = className.split("\\").pop()!;
  const words = underscore(base).split("_");
  words[words.length - 1] = pluralize(words[words.length - 1]!);
  return words.join("_");
}
