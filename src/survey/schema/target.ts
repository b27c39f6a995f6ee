/**
 * Which table a name points to. Code names a table many ways (`users`, `User`, `current_user`,
 * `UserSerializer`, `index_users_on_email`), so names are compared word by word.
 */
import { singularize, words } from "../names.js";

export interface TableIdentity {
  /** The table's words in singular and plural: `newsletter_subscriptions` → [newsletter, subscription] and [newsletter, subscriptions]. */
  forms: string[][];
}

export function identityOf(...names: (string | null | undefined)[]): TableIdentity {
  const forms: string[][] = [];
  for (const name of names) {
    if (!name) continue;
    const parts = words(name);
    if (!parts.length) continue;
    const last = parts.at(-1)!;
    forms.push(parts, [...parts.slice(0, -1), singularize(last)]);
  }
  return { forms };
}

/** True when `name`'s words contain one of the identity's forms, in order (`current_user` names users). */
export function names(identity: TableIdentity, name: string): boolean {
  const parts = words(name);
  return identity.forms.some((form) => containsRun(parts, form));
}

function containsRun(parts: string[], run: string[]): boolean {
  if (!run.length || run.length > parts.length) return false;
  for (let i = 0; i + run.length <= parts.length; i++) {
    if (run.every((word, j) => parts[i + j] === word)) return true;
  }
  return false;
}

/** The first and last words of a multi-word table (`newsletter`, `subscription`): a weaker sign that code means that table. */
export function looseIdentity(identity: TableIdentity): TableIdentity {
  const forms = identity.forms.filter((f) => f.length > 1).flatMap((f) => [f.slice(0, 1), f.slice(-1)]);
  return { forms: forms.filter((f) => f[0] && f[0].length > 3) };
}
