/** The loop's limits and defaults, in one place. */

/** Model requests per run unless --max-turns says otherwise (repairs and pause_turn resumes count). */
export const DEFAULT_MAX_TURNS = 40;

/** How many times the model is sent back to fix its plan before the run ends with error_invalid_plan. */
export const MAX_REPAIRS = 3;

/** SDK retries per request: a run survives at least four 429/5xx/529 answers or dropped connections in a row. */
export const MAX_RETRIES = 6;

/** Output tokens per response: room for a whole plan in one Write call. Requests stream, as the SDK requires. */
export const MAX_OUTPUT_TOKENS = 32_000;

/** One request (with its streamed reply) may take this long before the SDK gives up on it and retries. */
export const REQUEST_TIMEOUT_MS = 10 * 60 * 1000;

/** Betas the loop needs: server-side clearing of old tool results. */
export const BETAS = ["context-management-2025-06-27"];

/**
 * Keeps long runs inside the context window: once the prompt passes the trigger, the oldest tool results are
 * cleared on the server (the plan's Writes are kept), leaving the most recent ones for the model to cite.
 */
export const CONTEXT_MANAGEMENT = {
  edits: [
    {
      type: "clear_tool_uses_20250919" as const,
      trigger: { type: "input_tokens" as const, value: 120_000 },
      keep: { type: "tool_uses" as const, value: 10 },
      clear_at_least: { type: "input_tokens" as const, value: 20_000 },
      exclude_tools: ["Write"],
    },
  ],
};

/** A reply that breaks off mid-stream is sent again this many times in a row, with backoff, before the run gives up. */
export const MAX_STREAM_RETRIES = 4;
export const STREAM_RETRY_BASE_MS = 500;
export const STREAM_RETRY_MAX_MS = 8000;
