import { UsageError } from "../errors.js";
import type { PlanMigrationOptions } from "../types.js";

export interface Credentials {
  apiKey?: string;
  authToken?: string;
  baseURL?: string;
}

/** The key (or token) and endpoint of a run: given in the options, else from the environment the caller gave. */
export function resolveCredentials(options: PlanMigrationOptions, env: Record<string, string | undefined>): Credentials {
  const apiKey = options.apiKey ?? (env.ANTHROPIC_API_KEY?.trim() || undefined);
  const authToken = options.authToken ?? (env.ANTHROPIC_AUTH_TOKEN?.trim() || undefined);
  const baseURL = options.baseURL ?? (env.ANTHROPIC_BASE_URL?.trim() || undefined);
  if (!apiKey && !authToken) {
    throw new UsageError(
      "No API key: set ANTHROPIC_API_KEY (export ANTHROPIC_API_KEY=sk-ant-...) or ANTHROPIC_AUTH_TOKEN, or run with --offline.",
    );
  }
  // One credential goes to the SDK; the key wins, as the SDK itself prefers it.
  return apiKey ? { apiKey, baseURL } : { authToken, baseURL };
}
