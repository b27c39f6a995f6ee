import type { DatabaseEngine, Operation } from "../survey/types.js";
import { rules } from "./table.js";
import type { Rule, RuleScope } from "./types.js";

/** The major version as a number (`16`, `14.2` → 14, `8.0` → 8), or null when the repo does not say. */
export function majorVersion(version: string | null): number | null {
  const match = version === null ? null : /^\s*v?(\d+)/.exec(version);
  return match ? Number(match[1]) : null;
}

/**
 * The rules a plan for this operation on this database must respect. An unknown engine gets every rule of the
 * operation, since any of them may apply; an unknown version keeps version-limited rules, since they may apply.
 */
export function rulesFor(operation: Operation, engine: DatabaseEngine, version: string | null): Rule[] {
  const major = majorVersion(version);
  return rules.filter(
    (rule) => rule.operations.includes(operation) && rule.databases.some((scope) => applies(scope, engine, major)),
  );
}

export function ruleById(id: number): Rule {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`No rule ${id} in the rule table.`);
  return rule;
}

function applies(scope: RuleScope, engine: DatabaseEngine, major: number | null): boolean {
  if (scope.engine !== "all" && engine !== "unknown" && scope.engine !== engine) return false;
  if (major === null || scope.engine === "all" || engine === "unknown") return true;
  return (scope.from === undefined || major >= scope.from) && (scope.below === undefined || major < scope.below);
}
