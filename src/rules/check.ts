import { dialectOf } from "./dialect.js";
import type { PlanDocument } from "../plan/types.js";
import type { Survey } from "../survey/types.js";
import { anyDatabaseDetectors } from "./detectors-any.js";
import { mysqlDetectors, postgresDetectors, sqliteDetectors, type Detector } from "./detectors.js";
import { stepText } from "./step-text.js";

/**
 * The safety check on a model's plan, after it passed the structural checks: reads its Steps against the
 * survey with the rule table, and returns one sentence per finding, naming the step and the rule. Engine-specific
 * rules run only when the survey knows the engine, so an unknown database never produces a guess.
 */
export function checkPlanSafety(plan: PlanDocument, survey: Survey): string[] {
  const dialect = dialectOf(survey.database.engine);
  const detectors: Detector[] = [
    ...anyDatabaseDetectors,
    ...(dialect === "postgres" ? postgresDetectors : []),
    ...(dialect === "mysql" ? mysqlDetectors : []),
    ...(dialect === "sqlite" ? sqliteDetectors : []),
  ];
  const steps = plan.sections.steps.map((item) => stepText(item.n, item.text));
  const findings: string[] = [];
  for (const step of steps) {
    for (const detect of detectors) findings.push(...detect({ step, steps, survey, dialect }));
  }
  return [...new Set(findings)];
}
