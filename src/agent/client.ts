import Anthropic from "@anthropic-ai/sdk";
import { MAX_RETRIES, REQUEST_TIMEOUT_MS } from "./constants.js";
import type { Transcript } from "./transcript.js";

export const DEFAULT_BASE_URL = "https://api.anthropic.com";

export interface ClientSettings {
  /** Exactly one of apiKey (sent as `x-api-key`) and authToken (sent as `Authorization: Bearer`). */
  apiKey?: string;
  authToken?: string;
  baseURL?: string;
  transcript?: Transcript;
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
  const credential = settings.apiKey
    ? { apiKey: settings.apiKey, authToken: null }
    : { apiKey: null, authToken: settings.authToken ?? null };
  return new Anthropic({
    ...credential,
    baseURL: settings.baseURL || DEFAULT_BASE_URL,
    maxRetries: MAX_RETRIES,
    timeout: REQUEST_TIMEOUT_MS,
    logger: stderrLogger,
    ...(settings.transcript ? { fetch: settings.transcript.fetch() } : {}),
  });
}
