import { readFile } from "node:fs/promises";
import { checkPlan } from "../plan/check.js";
import type { PlanDocument } from "../plan/types.js";
import type { Workspace } from "../workspace.js";
import { MAX_REPAIRS } from "./constants.js";

export interface PlanReview {
  /** The plan file exists at the run's plan path. */
  exists: boolean;
  markdown: string;
  plan: PlanDocument | null;
  /** One sentence each; empty when the plan passes the checks of plan-format.md. */
  problems: string[];
}

/**
 * A rule-table check the lead plugs in after the structural checks pass: each finding is one sentence about
 * what is still unsafe. Findings are sent back to the model once; what remains goes to plan_warnings.
 */
export type SafetyCheck = (plan: PlanDocument, markdown: string, root: string) => Promise<string[]> | string[];

/** Reads the plan the model wrote (if any) and runs the runtime's checks on it. */
export async function reviewPlan(workspace: Workspace): Promise<PlanReview> {
  const relative = workspace.relative(workspace.planPath);
  let markdown: string;
  try {
    markdown = await readFile(workspace.planPath, "utf8");
  } catch {
    return {
      exists: false,
      markdown: "",
      plan: null,
      problems: [`No plan was written: write the whole plan to ${relative} with the Write tool.`],
    };
  }
  const { plan, errors } = await checkPlan(markdown, workspace.root);
  return { exists: true, markdown, plan, problems: errors };
}

/** The user message that sends the model back to fix its plan: exactly what is wrong, and where to write. */
export function repairMessage(planPath: string, problems: string[]): string {
  return [
    `The plan at ${planPath} is not done yet. Fix these problems and write the whole plan again to ${planPath}:`,
    ...problems.map((problem) => `- ${problem}`),
    "Then end your turn with a short summary.",
  ].join("\n");
}

/** The repair message for rule-table findings on a plan whose structure already passes. */
export function safetyRepairMessage(planPath: string, findings: string[]): string {
  return [
    `The plan at ${planPath} passes its structural checks, but these operations are still unsafe as planned:`,
    ...findings.map((finding) => `- ${finding}`),
    `Revise the plan at ${planPath} to address them (or explain in ## Risks why they are acceptable), then end your turn.`,
  ].join("\n");
}

/** What to do when the model ends its turn: accept the plan, send the model back, or give up on it. */
export type Verdict =
  | { kind: "accept"; plan: PlanDocument | null; warnings: string[] }
  | { kind: "repair"; message: string; problems: string[]; safety: boolean }
  | { kind: "invalid"; plan: PlanDocument | null; problems: string[]; error: string };

/**
 * The plan must exist and pass the checks; at most MAX_REPAIRS times the model is told what is wrong.
 * Once it passes, rule-table findings are sent back once; what the model leaves of them are warnings.
 */
export async function judgePlan(
  workspace: Workspace,
  history: { repairs: number; safetyAsked: boolean },
  safetyCheck?: SafetyCheck,
): Promise<Verdict> {
  const review = await reviewPlan(workspace);
  const planPath = workspace.relative(workspace.planPath);
  if (review.problems.length > 0) {
    if (history.repairs >= MAX_REPAIRS) {
      const why = review.exists ? "still fails its checks" : "was never written";
      return { kind: "invalid", plan: review.plan, problems: review.problems, error: `The plan ${why} after ${MAX_REPAIRS} repairs.` };
    }
    return { kind: "repair", message: repairMessage(planPath, review.problems), problems: review.problems, safety: false };
  }
  const findings = safetyCheck && review.plan ? await safetyCheck(review.plan, review.markdown, workspace.root) : [];
  if (findings.length > 0 && !history.safetyAsked && history.repairs < MAX_REPAIRS) {
    return { kind: "repair", message: safetyRepairMessage(planPath, findings), problems: findings, safety: true };
  }
  return { kind: "accept", plan: review.plan, warnings: findings };
}
