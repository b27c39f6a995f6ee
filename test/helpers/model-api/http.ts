import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { stepFor, type RecordedRequest, type Script, type Step } from "./script.js";
import { answerFor, type Answer } from "./wire.js";

/**
 * The Messages API on node:http, for a spawned CLI (through ANTHROPIC_BASE_URL) and for the SDK's own
 * retries, which msw cannot serve. It reads the same scripts as msw.ts.
 */

export interface FakeAnthropic {
  url: string;
  requests: RecordedRequest[];
  /** The step given to each request, in the same order as `requests`. */
  steps: Step[];
  close(): Promise<void>;
}

/** The environment of a run against the fake. */
export function fakeApiEnv(url: string): Record<string, string> {
  return { ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: "test-key" };
}

async function record(incoming: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
  let body: unknown = raw;
  try {
    body = raw === "" ? undefined : JSON.parse(raw);
  } catch {
    // Not JSON: kept as text for the assertion that looks at it.
  }
  return { method: incoming.method ?? "GET", path: incoming.url ?? "/", headers, body, raw, at: Date.now() };
}

function send(answer: Answer, response: ServerResponse): void {
  if (answer.kind === "none") {
    // A hanging request is ended by close().
    if (answer.end === "drop") response.socket?.destroy();
    return;
  }
  response.writeHead(answer.status, answer.headers);
  for (const chunk of answer.chunks) response.write(chunk);
  if (answer.end === "close") response.end();
  // After the first events have gone out, as a connection lost mid-reply.
  if (answer.end === "drop") setTimeout(() => response.socket?.destroy(), 20);
}

export async function startFakeAnthropic(script: Script): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  const steps: Step[] = [];
  const server = createServer((incoming, response) => {
    void (async () => {
      const request = await record(incoming);
      const index = requests.push(request) - 1;
      const step = await stepFor(script, request, index);
      steps[index] = step;
      send(answerFor(step, request, index), response);
    })().catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json", "x-should-retry": "false" });
      response.end(JSON.stringify({ type: "error", error: { type: "api_error", message: `fake-anthropic: ${String(error)}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    steps,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging replies would keep the server open forever.
        server.closeAllConnections();
      }),
  };
}
