/**
 * The repo as the survey sees it: the file list (taken once, from src/search, so secret and
 * ignored files are never in it) and reads cached so no file is read twice.
 */
import { readFile, stat } from "node:fs/promises";
import { UsageError } from "../errors.js";
import { join } from "node:path";
import { listFiles } from "../search/index.js";
import { MAX_READ_BYTES } from "./constants.js";

export interface RepoView {
  root: string;
  files: string[];
  has(path: string): boolean;
  /** The text of a listed file, or null when it is not listed, too big or unreadable. */
  read(path: string): Promise<string | null>;
  lines(path: string): Promise<string[]>;
  signal?: AbortSignal;
}

export async function openRepo(root: string, signal?: AbortSignal): Promise<RepoView> {
  const folder = await stat(root).catch(() => null);
  if (!folder?.isDirectory()) throw new UsageError(`The repository is not a folder: ${root}`);
  const files = await listFiles(root, signal ? { signal } : {});
  return repoFromList(root, files, signal);
}

export function repoFromList(root: string, files: string[], signal?: AbortSignal): RepoView {
  const listed = new Set(files);
  const cache = new Map<string, Promise<string | null>>();
  const read = (path: string): Promise<string | null> => {
    if (!listed.has(path)) return Promise.resolve(null);
    let text = cache.get(path);
    if (!text) {
      text = readListed(join(root, path));
      cache.set(path, text);
    }
    return text;
  };
  return {
    root, files, signal,
    has: (path) => listed.has(path),
    read,
    lines: async (path) => (await read(path))?.split(/\r?\n/) ?? [],
  };
}

async function readListed(absolute: string): Promise<string | null> {
  try {
    const text = await readFile(absolute, "utf8");
    return text.length > MAX_READ_BYTES ? null : text;
  } catch {
    return null;
  }
}
