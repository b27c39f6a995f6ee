import { statSync } from "node:fs";
import { join } from "node:path";

/** Stats run synchronously (far cheaper than one thread-pool trip each), yielding between slices. */
const STATS_PER_SLICE = 1_000;

/**
 * Grep's and Glob's order: newest first by modification time, ties by path descending, so that
 * timestamp-named migrations list newest first even in a fresh clone where every file has the same time.
 */
export async function newestFirst(root: string, paths: string[]): Promise<string[]> {
  const order: Array<{ path: string; time: number }> = [];
  for (let start = 0; start < paths.length; start += STATS_PER_SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const path of paths.slice(start, start + STATS_PER_SLICE)) {
      order.push({ path, time: statSync(join(root, path), { throwIfNoEntry: false })?.mtimeMs ?? 0 });
    }
  }
  order.sort((a, b) => b.time - a.time || (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
  return order.map((entry) => entry.path);
}
