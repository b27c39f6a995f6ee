import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { join } from "node:path";
import { ToolFailure } from "../errors.js";
import { isSecretPath } from "../workspace/secret-files.js";
import { compileGlobs, nameOnlyGlob, type PathMatcher } from "./glob.js";
import { MAX_SEARCH_FILE_BYTES } from "./limits.js";
import { ownSearch } from "./own-search.js";
import { findRipgrep } from "./ripgrep.js";
import { rgSearch } from "./rg-search.js";
import type { ContentQuery, SearchOutcome } from "./types.js";
import { keepVisible } from "./visible.js";
import { walkFiles } from "./walk.js";

export type { ContentQuery, FileHits, HitLine, SearchMode, SearchOutcome } from "./types.js";
export { FILE_TYPES, typeGlobs } from "./file-types.js";
export { findRipgrep } from "./ripgrep.js";
export { listFiles, listFilesNewestFirst, type ListOptions } from "./list-files.js";

export interface Match {
  path: string;
  line: number;
  text: string;
}

/** Content search as structured matches, sorted by path then line; for the survey, which calls it often. */
export async function findMatches(
  root: string,
  query: {
    pattern: string;
    ignoreCase?: boolean;
    fixedStrings?: boolean;
    wordBoundary?: boolean;
    under?: string;
    files?: string[];
    signal?: AbortSignal;
    maxMatches?: number;
    onFile?: (path: string) => void;
  },
): Promise<Match[]> {
  const outcome = await searchContent(root, { ...query, mode: "content" });
  const matches: Match[] = [];
  for (const file of outcome.files) {
    for (const hit of file.lines) matches.push({ path: file.path, line: hit.line, text: hit.text });
  }
  return query.maxMatches === undefined ? matches : matches.slice(0, query.maxMatches);
}

/**
 * The one content search behind Grep and the survey: ripgrep when there is one, our own search otherwise,
 * the same answer either way. Files come back sorted by path.
 */
export async function searchContent(root: string, query: ContentQuery): Promise<SearchOutcome> {
  const escapedNewline = !query.fixedStrings && /(^|[^\\])(\\\\)*\\n/.test(query.pattern);
  if (!query.multiline && (escapedNewline || query.pattern.includes("\n"))) {
    // ripgrep refuses this too; one sentence for both engines.
    throw new ToolFailure("The pattern matches a line break, which needs multiline: true.");
  }
  const rg = findRipgrep();
  const under = query.under ?? "";
  const typeFilter = query.typeGlobs?.length ? compileGlobs([...query.typeGlobs]) : undefined;
  const globFilter = query.globs?.length ? compileGlobs(query.globs) : undefined;
  let outcome: SearchOutcome;
  if (query.files) {
    const files = query.files.filter((path) => !isSecretPath(path));
    outcome = rg ? await rgSearch(rg, root, files, query) : await ownSearch(root, files, query);
  } else if (under !== "" && !(await stat(join(root, under)).catch(() => undefined))) {
    return { files: [], truncated: false };
  } else if (under !== "" && (await stat(join(root, under))).isFile()) {
    // A file named on purpose is searched whatever the ignore rules and globs say, as ripgrep does.
    if (!(await isSearchable(join(root, under)))) return { files: [], truncated: false };
    outcome = rg ? await rgSearch(rg, root, [under], query) : await ownSearch(root, [under], query);
  } else if (rg) {
    // ripgrep narrows by file name (a type); the exact glob and type rules are applied here, as in our own search.
    outcome = await rgSearch(rg, root, [under || "."], query, nameFilter(query));
    const visible = new Set(await keepVisible(root, under, outcome.files.map((file) => file.path)));
    outcome.files = outcome.files.filter(
      (file) => visible.has(file.path) && (!globFilter || globFilter(file.path)) && (!typeFilter || byName(typeFilter, file.path)),
    );
  } else {
    const files = (await walkFiles(root, under, query.signal))
      .filter((path) => (!globFilter || globFilter(path)) && (!typeFilter || byName(typeFilter, path)))
      .sort(byPath);
    outcome = await ownSearch(root, files, query);
  }
  outcome.files.sort((a, b) => byPath(a.path, b.path));
  return outcome;
}

/** File-name globs ripgrep can narrow by without overriding .gitignore: the glob's if it is one, else the type's. */
function nameFilter(query: ContentQuery): readonly string[] | undefined {
  if (query.globs?.length) {
    const names = query.globs.map(nameOnlyGlob);
    if (names.every((name) => name !== undefined)) return names as string[];
  }
  return query.typeGlobs;
}

/** The binary and size rules for a file ripgrep would search as named: no NUL byte, at most 10 MiB. */
async function isSearchable(path: string): Promise<boolean> {
  // A pipe or device is never searched: non-blocking open, so one swapped in after the caller's stat cannot hang.
  if (!(await stat(path)).isFile()) return false;
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_SEARCH_FILE_BYTES) return false;
    const buffer = await handle.readFile();
    return buffer.indexOf(0) === -1;
  } finally {
    await handle.close();
  }
}

function byName(matcher: PathMatcher, path: string): boolean {
  return matcher(path.slice(path.lastIndexOf("/") + 1));
}

export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
