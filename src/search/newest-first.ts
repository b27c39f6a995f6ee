import { statSync } from "node:fs";
import { join } from "node:path";

/** Stats run synchronously (far cheaper than one thread-pool trip each), yielding between slices. */
const STATS_PER_SLICE = 1_000;

/**
 * Grep's and Glob's order: newest first by modification time, ties by path descending, so that
 * timestamp-named migrations list newest first even in a fresh clone where every file has the same time.
 */
export async function newestFirst(root: string, paths: string[]): Promise<string[]> {
  const times = new Map<string, number>();
  const timeOf = modifiedTimes(root);
  for (let start = 0; start < paths.length; start += STATS_PER_SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const path of paths.slice(start, start + STATS_PER_SLICE)) times.set(path, timeOf(path));
  }
  return byNewest(paths, times);
}

/**
 * Reads a listed file's modification time in ms (0 when it has gone). Listed paths are already clean, so
 * they are appended to the root as is: normalising thousands of them cost more than the stats.
 */
export function modifiedTimes(root: string): (path: string) => number {
  const prefix = root === "" ? "" : join(root, "/");
  return (path) => statSync(prefix + path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

/** `paths` in newestFirst's order, from times already taken. */
export function byNewest(paths: string[], times: ReadonlyMap<string, number>): string[] {
  const order = paths.map((path) => ({ path, time: times.get(path) ?? 0 }));
  order.sort((a, b) => b.time - a.time || (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
  return order.map((entry) => entry.path);
}
