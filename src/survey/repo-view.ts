/**
 * The repo as the survey sees it: the file list (taken once, from src/search, so secret and
 * ignored files are never in it) and reads cached so no file is read twice.
 */
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { existingRepoFolder } from "../workspace/repo-folder.js";
import { join } from "node:path";
import { listFiles } from "../search/index.js";
import { MAX_READ_BYTES } from "./constants.js";
import { isEarlierPlan } from "./earlier-plans.js";

export interface RepoView {
  root: string;
  files: string[];
  has(path: string): boolean;
  /** The text of a listed file, or null when it is not listed, too big or unreadable. */
  read(path: string): Promise<string | null>;
  /** The text split into lines, once per file: the same array every time, so callers must not change it. */
  lines(path: string): Promise<string[]>;
  signal?: AbortSignal;
}

/**
 * Files read at most once. The survey may read a file before the list is ready (the column's search named
 * it); the RepoView hands its text out only once the list shows the file is in the repo.
 */
export class FileTexts {
  private readonly texts = new Map<string, Promise<string | null>>();

  constructor(private readonly root: string) {}

  read(path: string): Promise<string | null> {
    let text = this.texts.get(path);
    if (!text) {
      text = readListed(join(this.root, path));
      this.texts.set(path, text);
    }
    return text;
  }
}

/** `skip`: repo-relative paths to leave out besides earlier plans (the plan file this run writes). */
export async function openRepo(root: string, signal?: AbortSignal, texts?: FileTexts, skip: ReadonlySet<string> = new Set()): Promise<RepoView> {
  await existingRepoFolder(root);
  const files = (await listFiles(root, signal ? { signal } : {})).filter((path) => !isEarlierPlan(path) && !skip.has(path));
  return repoFromList(root, files, signal, texts);
}

export function repoFromList(root: string, files: string[], signal?: AbortSignal, texts = new FileTexts(root)): RepoView {
  const listed = new Set(files);
  const read = (path: string): Promise<string | null> => (listed.has(path) ? texts.read(path) : Promise.resolve(null));
  // Several frameworks read the same package.json files line by line: split each once.
  const split = new Map<string, Promise<string[]>>();
  const lines = (path: string): Promise<string[]> => {
    let found = split.get(path);
    if (!found) {
      found = read(path).then((text) => (text === null ? [] : splitLines(text)));
      split.set(path, found);
    }
    return found;
  };
  return {
    root, files, signal,
    has: (path) => listed.has(path),
    read,
    lines,
  };
}

/**
 * Read synchronously: the survey reads hundreds of small files, and four thread-pool trips per file
 * (open, stat, read, close) cost more than the reads. A file too big to keep is not decoded: UTF-8 gives
 * at most one character per byte and at least one per three.
 */
function readListed(absolute: string): Promise<string | null> {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, "r");
    if (fstatSync(fd).size > 3 * MAX_READ_BYTES) return Promise.resolve(null);
    const text = readFileSync(fd, "utf8");
    return Promise.resolve(text.length > MAX_READ_BYTES ? null : text);
  } catch {
    return Promise.resolve(null);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `text.split(/\r?\n/)`, with the far cheaper split on a plain "\n" when the text holds no "\r". */
export function splitLines(text: string): string[] {
  return text.includes("\r") ? text.split(/\r?\n/) : text.split("\n");
}
