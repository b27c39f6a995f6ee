import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { oneLine, UsageError, type ResultSubtype } from "./errors.js";
import { createClient, DEFAULT_BASE_URL } from "./agent/client.js";
import { resolveCredentials } from "./agent/credentials.js";
import { DEFAULT_MAX_TURNS } from "./agent/constants.js";
import { firstUserMessage } from "./agent/first-message.js";
import { runLoop, type LoopOutcome } from "./agent/loop.js";
import { resolveModel } from "./agent/models.js";
import type { RetryPolicy } from "./agent/retry-policy.js";
import { validateOptions } from "./agent/options.js";
import { reviewPlan, type SafetyCheck } from "./agent/plan-review.js";
import { costUsd, priceFor } from "./agent/pricing.js";
import { Transcript } from "./agent/transcript.js";
import { emptyUsage } from "./agent/usage.js";
import { defaultPlanPath } from "./plan/path.js";
import { loadAgentPrompt } from "./prompt.js";
import type { AgentEvent, PlanMigrationOptions, RunResult } from "./types.js";
import { Workspace } from "./workspace.js";
import { existingRepoFolder } from "./workspace/repo-folder.js";
import { defaultHooks } from "./default-hooks.js";
import { toolsByName } from "../tools/index.js";

/** The parts a run plugs in: the survey for the first message, the rule table, the offline planner, and how it retries. */
export interface RunHooks {
  /** The survey's text, passed to the model in the first user message. */
  survey?: (workspace: Workspace, task: string, signal?: AbortSignal) => Promise<string | undefined>;
  /** Runs after a plan passes the structural checks; findings are sent back once, the rest become plan_warnings. */
  safetyCheck?: SafetyCheck;
  /** Plans without a model (--offline). */
  offline?: (options: PlanMigrationOptions, workspace: Workspace) => Promise<LoopOutcome>;
  /** Default: the SDK's retries and backoff, and exponential backoff for a reply that broke off. */
  retry?: RetryPolicy;
}

/**
 * The single entry point of the CLI, the MCP server and the library. Invalid options throw a UsageError;
 * anything that goes wrong once the run has started comes back as an error result. It never writes to
 * stdout and never exits the process.
 */
export async function planMigration(input: PlanMigrationOptions, hooks: RunHooks = defaultHooks()): Promise<RunResult> {
  const started = Date.now();
  const options = validateOptions(input);
  const env = options.env ?? process.env;
  const root = await existingRepoFolder(options.repo ?? process.cwd());
  const prompt = await loadAgentPrompt();
  const model = options.offline ? "offline" : resolveModel(options.model, prompt.frontmatter.model, env);
  const credentials = options.offline ? null : resolveCredentials(options, env);
  if (!options.offline && options.maxBudgetUsd !== undefined && priceFor(model) === null) {
    throw new UsageError(`The model "${model}" has no known price, so --max-budget-usd cannot be enforced; drop the budget or pick a priced model.`);
  }
  const workspace = await Workspace.open(root, {
    planPath: options.out ?? (await defaultPlanPath(root, options.task)),
    allowWrite: options.allowWrite,
  });
  // An offline run sends no request, so it has nothing to record.
  const transcript = options.transcript && !options.offline ? openTranscript(options.transcript) : undefined;
  const emit = (event: AgentEvent) => options.onEvent?.(event);
  const planPath = workspace.relative(workspace.planPath);

  const settle = async (run: () => Promise<LoopOutcome>): Promise<RunResult> => {
    let outcome: LoopOutcome;
    try {
      outcome = await run();
    } catch (error) {
      outcome = failure(options.signal?.aborted ? "error_interrupted" : "error_during_execution", oneLine(error));
    }
    if (outcome.subtype === "error_interrupted") await workspace.undoChanges();
    const result = await finish(outcome, workspace, model, started);
    emit(result);
    return result;
  };

  if (options.offline) {
    const offline = hooks.offline;
    emit({ type: "init", model, repo: workspace.root, plan_path: planPath, tools: [], offline: true });
    if (!offline) return settle(async () => failure("error_during_execution", "Offline planning is not available in this build."));
    return settle(() => offline(options, workspace));
  }

  const tools = toolsByName(prompt.frontmatter.tools);
  emit({ type: "init", model, repo: workspace.root, plan_path: planPath, tools: tools.map((tool) => tool.name), offline: false });
  return settle(async () => {
    const survey = hooks.survey ? await hooks.survey(workspace, options.task, options.signal) : undefined;
    const baseURL = credentials?.baseURL ?? DEFAULT_BASE_URL;
    return runLoop({
      client: createClient({ ...credentials, baseURL, transcript, retry: hooks.retry }),
      baseURL,
      model,
      system: prompt.systemPrompt,
      firstMessage: firstUserMessage({ task: options.task, root: workspace.root, planPath, survey }),
      tools,
      workspace,
      maxTurns: options.maxTurns ?? DEFAULT_MAX_TURNS,
      maxBudgetUsd: options.maxBudgetUsd,
      signal: options.signal,
      emit,
      transcript,
      safetyCheck: hooks.safetyCheck,
      retryDelayMs: hooks.retry?.delayMs,
    });
  });
}

function openTranscript(file: string): Transcript {
  try {
    return new Transcript(file);
  } catch (error) {
    throw new UsageError(`Cannot write the transcript to ${file}: ${oneLine(error)}`);
  }
}

function failure(subtype: ResultSubtype, error: string): LoopOutcome {
  return { subtype, error, closingText: "", numTurns: 0, usage: emptyUsage(), plan: null, planErrors: [], planWarnings: [] };
}

/** The result object of cli.md, with the plan as it is on disk at the end of the run. */
async function finish(outcome: LoopOutcome, workspace: Workspace, model: string, started: number): Promise<RunResult> {
  const review = await reviewPlan(workspace);
  const succeeded = outcome.subtype === "success";
  const stillThere = await Promise.all(
    workspace.filesWritten.map(async (file) => ((await stat(resolve(workspace.root, file)).catch(() => null)) ? [file] : [])),
  );
  return {
    type: "result",
    subtype: outcome.subtype,
    is_error: !succeeded,
    ...(succeeded ? {} : { error: outcome.error ?? "The run failed." }),
    plan_path: review.exists ? workspace.relative(workspace.planPath) : null,
    plan: outcome.plan ?? review.plan,
    plan_errors: succeeded || !review.exists ? [] : review.problems,
    plan_warnings: outcome.planWarnings,
    files_written: stillThere.flat(),
    result: outcome.closingText,
    num_turns: outcome.numTurns,
    duration_ms: Date.now() - started,
    usage: outcome.usage,
    total_cost_usd: model === "offline" ? 0 : costUsd(model, outcome.usage),
    model,
  };
}
