import { cp, mkdir, mkdtemp, realpath, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** What one entry of a temp repo holds: text, bytes, or a symlink to `target` (as written, relative or not). */
export type TempEntry = string | Uint8Array | { symlink: string };

export interface TempRepo {
  /** The real path of the repo folder. */
  root: string;
  /** Absolute path of a repo-relative path. */
  path(relativePath: string): string;
  write(relativePath: string, entry: TempEntry): Promise<void>;
  /** Sets a file's modification time, in seconds since the epoch. */
  touch(relativePath: string, seconds: number): Promise<void>;
  cleanup(): Promise<void>;
}

export interface TempRepoOptions {
  /** The temp folder's name starts with this. */
  prefix?: string;
  /** Folders copied in before the files are written, by where they go in the repo ("." for its root). */
  copy?: Record<string, string>;
}

/**
 * The one maker of test repositories: a fresh temp folder with copies of `options.copy`, then the files of a
 * `{ path: content }` map (folders are created). A path ending in `/` with content "" makes an empty folder.
 */
export async function makeTempRepo(files: Record<string, TempEntry> = {}, options: TempRepoOptions = {}): Promise<TempRepo> {
  const root = await realpath(await mkdtemp(join(tmpdir(), options.prefix ?? "temp-repo-")));
  const repo: TempRepo = {
    root,
    path: (relativePath) => join(root, relativePath),
    async write(relativePath, entry) {
      const target = join(root, relativePath);
      if (relativePath.endsWith("/")) {
        await mkdir(target, { recursive: true });
        return;
      }
      await mkdir(dirname(target), { recursive: true });
      if (typeof entry === "object" && !(entry instanceof Uint8Array)) await symlink(entry.symlink, target);
      else await writeFile(target, entry);
    },
    touch: (relativePath, seconds) => utimes(join(root, relativePath), seconds, seconds),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
  for (const [under, source] of Object.entries(options.copy ?? {})) await cp(source, join(root, under), { recursive: true });
  for (const [path, entry] of Object.entries(files)) await repo.write(path, entry);
  return repo;
}
