import type Anthropic from "@anthropic-ai/sdk";
import type { BetaMessageStream } from "@anthropic-ai/sdk/lib/BetaMessageStream";
import type { BetaMessage, BetaMessageParam } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { ResultSubtype } from "../errors.js";
import type { PlanDocument } from "../plan/types.js";
import type { AgentEvent, Usage } from "../types.js";
import type { Workspace } from "../workspace.js";
import type { ToolDefinition } from "../../tools/tool.js";
import { CONTEXT_OVERFLOW_MESSAGE, describeApiError } from "./api-errors.js";
import { BETAS, CONTEXT_MANAGEMENT, MAX_OUTPUT_TOKENS } from "./constants.js";
import { judgePlan, type SafetyCheck, type Verdict } from "./plan-review.js";
import { costUsd } from "./pricing.js";
import { reportUnseenResults, summarize } from "./tool-events.js";
import { toRunnableTools } from "./tool-adapter.js";
import type { Transcript } from "./transcript.js";
import { addUsage, emptyUsage } from "./usage.js";
import { backoff, canRetryStream, isTransientStreamError } from "./stream-retry.js";

export interface LoopConfig {
  client: Anthropic;
  baseURL: string;
  model: string;
  /** The same for every request of the run, so the system + tools prefix stays cached. */
  system: string;
  firstMessage: string;
  tools: ToolDefinition[];
  workspace: Workspace;
  maxTurns: number;
  maxBudgetUsd?: number;
  signal?: AbortSignal;
  emit: (event: AgentEvent) => void;
  transcript?: Transcript;
  safetyCheck?: SafetyCheck;
  /** The wait before resending a turn whose reply broke off; default exponential backoff. */
  retryDelayMs?: (failure: number) => number;
}

export interface LoopOutcome {
  subtype: ResultSubtype;
  /** One line, when subtype is not success. */
  error?: string;
  /** The text of the model's last reply. */
  closingText: string;
  numTurns: number;
  usage: Usage;
  plan: PlanDocument | null;
  planErrors: string[];
  planWarnings: string[];
}

/**
 * The agent loop: the SDK's tool runner (streaming, full history each turn) drives the model and our tools;
 * this adds the limits (turns, budget), the plan checks and repairs, the events, and the mapping of every
 * way a run can end onto a result subtype.
 */
