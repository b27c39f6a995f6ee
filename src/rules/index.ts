/** The rule table of unsafe migration operations (rules.md) and the safety check built on it. */
export { rules } from "./table.js";
export { rulesFor, ruleById, majorVersion } from "./select.js";
export { checkPlanSafety } from "./check.js";
export type { Rule, RuleScope } from "./types.js";
