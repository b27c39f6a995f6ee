import { InterruptedError } from "./errors.js";
import type { LoopOutcome } from "./agent/loop.js";
import { emptyUsage } from "./agent/usage.js";
import { offlinePlan } from "./offline/plan.js";
import { checkPlan } from "./plan/check.js";
import { checkPlanSafety } from "./rules/check.js";
import type { Survey } from "./survey/types.js";
import type { Workspace } from "./workspace.js";

/** `--offline`: the plan comes from the survey and the rule table, is written like any plan, and is held to the same checks. */
export async function runOffline(survey: Survey, workspace: Workspace, signal?: AbortSignal): Promise<LoopOutcome> {
  const planPath = workspace.relative(workspace.planPath);
  const markdown = offlinePlan(survey, { planPath });
  if (signal?.aborted) throw new InterruptedError("The run was interrupted.");
  await workspace.writeFile(workspace.planPath, markdown);
  const check = await checkPlan(markdown, workspace.root);
  const base = { closingText: "", numTurns: 0, usage: emptyUsage(), plan: check.plan, planErrors: check.errors, planWarnings: [] };
  if (check.errors.length > 0) {
    return { ...base, subtype: "error_invalid_plan", error: `The offline plan fails its checks: ${check.errors[0]}` };
  }
  const warnings = check.plan ? checkPlanSafety(check.plan, survey) : [];
  return { ...base, subtype: "success", closingText: summaryLine(survey, planPath, check.plan?.sections.steps.length ?? 0), planWarnings: warnings };
}

function summaryLine(survey: Survey, planPath: string, steps: number): string {
  const framework = survey.frameworks.map((f) => f.name).join(", ") || "no migration framework found";
  const database = survey.database.engine === "unknown" ? "database unknown" : [survey.database.engine, survey.database.version].filter(Boolean).join(" ");
  const files = survey.references.counts.files;
  const stepWord = steps === 1 ? "step" : "steps";
  const fileWords = files === 1 ? "file references" : "files reference";
  return `Offline plan written to ${planPath}: ${steps} ${stepWord} (${framework}; ${database}; ${files} ${fileWords} the target).`;
}
