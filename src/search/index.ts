import { open, stat } from "node:fs/promises";
import { join } from "node:path";
import { ToolFailure } from "../errors.js";
import { isSecretPath } from "../workspace/secret-files.js";
import { compileGlob, compileGlobs, nameOnlyGlob, type PathMatcher } from "./glob.js";
import { ancestorScopes, isIgnored, loadGitignore, type IgnoreScope } from "./gitignore.js";
import { MAX_SEARCH_FILE_BYTES } from "./limits.js";
import { ownSearch } from "./own-search.js";
import { findRipgrep, RG_BASE_FLAGS, runRipgrep } from "./ripgrep.js";
import { rgSearch } from "./rg-search.js";
import type { ContentQuery, SearchOutcome } from "./types.js";
import { walkFiles } from "./walk.js";

export type { ContentQuery, FileHits, HitLine, SearchMode, SearchOutcome } from "./types.js";
export { FILE_TYPES, typeGlobs } from "./file-types.js";
export { findRipgrep } from "./ripgrep.js";

/**
 * The repo's file set of tools.md (every .gitignore in the tree, hidden files, no .git/, no secret files,
 * symlinks not followed) as sorted repo-relative POSIX paths. `under` is a repo-relative folder; `glob`
 * keeps only the files it matches, taken relative to `under` (Glob's pattern).
 */
export async function listFiles(
  root: string,
  options: { under?: string; glob?: string; signal?: AbortSignal } = {},
): Promise<string[]> {
  const under = options.under ?? "";
  const rg = findRipgrep();
  let files: string[];
  if (rg) {
    files = [];
    const args = ["--files", "--null", "--no-messages", ...RG_BASE_FLAGS];
    // ripgrep narrows by file name (far less output); our glob below stays the one that decides.
    const name = options.glob === undefined ? undefined : nameOnlyGlob(options.glob);
    if (name) args.push("--type-add", `listed:${name}`, "--type", "listed");
    await runRipgrep(rg, [...args, "--", under || "."], root, {
      onLine: (line) => {
        if (line) files.push(stripDot(line));
      },
      signal: options.signal,
      separator: "\0",
    });
    files = await keepVisible(root, under, files);
  } else {
    files = await walkFiles(root, under, options.signal);
  }
  if (options.glob !== undefined) {
    const matches = compileGlob(options.glob);
    files = files.filter((path) => matches(under === "" ? path : path.slice(under.length + 1)));
  }
  return files.sort(byPath);
}

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

/**
 * ripgrep's view minus what it cannot know: secret files, and the .gitignore files above `under` (which
 * `--no-ignore-parent` leaves out). A file's own chain is rebuilt so a deeper `!rule` still wins.
 */
async function keepVisible(root: string, under: string, paths: string[]): Promise<string[]> {
  const ancestors = await ancestorScopes(root, under);
  const visible = paths.filter((path) => !isSecretPath(path));
  if (ancestors.length === 0) return visible;
  const scopes = new Map<string, Promise<IgnoreScope | undefined>>();
  const scopeOf = (dir: string) => {
    let scope = scopes.get(dir);
    if (!scope) scopes.set(dir, (scope = loadGitignore(root, dir)));
    return scope;
  };
  const kept = await Promise.all(
    visible.map(async (path) => {
      const parts = path.slice(under.length + 1).split("/");
      const chain = [...ancestors];
      for (let depth = 0; depth < parts.length; depth++) {
        const dir = [under, ...parts.slice(0, depth)].join("/");
        const scope = await scopeOf(dir);
        if (scope) chain.push(scope);
        const isDir = depth < parts.length - 1;
        if (isIgnored(chain, `${under}/${parts.slice(0, depth + 1).join("/")}`, isDir)) return false;
      }
      return true;
    }),
  );
  return visible.filter((_, index) => kept[index]);
}

/** The binary and size rules for a file ripgrep would search as named: no NUL byte, at most 10 MiB. */
async function isSearchable(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size > MAX_SEARCH_FILE_BYTES) return false;
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

function stripDot(path: string): string {
  return path.startsWith("./") ? path.slice(2) : path;
}
