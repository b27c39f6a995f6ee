import type { Step } from "./step.js";

const CREATE_INDEX = /\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?["'`]?(\w+)|\bADD\s+(?:UNIQUE\s+)?(?:INDEX|KEY)\s+["'`]?(\w+)/i;

/** The index a statement builds, or null. */
function builds(sql: string): string | null {
  const match = CREATE_INDEX.exec(sql);
  return match ? (match[1] ?? match[2] ?? "").toLowerCase() : null;
}

/**
 * The steps without any that only builds indexes an earlier step already builds: the second build would
 * fail or do nothing. A step that also does other work (a table rebuild) is kept.
 */
export function indexBuildsOnce(steps: Step[]): Step[] {
  const built = new Set<string>();
  return steps.filter((step) => {
    const statements = (step.migration?.up ?? []).filter((sql) => !/^\s*SET\s/i.test(sql));
    const names = statements.map(builds);
    const onlyBuilds = names.length > 0 && names.every((name) => name !== null);
    if (onlyBuilds && names.every((name) => built.has(name!))) return false;
    for (const name of names) if (name) built.add(name);
    return true;
  });
}
