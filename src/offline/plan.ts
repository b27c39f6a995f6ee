import { redactCredentials } from "../survey/redact.js";
import type { Survey } from "../survey/types.js";
import { planContext, type PlanContext } from "./context.js";
import { quotePatternSql } from "./identifiers.js";
import { indexBuildsOnce } from "./index-builds-once.js";
import { choosePattern } from "./patterns/choose.js";
import { currentState } from "./sections/current-state.js";
import { risks } from "./sections/risks.js";
import { numberSteps, rollbackSection, stepsSection } from "./sections/steps.js";
import { validation } from "./sections/validation.js";

export interface OfflinePlanOptions {
  /** Where the plan will be written, relative to the repo: named in the summary, marked (new). */
  planPath: string;
  /** The clock for new migration names; default now. */
  now?: Date;
}

/** The six-section plan of plan-format.md from the survey and the rule table alone, with no model. */
export function offlinePlan(survey: Survey, options: OfflinePlanOptions): string {
  const ctx = planContext(survey, options.now ?? new Date());
  const pattern = quotePatternSql(ctx, choosePattern(ctx));
  const numbered = numberSteps(ctx, indexBuildsOnce(pattern.steps));
  const task = redactCredentials(survey.task.text.replace(/\s+/g, " ").trim());
  const parts = [
    `# Migration Plan: ${task}`,
    "",
    summary(ctx, options.planPath),
    "",
    "## Current State",
    "",
    currentState(ctx),
    "",
    "## Target State",
    "",
    [...pattern.target, ...pattern.alternatives.map((a) => `Alternative: ${a}`)].map((line) => `- ${line}`).join("\n"),
    "",
    "## Steps",
    "",
    stepsSection(ctx, numbered),
    "",
    "## Rollback",
    "",
    rollbackSection(ctx, numbered),
    "",
    "## Risks",
    "",
    risks(ctx, pattern),
    "",
    "## Validation",
    "",
    validation(ctx, pattern),
    "",
  ];
  return parts.join("\n");
}

function summary(ctx: PlanContext, planPath: string): string {
  const framework = ctx.framework ? ctx.framework.name : "no migration framework recognised";
  return `Written offline (no model) from a survey of the repository and the rule table, as \`${planPath}\` (new). Database: ${ctx.databaseName}; framework: ${framework}.`;
}
