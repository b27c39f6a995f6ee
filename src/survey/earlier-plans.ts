/** Plans this tool wrote earlier are its own output, not code to change: the survey leaves them out. */
import { PLAN_FOLDER } from "../plan/path.js";
import { PLAN_HEADING } from "../plan/sections.js";
import type { RepoView } from "./repo-view.js";

export function isEarlierPlan(path: string): boolean {
  return path === PLAN_FOLDER || path.startsWith(`${PLAN_FOLDER}/`);
}

/** The matches outside plans that `--out` put elsewhere: Markdown files that start with the plan heading. */
export async function outsidePlans<T extends { path: string }>(repo: RepoView, matches: T[]): Promise<T[]> {
  const plans = new Set<string>();
  for (const path of new Set(matches.map((m) => m.path).filter((p) => p.endsWith(".md")))) {
    if (((await repo.read(path)) ?? "").replace(/^\uFEFF/, "").startsWith(PLAN_HEADING)) plans.add(path);
  }
  return plans.size ? matches.filter((m) => !plans.has(m.path)) : matches;
}
