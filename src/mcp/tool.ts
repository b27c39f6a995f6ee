import { resolve } from "node:path";
import { z } from "zod";
import type { AgentEvent, PlanMigrationOptions } from "../types.js";

export const TOOL_NAME = "plan_migration";

export const TOOL_DESCRIPTION =
  "Plan a database, schema or framework migration for a repository. The agent reads the repo " +
  "(read-only, except the plan file and any allow_write paths), writes a Markdown plan grounded in " +
  "the repo's own files (current state, target state, numbered steps, rollback, risks, validation, " +
  "with file:line citations) and returns that plan as text and the run's result object as " +
  "structured content. Runs can take minutes; send a progress token to get a notification per tool call.";

/** The tool's input, as the MCP SDK takes it: a raw zod shape. Snake case, like the result object. */
export const inputShape = {
  task: z.string().min(1).describe('The change, in words, e.g. "rename users.email to users.email_address".'),
  repo: z.string().optional().describe("The repository to inspect (absolute, or relative to the server's working directory); default the server's working directory."),
  out: z.string().optional().describe("The plan file, relative to the repo; default migration-plans/<date>-<slug>.md."),
  model: z.string().optional().describe("sonnet, opus, haiku, or a full model id; default sonnet."),
  max_turns: z.number().int().min(1).optional().describe("Model requests at most; default 40."),
  max_budget_usd: z.number().positive().optional().describe("Stop once the estimated spend reaches this many US dollars."),
  allow_write: z.array(z.string()).optional().describe("More paths (globs) the agent may write besides the plan, e.g. db/migrate/**."),
  offline: z.boolean().optional().describe("No model: build the plan from the built-in repo survey and rule table."),
};

export type PlanMigrationInput = z.output<z.ZodObject<typeof inputShape>>;

const usage = z.object({
  input_tokens: z.number(),
  output_tokens: z.number(),
  cache_read_input_tokens: z.number(),
  cache_creation_input_tokens: z.number(),
});

const planItem = z.object({ n: z.number(), text: z.string() });

const planDocument = z.object({
  title: z.string(),
  sections: z.object({
    currentState: z.string(),
    targetState: z.string(),
    steps: z.array(planItem),
    rollback: z.array(planItem),
    risks: z.string(),
    validation: z.string(),
  }),
  citations: z.array(
    z.object({
      path: z.string(),
      line: z.number().nullable(),
      endLine: z.number().nullable(),
      new: z.boolean(),
      exists: z.boolean(),
    }),
  ),
  extraSections: z.record(z.string(), z.string()),
});

/** The result object of cli.md (src/types.ts RunResult), announced to clients as the tool's output schema. */
export const outputShape = {
  type: z.literal("result"),
  subtype: z.enum([
    "success",
    "error_max_turns",
    "error_max_budget_usd",
    "error_invalid_plan",
    "error_during_execution",
    "error_usage",
    "error_interrupted",
  ]),
  is_error: z.boolean(),
  error: z.string().optional(),
  plan_path: z.string().nullable(),
  plan: planDocument.nullable(),
  plan_errors: z.array(z.string()),
  plan_warnings: z.array(z.string()),
  files_written: z.array(z.string()),
  result: z.string(),
  num_turns: z.number(),
  duration_ms: z.number(),
  usage,
  total_cost_usd: z.number().nullable(),
  model: z.string(),
};

/** Maps one tool call onto the options of planMigration; a relative repo is taken from the server's cwd. */
export function toPlanOptions(
  input: PlanMigrationInput,
  context: { cwd: string; signal: AbortSignal; onEvent: (event: AgentEvent) => void },
): PlanMigrationOptions & { repo: string } {
  const options: PlanMigrationOptions & { repo: string } = {
    task: input.task,
    repo: resolve(context.cwd, input.repo ?? "."),
    signal: context.signal,
    onEvent: context.onEvent,
  };
  if (input.out !== undefined) options.out = input.out;
  if (input.model !== undefined) options.model = input.model;
  if (input.max_turns !== undefined) options.maxTurns = input.max_turns;
  if (input.max_budget_usd !== undefined) options.maxBudgetUsd = input.max_budget_usd;
  if (input.allow_write !== undefined) options.allowWrite = input.allow_write;
  if (input.offline !== undefined) options.offline = input.offline;
  return options;
}