export async function runLoop(config: LoopConfig): Promise<LoopOutcome> {
  const { workspace, emit } = config;
  const abort = new AbortController();
  const stop = () => abort.abort();
  if (config.signal?.aborted) return interrupted();
  config.signal?.addEventListener("abort", stop, { once: true });

  const reported = new Set<string>();
  const tools = toRunnableTools(config.tools, {
    workspace,
    signal: abort.signal,
    onResult: (outcome) => {
      reported.add(outcome.id);
      emit({ type: "tool_result", id: outcome.id, name: outcome.name, is_error: outcome.is_error, summary: summarize(outcome.content) });
    },
  });
  // Built again, from the history the broken request carried, when a reply breaks off mid-stream.
  const startRunner = (messages: BetaMessageParam[]) =>
    config.client.beta.messages.toolRunner(
      {
        model: config.model,
        max_tokens: MAX_OUTPUT_TOKENS,
        system: config.system,
        tools,
        messages,
        cache_control: { type: "ephemeral" },
        context_management: CONTEXT_MANAGEMENT,
        betas: BETAS,
        thread: false,
        stream: true,
      },
      { signal: abort.signal },
    );
  let runner = startRunner([{ role: "user", content: config.firstMessage }]);

  let numTurns = 0;
  let usage = emptyUsage();
  let closingText = "";
  let repairs = 0;
  let safetyAsked = false;
  // Replies in a row that broke off mid-stream.
  let failures = 0;
  const end = (subtype: ResultSubtype, extra: Partial<LoopOutcome> = {}): LoopOutcome => ({
    subtype,
    closingText,
    numTurns,
    usage,
    plan: null,
    planErrors: [],
    planWarnings: [],
    ...extra,
  });
  const fail = (subtype: ResultSubtype, error: string, extra: Partial<LoopOutcome> = {}) => end(subtype, { error, ...extra });

  // One model request: its reply, the tools it calls, and what the run does next (null: go on).
  const turn = async (stream: BetaMessageStream): Promise<LoopOutcome | null> => {
    numTurns += 1;
    const message = (await stream.finalMessage()) as BetaMessage;
    failures = 0;
    config.transcript?.response(200, message);
    usage = addUsage(usage, message.usage);
    const text = textOf(message);
    if (text) {
      closingText = text;
      emit({ type: "assistant", text });
    }
    for (const block of message.content) {
      if (block.type === "tool_use") emit({ type: "tool_use", id: block.id, name: block.name, input: block.input });
    }

    let repair: Extract<Verdict, { kind: "repair" }> | null = null;
    switch (message.stop_reason) {
      case "tool_use": {
        // Runs the calls now (the runner reuses this answer) so that the results no tool saw are reported too.
        const answer = await runner.generateToolResponse();
        reportUnseenResults(message, answer?.content, reported, emit);
        break;
      }
      case "pause_turn":
      case "compaction":
        // The runner sends the unfinished reply back as it is, and the server carries on.
        break;
      case "max_tokens":
        return fail("error_during_execution", `The model's reply hit the limit of ${MAX_OUTPUT_TOKENS} output tokens before it finished.`);
      case "refusal":
        return fail("error_during_execution", "The model refused to continue with this task.");
      case "model_context_window_exceeded":
        return fail("error_during_execution", CONTEXT_OVERFLOW_MESSAGE);
      case "end_turn":
      case "stop_sequence": {
        const verdict = await judgePlan(workspace, { repairs, safetyAsked }, config.safetyCheck);
        if (verdict.kind === "accept") return end("success", { plan: verdict.plan, planWarnings: verdict.warnings });
        if (verdict.kind === "invalid") return fail("error_invalid_plan", verdict.error, { plan: verdict.plan, planErrors: verdict.problems });
        repair = verdict;
        break;
      }
      default:
        return fail("error_during_execution", `The model stopped for a reason this agent does not handle: ${message.stop_reason}.`);
    }

    if (abort.signal.aborted) return fail("error_interrupted", INTERRUPTED);
    const spent = costUsd(config.model, usage);
    if (config.maxBudgetUsd !== undefined && spent !== null && spent >= config.maxBudgetUsd) {
      return fail("error_max_budget_usd", `The run stopped after spending about $${spent.toFixed(4)}, the budget of $${config.maxBudgetUsd}.`);
    }
    if (numTurns >= config.maxTurns) {
      return fail("error_max_turns", `The run used all ${config.maxTurns} model requests before the plan was done.`);
    }
    if (repair !== null) {
      repairs += 1;
      safetyAsked ||= repair.safety;
      emit({ type: "repair", problems: repair.problems });
      // While a reply is handled the history does not hold it yet: it goes back in with the repair.
      runner.pushMessages({ role: "assistant", content: message.content as never }, { role: "user", content: repair.message });
    }
    return null;
  };

  try {
    for (;;) {
      let current: BetaMessageStream | undefined;
      try {
        for await (const stream of runner) {
          current = stream;
          const outcome = await turn(stream);
          if (outcome) return outcome;
        }
        return fail("error_during_execution", "The model API ended the conversation without a reply.");
      } catch (error) {
        if (abort.signal.aborted) return fail("error_interrupted", INTERRUPTED);
        // A request that failed before its reply started has had the SDK's retries already.
        const replyStarted = current?.response?.ok === true;
        const retry = replyStarted && isTransientStreamError(error) && canRetryStream(failures) && numTurns < config.maxTurns;
        if (!retry) {
          return fail("error_during_execution", describeApiError(error, { model: config.model, baseURL: config.baseURL }));
        }
        failures += 1;
        await backoff(failures, abort.signal, config.retryDelayMs);
        // While a reply is handled, params.messages is the history that was sent for it.
        runner = startRunner([...runner.params.messages]);
      }
    }
  } finally {
    config.signal?.removeEventListener("abort", stop);
  }
}

const INTERRUPTED = "The run was interrupted.";

function interrupted(): LoopOutcome {
  return { subtype: "error_interrupted", error: INTERRUPTED, closingText: "", numTurns: 0, usage: emptyUsage(), plan: null, planErrors: [], planWarnings: [] };
}

function textOf(message: BetaMessage): string {
  return message.content
    .flatMap((block) => (block.type === "text" ? [block.text] : []))
    .join("\n")
    .trim();
}
