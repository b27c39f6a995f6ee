/**
 * The order `alembic upgrade heads` applies revisions in: each after its `down_revision` (all of them, for a
 * merge) and its `depends_on`. Revisions free to run go in file order, so that the order is the same each run.
 */
import type { RevisionFile } from "./revision-file.js";

export function orderRevisions(files: RevisionFile[]): RevisionFile[] {
  const byRevision = new Map(files.filter((f) => f.revision).map((f) => [f.revision!, f]));
  const order: RevisionFile[] = [];
  const done = new Set<RevisionFile>();
  const pending = [...files];
  while (pending.length) {
    const ready = pending.findIndex((f) => f.parents.every((p) => !byRevision.has(p) || done.has(byRevision.get(p)!)));
    // A cycle, or a parent missing from the repo: read what remains in file order, so that nothing is skipped.
    const [next] = pending.splice(ready < 0 ? 0 : ready, 1);
    done.add(next!);
    order.push(next!);
  }
  return order;
}
