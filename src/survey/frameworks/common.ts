/** Small helpers the framework modules share. */
import { dirname, posix } from "node:path";
import type { Cite, DatabaseEngine } from "../types.js";
import type { RepoView } from "../repo-view.js";
import type { DatabaseClue } from "./types.js";

/** Per repo, each pattern's files once: several detectors ask for `package.json`, `Gemfile`, `composer.json`. */
const matched = new WeakMap<RepoView, Map<string, string[]>>();

/** The listed files whose path matches `pattern` (a new array: callers may sort it). */
export function matching(repo: RepoView, pattern: RegExp): string[] {
  let byPattern = matched.get(repo);
  if (!byPattern) matched.set(repo, (byPattern = new Map()));
  const key = `${pattern.flags}/${pattern.source}`;
  let files = byPattern.get(key);
  if (!files) {
    const tail = literalTail(pattern);
    files = repo.files.filter((file) => (!tail || file.endsWith(tail)) && pattern.test(file));
    byPattern.set(key, files);
  }
  return [...files];
}

/**
 * The plain text every match ends with (`package.json` for `(^|\/)package\.json$`), or "" when the
 * pattern does not surely end in one: a cheap `endsWith` turns most paths away before the regex runs.
 */
export function literalTail(pattern: RegExp): string {
  const source = pattern.source;
  if (/[im]/.test(pattern.flags) || hasTopLevelAlternation(source)) return "";
  const match = /(?:[\w/-]|\\[./-])+\$$/.exec(source);
  // A backslash before the tail makes its first character an escape (`\w`, `\d`): no sure text then.
  if (!match || source.charAt(match.index - 1) === "\\") return "";
  return match[0].slice(0, -1).replace(/\\(.)/g, "$1");
}

/** Whether `a|b$` splits the whole pattern: then the tail belongs to one branch only. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source.charAt(i);
    if (char === "\\") i++;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "|" && depth === 0) return true;
  }
  return false;
}

export function dirsOf(paths: string[]): string[] {
  return [...new Set(paths.map((p) => dirname(p)))].sort();
}

/** Folders that hold `marker` (`db/migrate/x.rb` with marker `db/migrate` → the app root `""`). */
export function rootOf(path: string, marker: string): string {
  const index = path.indexOf(marker);
  return index <= 0 ? "" : path.slice(0, index).replace(/\/$/, "");
}

export function join(...parts: string[]): string {
  return posix.join(...parts.filter(Boolean));
}

const collator = new Intl.Collator("en", { numeric: true });

/** Orders migrations by file name the way runners do, numbers compared as numbers (V2 before V10). */
export function naturalSort(paths: string[], key: (path: string) => string = (p) => posix.basename(p)): string[] {
  return [...paths].sort((a, b) => collator.compare(key(a), key(b)) || collator.compare(a, b));
}

/** The first line of a listed file that matches, as a citation with its text. */
export async function citeFirst(repo: RepoView, path: string, pattern: RegExp): Promise<Cite | null> {
  const lines = await repo.lines(path);
  const index = lines.findIndex((line) => pattern.test(line));
  if (index < 0) return null;
  return { path, line: index + 1, text: lines[index]!.trim() };
}

/** Maps what configs call a database (`postgresql`, `mysql2`, `pgsql`, `sqlite3`, `pg`) to an engine. */
export function engineFromWord(word: string): DatabaseEngine {
  const lower = word.toLowerCase();
  if (/postgis|postgres|^pg$|^pgsql$|cockroach|neon/.test(lower)) return "postgres";
  if (/mariadb/.test(lower)) return "mariadb";
  if (/mysql|trilogy|planetscale/.test(lower)) return "mysql";
  if (/sqlite|libsql|turso|^d1$/.test(lower)) return "sqlite";
  if (/sqlserver|mssql|tedious/.test(lower)) return "sqlserver";
  if (/oracle/.test(lower)) return "oracle";
  return "unknown";
}

/** A database clue from the first line of `path` matching `pattern`, whose first group names the engine. */
export async function clueFrom(repo: RepoView, path: string, pattern: RegExp): Promise<DatabaseClue | null> {
  const cite = await citeFirst(repo, path, pattern);
  const word = cite?.text?.match(pattern)?.[1];
  if (!cite || !word) return null;
  const engine = engineFromWord(word);
  return engine === "unknown" ? null : { engine, where: cite };
}

export async function dependsOn(repo: RepoView, manifest: string, name: RegExp): Promise<Cite | null> {
  return repo.has(manifest) ? citeFirst(repo, manifest, name) : null;
}

/** The first go.mod, at the root or in a module below it (not vendored), that requires a module. */
export async function goDependency(repo: RepoView, name: RegExp): Promise<Cite | null> {
  const mods = matching(repo, /(^|\/)go\.mod$/).filter((p) => !/(^|\/)(vendor|node_modules)\//.test(p));
  for (const mod of mods.sort((a, b) => a.split("/").length - b.split("/").length)) {
    const cite = await citeFirst(repo, mod, name);
    if (cite) return cite;
  }
  return null;
}

/** package.json files that list a dependency, as citations. */
export async function packageDependency(repo: RepoView, name: string): Promise<Cite[]> {
  const manifests = matching(repo, /(^|\/)package\.json$/).filter((p) => !p.includes("node_modules/"));
  const pattern = new RegExp(`"${name.replace(/[/.-]/g, "\\$&")}"\\s*:`);
  const cites = await Promise.all(manifests.map((m) => citeFirst(repo, m, pattern)));
  return cites.filter((c): c is Cite => c !== null);
}

/** `cd app && command` when the framework lives below the repo root. */
export function inDir(dir: string, command: string): string {
  return dir ? `cd ${dir} && ${command}` : command;
}
