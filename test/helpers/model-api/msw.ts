import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import type { RetryPolicy } from "../../../src/agent/retry-policy.js";
import { stepFor, type RecordedRequest, type Script, type Step } from "./script.js";
import { answerFor, type Answer } from "./wire.js";

/**
 * The Messages API in process, through msw: a run's requests to BASE_URL get the script's steps. msw 2
 * stalls when the SDK retries a mocked error response, so runs against it use IN_PROCESS_RETRY (no SDK
 * retries); SDK retries are tested against http.ts.
 */

export const BASE_URL = "http://anthropic.test";
export const TEST_KEY = "sk-ant-test-key-0123456789";
export const ENV = { ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: BASE_URL };

/** No SDK retries (see above), and no wait before the loop resends a turn whose reply broke off. */
export const IN_PROCESS_RETRY: RetryPolicy = { maxRetries: 0, delayMs: () => 0 };

export interface ScriptedApi {
  requests: RecordedRequest[];
  /** The step given to each request, in the same order as `requests`. */
  steps: Step[];
  close(): void;
}

function body(answer: Extract<Answer, { kind: "response" }>, signal: AbortSignal): ReadableStream<Uint8Array> {
  // A stream even for a whole body: msw stalls the SDK's next request after a string body that carried an SSE error.
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of answer.chunks) controller.enqueue(encoder.encode(chunk));
      if (answer.end === "close") controller.close();
      // After the first events have gone out, as a connection lost mid-reply; a hanging body stays open.
      if (answer.end === "drop") setTimeout(() => controller.error(new TypeError("terminated")), 20);
      // msw does not end a mocked body when the client aborts, as a real connection would.
      if (answer.end === "hang") signal.addEventListener("abort", () => controller.error(signal.reason), { once: true });
    },
  });
}

function respond(answer: Answer, signal: AbortSignal): Response | Promise<Response> {
  if (answer.kind === "response") return new HttpResponse(body(answer, signal), { status: answer.status, headers: answer.headers });
  if (answer.end === "drop") return HttpResponse.error();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(HttpResponse.error()), { once: true }));
}

/** Starts msw with the script; create the SDK client (planMigration does) only after this. */
export function scriptAnthropic(script: Script): ScriptedApi {
  const requests: RecordedRequest[] = [];
  const steps: Step[] = [];
  const server = setupServer(
    http.post(`${BASE_URL}/v1/messages`, async ({ request }) => {
      const raw = await request.text();
      const recorded: RecordedRequest = {
        method: request.method,
        path: new URL(request.url).pathname,
        headers: request.headers,
        body: JSON.parse(raw),
        raw,
        at: Date.now(),
      };
      const index = requests.push(recorded) - 1;
      const step = await stepFor(script, recorded, index);
      steps[index] = step;
      return respond(answerFor(step, recorded, index), request.signal);
    }),
  );
  server.listen({ onUnhandledRequest: "error" });
  return { requests, steps, close: () => server.close() };
}
