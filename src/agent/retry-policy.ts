/**
 * How a run tries a request again. The SDK retries a request that fails before its reply starts, with its
 * own jittered backoff unless the server names a wait (Retry-After); the loop sends a turn again when its
 * reply breaks off mid-stream (stream-retry.ts). Runs leave the defaults; tests pass waits of 0 ms.
 */
export interface RetryPolicy {
  /** SDK retries per request. */
  maxRetries: number;
  /** Milliseconds to wait before the n-th retry in a row (1-based), for both kinds of retry. */
  delayMs?: (retry: number) => number;
}
