import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageFile } from "../src/paths.js";

/** Bump when the tree's recipe changes, so an old copy is rebuilt rather than reused. */
const TREE_VERSION = "1";
const MARKER = ".bench-tree-ready";

/**
 * A large tree to search: a copy of this project's node_modules (tens of thousands of files), built once
 * under the system temp folder and reused by later runs. Returns its root and how many files it holds.
 */
export function benchTree(): Promise<{ root: string; files: number }> {
  return reusedTree(`migration-agent-bench-tree-v${TREE_VERSION}`, async (root) => {
    await mkdir(root, { recursive: true });
    // Renamed from node_modules so that nothing treats it as dependencies to skip; symlinks stay symlinks.
    await cp(packageFile("node_modules"), join(root, "packages"), { recursive: true, verbatimSymlinks: true });
    await writeFile(join(root, ".gitignore"), "*.map\n");
    return countFiles(root);
  });
}

/**
 * A tree under the system temp folder, built once by `build` (which returns its file count) and reused
 * while its name stays the same; a half-built one (no marker) is built again.
 */
export async function reusedTree(name: string, build: (root: string) => Promise<number>): Promise<{ root: string; files: number }> {
  const root = join(tmpdir(), name);
  const marker = join(root, MARKER);
  const ready = await readFile(marker, "utf8").catch(() => undefined);
  if (ready !== undefined) return { root, files: Number(ready) };
  await rm(root, { recursive: true, force: true });
  const files = await build(root);
  await writeFile(marker, String(files));
  return { root, files };
}

export async function countFiles(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += await countFiles(join(dir, entry.name));
    else if (entry.isFile()) count += 1;
  }
  return count;
}
