import type { RetryPolicy } from "../agent/retry-policy.js";
import type { CliOutput } from "./renderer.js";

/** What main reads and writes; the executable passes the process's own, tests their own. */
export interface CliIO extends CliOutput {
  stdin: NodeJS.ReadableStream;
  cwd: string;
  /** Where a run reads its key, endpoint and model aliases. */
  env: Record<string, string | undefined>;
  /** Calls `listener` on every Ctrl-C (SIGINT). */
  onInterrupt(listener: () => void): void;
  /** Ends the program now with this code, without waiting for the run: a second Ctrl-C. */
  exit(code: number): void;
  /** Default: the SDK's retries and backoff. */
  retry?: RetryPolicy;
}
