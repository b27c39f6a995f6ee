/** Plans this tool wrote earlier are its own output, not code to change: the survey leaves them out. */
import { PLAN_FOLDER } from "../plan/path.js";

export function isEarlierPlan(path: string): boolean {
  return path === PLAN_FOLDER || path.startsWith(`${PLAN_FOLDER}/`);
}
