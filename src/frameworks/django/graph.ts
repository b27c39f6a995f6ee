/**
 * The order Django applies migrations in: the dependency graph (`dependencies`, `run_before`), with a squashed
 * migration standing for the ones it `replaces` when it is present, walked as Django's executor walks it.
 * Dependencies outside the repo (Django's own apps, `swappable_dependency`) are satisfied already.
 */
import type { DjangoMigrationFile, MigrationKey } from "./migration-file.js";

const keyOf = ([app, name]: MigrationKey) => `${app}.${name}`;

export function orderMigrations(files: DjangoMigrationFile[]): DjangoMigrationFile[] {
  const byKey = new Map(files.map((f) => [keyOf([f.app, f.name]), f]));
  // A squash replaces its migrations: dependencies on them point at it.
  const replacedBy = new Map<string, string>();
  for (const file of files) for (const replaced of file.replaces) replacedBy.set(keyOf(replaced), keyOf([file.app, file.name]));
  for (const key of replacedBy.keys()) byKey.delete(key);

  const resolve = ([app, name]: MigrationKey): string | null => {
    if (name === "__first__" || name === "__latest__") {
      const ofApp = [...byKey.values()].filter((f) => f.app === app).map((f) => f.name).sort();
      const pick = name === "__first__" ? ofApp[0] : ofApp[ofApp.length - 1];
      return pick ? `${app}.${pick}` : null;
    }
    const key = keyOf([app, name]);
    const target = replacedBy.get(key) ?? key;
    return byKey.has(target) ? target : null;
  };

  const needs = new Map<string, Set<string>>();
  for (const [key, file] of byKey) {
    const deps = needs.get(key) ?? new Set<string>();
    for (const dependency of file.dependencies) {
      const resolved = resolve(dependency);
      if (resolved && resolved !== key) deps.add(resolved);
    }
    needs.set(key, deps);
    for (const before of file.runBefore) {
      const resolved = resolve(before);
      if (resolved) needs.set(resolved, (needs.get(resolved) ?? new Set()).add(key));
    }
  }

  // Django's own plan (MigrationExecutor.migration_plan): for each leaf in (app, name) order, its dependencies
  // depth first (Graph.iterative_dfs), each migration once.
  const compare = (a: string, b: string) => {
    const [fa, fb] = [byKey.get(a)!, byKey.get(b)!];
    return fa.app < fb.app ? -1 : fa.app > fb.app ? 1 : fa.name < fb.name ? -1 : fa.name > fb.name ? 1 : 0;
  };
  const needed = new Set([...needs.values()].flatMap((deps) => [...deps]));
  const leaves = [...byKey.keys()].filter((key) => !needed.has(key)).sort(compare);
  const order: DjangoMigrationFile[] = [];
  const done = new Set<string>();
  for (const leaf of leaves) {
    const stack: [string, boolean][] = [[leaf, false]];
    while (stack.length) {
      const [key, processed] = stack.pop()!;
      if (done.has(key)) continue;
      if (processed) {
        done.add(key);
        order.push(byKey.get(key)!);
      } else {
        stack.push([key, true]);
        for (const parent of [...needs.get(key)!].sort(compare)) stack.push([parent, false]);
      }
    }
  }
  // A cycle leaves migrations unreached (Django refuses it too): read them last, so that none is skipped.
  for (const key of [...byKey.keys()].sort(compare)) if (!done.has(key)) order.push(byKey.get(key)!);
  return order;
}
