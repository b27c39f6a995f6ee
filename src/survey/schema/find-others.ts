/**
 * Tables (or models) other than the target where the same column is declared, and the other
 * columns declared beside it on each side (a file that uses `display_name` too is about users).
 */
import type { Match } from "../../search/index.js";
import { squash, words } from "../names.js";
import { blockColumns } from "./block-columns.js";
import { isDeclaration } from "./declaration-line.js";
import type { MatchedFiles } from "./matched-files.js";
import { enclosingNames } from "./table-context.js";
import type { TableIdentity } from "./target.js";
import type { Tables } from "./which-table.js";

/** Columns most tables have: they say nothing about which table a file means. */
const GENERIC_COLUMNS = new Set(["id", "createdat", "updatedat", "insertedat", "deletedat", "name", "type", "status", "uuid"]);
/** Names a migration class or framework base class, never a table. */
const NOT_A_TABLE = /^(Migration|Meta|Schema|Base|Model|ApplicationRecord|ActiveRecord|Config|Repo|t|table|Blueprint)$|^(Create|Add|Alter|Remove|Drop|Change|Rename|Update|Init)[A-Z0-9]/;

export async function findOthers(
  matches: Match[], files: MatchedFiles, names: string[], target: TableIdentity,
): Promise<{ others: string[]; siblings: Tables["siblings"] }> {
  const found = new Set<string>();
  const columns = { target: new Set<string>(), other: new Set<string>() };
  const own = new Set(names.map(squash));
  const declarationLike = matches.filter((m) => isDeclaration(m.text, names));
  await files.prefetch(declarationLike.map((m) => m.path));
  for (const match of declarationLike) {
    if (!(await files.declares(match.path))) continue;
    const fileLines = await files.lines(match.path);
    for (const opener of enclosingNames(fileLines, match.line - 1)) {
      if (own.has(squash(opener.name)) || NOT_A_TABLE.test(opener.name) || !words(opener.name).length) continue;
      if (/^\s*(from|import)\s/.test(fileLines[opener.line - 1] ?? "")) continue;
      const isTarget = sameName(target, opener.name);
      if (!isTarget) found.add(opener.name);
      for (const name of blockColumns(fileLines, opener.line)) (isTarget ? columns.target : columns.other).add(squash(name));
      break;
    }
  }
  const shared = (name: string) => own.has(name) || GENERIC_COLUMNS.has(name) || (columns.target.has(name) && columns.other.has(name));
  return {
    others: [...found],
    siblings: { target: new Set([...columns.target].filter((n) => !shared(n))), other: new Set([...columns.other].filter((n) => !shared(n))) },
  };
}

function sameName(identity: TableIdentity, name: string): boolean {
  const parts = words(name);
  return identity.forms.some((form) => form.length === parts.length && form.every((w, i) => parts[i] === w));
}
