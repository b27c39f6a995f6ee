import Anthropic from "@anthropic-ai/sdk";
import { MAX_STREAM_RETRIES, STREAM_RETRY_BASE_MS, STREAM_RETRY_MAX_MS } from "./constants.js";

/** Error types the API sends inside a stream that are worth another try. */
const TRANSIENT_TYPES = new Set(["overloaded_error", "api_error", "rate_limit_error", "timeout_error"]);

/**
 * The SDK retries a request that fails before its reply starts; a reply that breaks off mid-stream (a dropped
 * connection, an `error` event) is retried here, by sending the same turn again.
 */
export function isTransientStreamError(error: unknown): boolean {
  if (error instanceof Anthropic.APIUserAbortError) return false;
  if (error instanceof Anthropic.APIConnectionError) return true;
  if (error instanceof Anthropic.APIError && error.status === undefined) return TRANSIENT_TYPES.has(String(error.type));
  // fetch reports a body cut off mid-way as a TypeError ("terminated"), which the SDK may wrap.
  const cause = error instanceof Anthropic.AnthropicError && error.cause !== undefined ? error.cause : error;
  return cause instanceof TypeError && /terminated|socket|network|ECONNRESET/i.test(cause.message);
}

export function canRetryStream(failures: number): boolean {
  return failures < MAX_STREAM_RETRIES;
}

/** Exponential backoff: the wait before the n-th retry (1-based). */
export function streamRetryDelayMs(failure: number): number {
  return Math.min(STREAM_RETRY_BASE_MS * 2 ** (failure - 1), STREAM_RETRY_MAX_MS);
}

/** The wait before the n-th retry (1-based), cut short by the run's signal. */
export function backoff(failure: number, signal: AbortSignal, delayMs: (failure: number) => number = streamRetryDelayMs): Promise<void> {
  const ms = delayMs(failure);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
