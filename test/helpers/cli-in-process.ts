import { Readable } from "node:stream";
import { MAX_RETRIES } from "../../src/agent/constants.js";
import type { RetryPolicy } from "../../src/agent/retry-policy.js";
import { main } from "../../src/cli/main.js";
import { packageRoot } from "../../src/paths.js";
import { ENV, IN_PROCESS_RETRY, scriptAnthropic } from "./model-api/msw.js";
import type { RecordedRequest, Script, Step } from "./model-api/script.js";
import { fakeApiEnv } from "./model-api/http.js";

/**
 * The CLI in process: main(argv, io) with strings for stdout and stderr, an environment of our own (never
 * the developer's key), and Ctrl-C and exit codes as calls instead of signals and process.exit.
 */

export interface MainOutcome {
  code: number;
  stdout: string;
  stderr: string;
  /** Codes passed to io.exit: the program asked to end at once. */
  exits: number[];
  /** What the model was asked and answered, when `script` served it. */
  requests: RecordedRequest[];
  steps: Step[];
}

export interface MainOptions {
  /** The Messages API, served in process by msw (no SDK retries: msw stalls them). */
  script?: Script;
  /** Or a server of its own (http.ts, a closed port): the SDK retries there, without waiting. */
  server?: { url: string };
  /** Added to an environment of PATH and HOME (and the API's key and endpoint with `script` or `server`). */
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string;
  /** Runs once main has started, e.g. to press Ctrl-C once the model has been asked so often. */
  whileRunning?: (control: { interrupt(): void; requests: RecordedRequest[] }) => void | Promise<void>;
}

/** SDK retries as in a real run, with no wait between them. */
const NO_WAIT: RetryPolicy = { maxRetries: MAX_RETRIES, delayMs: () => 0 };

export async function runMain(args: string[], options: MainOptions = {}): Promise<MainOutcome> {
  const api = options.script ? scriptAnthropic(options.script) : undefined;
  const outcome: MainOutcome = { code: -1, stdout: "", stderr: "", exits: [], requests: api?.requests ?? [], steps: api?.steps ?? [] };
  const listeners: (() => void)[] = [];
  const apiEnv = api ? ENV : options.server ? fakeApiEnv(options.server.url) : {};
  try {
    const running = main(args, {
      stdout: (text) => void (outcome.stdout += text),
      stderr: (text) => void (outcome.stderr += text),
      stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
      cwd: options.cwd ?? packageRoot(),
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...apiEnv, ...options.env },
      onInterrupt: (listener) => void listeners.push(listener),
      exit: (code) => void outcome.exits.push(code),
      retry: api ? IN_PROCESS_RETRY : NO_WAIT,
    });
    const interrupt = () => listeners.forEach((listener) => listener());
    try {
      await options.whileRunning?.({ interrupt, requests: outcome.requests });
    } catch (error) {
      interrupt();
      await running.catch(() => undefined);
      throw error;
    }
    outcome.code = await running;
    return outcome;
  } finally {
    api?.close();
  }
}
