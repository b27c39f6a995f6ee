import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { ancestorScopes, isIgnored, loadGitignore, type IgnoreScope } from "./gitignore.js";
import { READ_CONCURRENCY } from "./limits.js";
import { isSecretPath } from "../workspace/secret-files.js";

/**
 * Our own file listing, the same set as `rg --files` with the flags of tools.md: every `.gitignore` in the
 * tree, hidden files, never `.git`, symlinks not followed; then secret files dropped. Unsorted.
 */
export async function walkFiles(root: string, under: string, signal?: AbortSignal): Promise<string[]> {
  const files: string[] = [];
  const queue: Array<{ dir: string; chain: IgnoreScope[] }> = [{ dir: under, chain: await ancestorScopes(root, under) }];
  let active = 0;
  let failure: unknown;

  await new Promise<void>((resolve) => {
    const pump = (): void => {
      if (failure !== undefined || signal?.aborted) {
        if (active === 0) resolve();
        return;
      }
      while (active < READ_CONCURRENCY && queue.length > 0) {
        const job = queue.pop()!;
        active += 1;
        visit(job.dir, job.chain)
          .catch((error: unknown) => {
            failure = error;
          })
          .finally(() => {
            active -= 1;
            pump();
          });
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    pump();
  });
  signal?.throwIfAborted();
  if (failure !== undefined) throw failure;
  return files;

  async function visit(dir: string, inherited: IgnoreScope[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      return; // unreadable folders are skipped, as ripgrep skips them with a warning
    }
    const own = entries.some((entry) => entry.name === ".gitignore") ? await loadGitignore(root, dir) : undefined;
    const chain = own ? [...inherited, own] : inherited;
    for (const entry of entries) {
      if (entry.name === ".git") continue;
      const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!isIgnored(chain, path, true)) queue.push({ dir: path, chain });
      } else if (entry.isFile()) {
        if (!isIgnored(chain, path, false) && !isSecretPath(path)) files.push(path);
      }
    }
  }
}
