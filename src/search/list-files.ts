import { isSecretPath } from "../workspace/secret-files.js";
import { compileGlob, nameOnlyGlob } from "./glob.js";
import { byNewest, modifiedTimes, newestFirst } from "./newest-first.js";
import { findRipgrep, RG_BASE_FLAGS, runRipgrep } from "./ripgrep.js";
import { keepUnderAncestors } from "./visible.js";
import { walkFiles } from "./walk.js";

export interface ListOptions {
  /** A repo-relative folder; "" (the default) for the whole repo. */
  under?: string;
  /** Keeps only the files it matches, taken relative to `under` (Glob's pattern). */
  glob?: string;
  signal?: AbortSignal;
}

/**
 * The repo's file set of tools.md (every .gitignore in the tree, hidden files, no .git/, no secret files,
 * symlinks not followed) as sorted repo-relative POSIX paths.
 */
export async function listFiles(root: string, options: ListOptions = {}): Promise<string[]> {
  // The default sort compares UTF-16 code units, as byPath does, without a call per comparison.
  return (await collectFiles(root, findRipgrep(), options)).sort();
}

/**
 * The same files in Glob's order (newestFirst). With ripgrep, each file is stat'ed as ripgrep names it,
 * so the stats overlap ripgrep's walk instead of following it.
 */
export async function listFilesNewestFirst(root: string, options: ListOptions = {}): Promise<string[]> {
  const rg = findRipgrep();
  if (!rg) return newestFirst(root, await collectFiles(root, rg, options));
  const times = new Map<string, number>();
  const timeOf = modifiedTimes(root);
  const files = await collectFiles(root, rg, options, (path) => times.set(path, timeOf(path)));
  return byNewest(files, times);
}

/** The listing, unsorted; `onFile` sees each kept file as soon as it is known (before the ancestors' rules). */
async function collectFiles(root: string, rg: string | undefined, options: ListOptions, onFile?: (path: string) => void): Promise<string[]> {
  const under = options.under ?? "";
  const matches = options.glob === undefined ? undefined : compileGlob(options.glob);
  const wanted = (path: string) => !matches || matches(under === "" ? path : path.slice(under.length + 1));
  if (!rg) return (await walkFiles(root, under, options.signal)).filter(wanted);
  const files: string[] = [];
  const args = ["--files", "--null", "--no-messages", ...RG_BASE_FLAGS];
  // ripgrep narrows by file name (far less output); our glob stays the one that decides.
  const name = options.glob === undefined ? undefined : nameOnlyGlob(options.glob);
  if (name) args.push("--type-add", `listed:${name}`, "--type", "listed");
  await runRipgrep(rg, [...args, "--", under || "."], root, {
    onLine: (line) => {
      if (!line) return;
      const path = line.startsWith("./") ? line.slice(2) : line;
      if (!wanted(path) || isSecretPath(path)) return;
      files.push(path);
      onFile?.(path);
    },
    signal: options.signal,
    separator: "\0",
  });
  return keepUnderAncestors(root, under, files);
}
