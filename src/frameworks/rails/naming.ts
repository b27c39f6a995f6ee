/**
 * The names Rails gives what a migration does not name (schema_statements.rb): indexes
 * `index_<table>_on_<a>_and_<b>` (shortened with a hash past 62 bytes from 7.1), foreign keys
 * `fk_rails_<sha256[0,10]>`, check constraints `chk_rails_<sha256[0,10]>`; and the tables of models and
 * references, plural snake case.
 */
import { createHash } from "node:crypto";
import { pluralize, singularize, underscore } from "../inflection.js";

const MAX_INDEX_NAME = 62;

function sha10(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}

/** An expression's words joined (`lower(email)` → `lower_email`), as Rails names an expression index. */
function nameWords(column: string): string {
  return /\W/.test(column) ? (column.match(/\w+/g) ?? []).join("_") : column;
}

export function indexName(table: string, columns: string[], legacy: boolean): string {
  const words = columns.map(nameWords);
  const name = `index_${table}_on_${words.join("_and_")}`;
  if (legacy || Buffer.byteLength(name) <= MAX_INDEX_NAME) return name;
  const hashed = `_${createHash("sha256").update(name).digest("hex").slice(0, 10)}`;
  const short = `idx_on_${words.join("_")}`;
  return `${Buffer.from(short).subarray(0, MAX_INDEX_NAME - hashed.length).toString()}${hashed}`;
}

export function foreignKeyName(table: string, columns: string[]): string {
  return `fk_rails_${sha10(`${table}_${columns.join("_and_")}_fk`)}`;
}

export function checkConstraintName(table: string, expression: string): string {
  return `chk_rails_${sha10(`${table}_${expression}_chk`)}`;
}

/** `:user` → `users`, the table a reference points at unless `to_table:` says otherwise. */
export function referencedTable(reference: string): string {
  return pluralize(reference);
}

/** `users` → `user_id`, the column `add_foreign_key :posts, :users` uses unless `column:` says otherwise. */
export function foreignKeyColumn(toTable: string): string {
  return `${singularize(toTable)}_id`;
}

/** A model class's table by convention: `OrderItem` → `order_items`; a namespace is dropped (`Admin::User` → `users`). */
export function tableOfModel(className: string): string {
  const base = className.split("::").pop()!;
  return pluralize(underscore(base));
}

/** `create_join_table :users, :roles` → `roles_users`, the two names sorted, a shared prefix kept once. */
export function joinTableName(a: string, b: string): string {
  const [first, second] = [a, b].sort();
  const prefix = commonPrefix(first!, second!);
  if (prefix) return `${prefix}${first!.slice(prefix.length)}_${second!.slice(prefix.length)}`;
  return `${first}_${second}`;
}

/** The longest shared prefix that ends with `_` and leaves both names a rest (`music_artists`, `music_records` → `music_`). */
function commonPrefix(a: string, b: string): string {
  for (let cut = a.lastIndexOf("_"); cut >= 0; cut = a.lastIndexOf("_", cut - 1)) {
    const prefix = a.slice(0, cut + 1);
    if (b.startsWith(prefix) && a.length > prefix.length && b.length > prefix.length) return prefix;
    if (cut === 0) break;
  }
  return "";
}
