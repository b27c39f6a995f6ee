import { MAX_COLLECTED_BYTES, RG_FILES_PER_CALL } from "./limits.js";
import { RG_BASE_FLAGS, runRipgrep } from "./ripgrep.js";
import { MAX_KEPT_LINE_CHARS, type ContentQuery, type FileHits, type SearchOutcome } from "./types.js";

/** Our name for a file-name filter handed to ripgrep as a type (`--type-add`), which respects .gitignore. */
const RG_TYPE_NAME = "migrationagent";

/**
 * Content search through ripgrep: `--null` after each path makes the output unambiguous whatever the file
 * names hold; rows are gathered per file and handed back unsorted. `paths` are what ripgrep searches;
 * `nameFilter` (file-name globs) narrows the files it walks.
 */
export async function rgSearch(
  rg: string,
  root: string,
  paths: string[],
  query: ContentQuery,
  nameFilter?: readonly string[],
): Promise<SearchOutcome> {
  const byPath = new Map<string, FileHits>();
  let bytes = 0;
  let truncated = false;
  const args = searchArgs(query, nameFilter);
  const onLine = (line: string): boolean => {
    bytes += line.length + 1;
    if (bytes > MAX_COLLECTED_BYTES) {
      truncated = true;
      return false;
    }
    if (query.mode === "files") {
      if (line) {
        byPath.set(stripDot(line), { path: stripDot(line), count: 1, lines: [] });
        query.onFile?.(stripDot(line));
      }
      return true;
    }
    const nul = line.indexOf("\0");
    if (nul === -1) return true; // the `--` between context groups: we draw our own
    const path = stripDot(line.slice(0, nul));
    const rest = line.slice(nul + 1);
    if (query.mode === "count") {
      byPath.set(path, { path, count: Number(rest), lines: [] });
      query.onFile?.(path);
      return true;
    }
    const number = /^(\d+)([:-])/.exec(rest);
    if (!number) return true;
    const text = rest.slice(number[0].length);
    let hits = byPath.get(path);
    if (!hits) {
      byPath.set(path, (hits = { path, count: 0, lines: [] }));
      query.onFile?.(path);
    }
    const match = number[2] === ":";
    if (match) hits.count += 1;
    hits.lines.push({ line: Number(number[1]), text: text.slice(0, MAX_KEPT_LINE_CHARS), length: text.length, match });
    return true;
  };
  for (let start = 0; start < paths.length && !truncated; start += RG_FILES_PER_CALL) {
    const batch = paths.slice(start, start + RG_FILES_PER_CALL);
    await runRipgrep(rg, [...args, "--", ...batch], root, {
      onLine,
      signal: query.signal,
      separator: query.mode === "files" ? "\0" : "\n",
    });
  }
  return { files: [...byPath.values()], truncated };
}

function searchArgs(query: ContentQuery, nameFilter: readonly string[] | undefined): string[] {
  const args: string[] = [...RG_BASE_FLAGS, "--max-filesize", "10M", "--null", "--no-messages", "--color", "never"];
  if (query.mode === "files") args.push("--files-with-matches");
  else if (query.mode === "count") args.push("--count", "--with-filename");
  else args.push("--line-number", "--with-filename", "--no-heading");
  if (query.ignoreCase) args.push("--ignore-case");
  else args.push("--case-sensitive");
  if (query.fixedStrings) args.push("--fixed-strings");
  if (query.wordBoundary) args.push("--word-regexp");
  if (query.multiline) args.push("--multiline", "--multiline-dotall");
  if (query.mode === "content") {
    if (query.after) args.push("--after-context", String(query.after));
    if (query.before) args.push("--before-context", String(query.before));
  }
  // `--glob` would override .gitignore (ripgrep lets globs win), so path globs are applied by the caller.
  if (nameFilter?.length) {
    for (const glob of nameFilter) args.push("--type-add", `${RG_TYPE_NAME}:${glob}`);
    args.push("--type", RG_TYPE_NAME);
  }
  args.push("--regexp", query.pattern);
  return args;
}

function stripDot(path: string): string {
  return path.startsWith("./") ? path.slice(2) : path;
}
