/**
 * One error tree. Each error that can end a run carries the result subtype and exit code of cli.md,
 * and a message that is one plain sentence, fit to print as is.
 */
export type ResultSubtype =
  | "success"
  | "error_max_turns"
  | "error_max_budget_usd"
  | "error_invalid_plan"
  | "error_during_execution"
  | "error_usage"
  | "error_interrupted";

export class MigrationAgentError extends Error {
  readonly subtype: Exclude<ResultSubtype, "success"> = "error_during_execution";
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input from the person or program calling us: exit 2. */
export class UsageError extends MigrationAgentError {
  override readonly subtype = "error_usage";
  override readonly exitCode = 2;
}

/** The model API failed after retries, or refused: 401, 404, network, overloaded. */
export class ApiError extends MigrationAgentError {}

export class MaxTurnsError extends MigrationAgentError {
  override readonly subtype = "error_max_turns";
}

export class BudgetError extends MigrationAgentError {
  override readonly subtype = "error_max_budget_usd";
}

export class InvalidPlanError extends MigrationAgentError {
  override readonly subtype = "error_invalid_plan";
}

export class InterruptedError extends MigrationAgentError {
  override readonly subtype = "error_interrupted";
  override readonly exitCode = 130;
}

/**
 * A tool call the model made that cannot be served: refused by scope rules, a missing file, bad input.
 * It goes back to the model as an `is_error` tool result; the run goes on.
 */
export class ToolFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolFailure";
  }
}

/** Turns anything thrown into a one-line message, never a stack trace. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]!.trim() || "unknown error";
}
