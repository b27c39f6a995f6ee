import { join } from "node:path";
import { pathExists } from "../workspace/resolve.js";

/** Where plans go by default, relative to the repo (cli.md). */
export const PLAN_FOLDER = "migration-plans";
export const SLUG_MAX_LENGTH = 50;
/** For a task with no letter or digit in a-z0-9 at all. */
const EMPTY_SLUG = "plan";

/** cli.md: lower case, runs of anything but a-z0-9 become "-", at most 50 characters, cut at a word. */
export function slugify(task: string): string {
  const slug = task.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= SLUG_MAX_LENGTH) return slug || EMPTY_SLUG;
  const cut = slug.slice(0, SLUG_MAX_LENGTH);
  // A cut that lands inside a word drops that word, unless it is the only one.
  const endsOnWord = slug[SLUG_MAX_LENGTH] === "-";
  const lastBreak = cut.lastIndexOf("-");
  return (endsOnWord || lastBreak <= 0 ? cut : cut.slice(0, lastBreak)).replace(/-+$/, "");
}

/** `migration-plans/<local yyyy-mm-dd>-<slug>.md`, with -2, -3 … before `.md` so no earlier plan is replaced. */
export async function defaultPlanPath(root: string, task: string, now: Date = new Date()): Promise<string> {
  const stem = `${PLAN_FOLDER}/${localDate(now)}-${slugify(task)}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${stem}.md` : `${stem}-${n}.md`;
    // A dangling symlink also counts as taken.
    if (!(await pathExists(join(root, candidate)))) return candidate;
  }
}

function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

