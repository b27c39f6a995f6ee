import { emptyUsage } from "./agent/usage.js";
import { MigrationAgentError, oneLine, type ResultSubtype } from "./errors.js";
import type { RunResult } from "./types.js";

const EXIT_CODES: Record<ResultSubtype, number> = {
  success: 0,
  error_max_turns: 1,
  error_max_budget_usd: 1,
  error_invalid_plan: 1,
  error_during_execution: 1,
  error_usage: 2,
  error_interrupted: 130,
};

export function exitCodeFor(subtype: ResultSubtype): number {
  return EXIT_CODES[subtype];
}

/**
 * The result object for a run that ended before it began (a usage error) or threw where it should not:
 * json and stream-json callers, and MCP clients, still get exactly one result to read.
 */
export function errorResult(error: unknown, context: { model?: string; offline?: boolean; startedAt: number }): RunResult {
  const subtype = error instanceof MigrationAgentError ? error.subtype : "error_during_execution";
  return {
    type: "result",
    subtype,
    is_error: true,
    error: oneLine(error),
    plan_path: null,
    plan: null,
    plan_errors: [],
    plan_warnings: [],
    files_written: [],
    result: "",
    num_turns: 0,
    duration_ms: Date.now() - context.startedAt,
    usage: emptyUsage(),
    // A usage error stops before any request; anything else may have spent what we cannot know.
    total_cost_usd: subtype === "error_usage" ? 0 : null,
    model: context.offline ? "offline" : (context.model ?? ""),
  };
}
