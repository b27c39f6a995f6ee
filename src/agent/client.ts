import Anthropic from "@anthropic-ai/sdk";
import { MAX_RETRIES, REQUEST_TIMEOUT_MS } from "./constants.js";
import type { RetryPolicy } from "./retry-policy.js";
import type { Transcript } from "./transcript.js";

export const DEFAULT_BASE_URL = "https://api.anthropic.com";

export interface ClientSettings {
  /** Exactly one of apiKey (sent as `x-api-key`) and authToken (sent as `Authorization: Bearer`). */
  apiKey?: string;
  authToken?: string;
  baseURL?: string;
  transcript?: Transcript;
  /** Default: MAX_RETRIES with the SDK's own backoff. */
  retry?: RetryPolicy;
}

/** The SDK's log lines go to stderr whatever their level: the library never writes to stdout. */
const stderrLogger = {
  error: (...args: unknown[]) => console.error(...args),
  warn: (...args: unknown[]) => console.error(...args),
  info: (...args: unknown[]) => console.error(...args),
  debug: (...args: unknown[]) => console.error(...args),
};

/**
 * The SDK client for one run. Credentials and the endpoint are always passed explicitly, so the SDK never
 * reads ambient ones (environment, profile files); retries are raised above the SDK's default.
 */
export function createClient(settings: ClientSettings): Anthropic {
  const delayMs = settings.retry?.delayMs;
  const credential = settings.apiKey
    ? { apiKey: settings.apiKey, authToken: null }
    : { apiKey: null, authToken: settings.authToken ?? null };
  const client = new Anthropic({
    ...credential,
    baseURL: settings.baseURL || DEFAULT_BASE_URL,
    maxRetries: settings.retry?.maxRetries ?? MAX_RETRIES,
    timeout: REQUEST_TIMEOUT_MS,
    logger: stderrLogger,
    ...(settings.transcript ? { fetch: settings.transcript.fetch() } : {}),
  });
  if (delayMs) waitBetweenRetries(client, delayMs);
  return client;
}

/**
 * The SDK takes no backoff option: the one method it asks for a wait (when the server names none) is
 * replaced on this client alone. test/agent/client.test.ts fails if the SDK stops asking it.
 */
function waitBetweenRetries(client: Anthropic, delayMs: (retry: number) => number): void {
  Object.defineProperty(client, "calculateDefaultRetryTimeoutMillis", {
    value: (retriesRemaining: number, maxRetries: number) => delayMs(maxRetries - retriesRemaining + 1),
  });
}
