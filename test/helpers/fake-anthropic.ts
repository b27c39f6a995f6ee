import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Usage } from "../../src/types.js";

/**
 * A fake Messages API on node:http, for tests that run the real SDK (in process or in a spawned CLI)
 * without a network or a key. Each request gets the next scripted reply: a message (SSE when the
 * request asks to stream, JSON otherwise), an HTTP error, a dropped socket, or no answer at all.
 */

export type FakeReply =
  | { message: { content: unknown[]; stop_reason: string; usage?: Partial<Usage> } }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { drop: true }
  | { hang: true };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

export type FakeScript = FakeReply[] | ((request: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>);

export interface FakeAnthropic {
  url: string;
  requests: RecordedRequest[];
  /** The reply given to each request, in the same order as `requests`. */
  replies: FakeReply[];
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

function fullUsage(usage: Partial<Usage> | undefined): Usage {
  return { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, ...usage };
}

function fullMessage(reply: Extract<FakeReply, { message: unknown }>, index: number, model: unknown) {
  return {
    id: `msg_fake_${index}`,
    type: "message",
    role: "assistant",
    model: typeof model === "string" ? model : "claude-fake",
    content: reply.message.content,
    stop_reason: reply.message.stop_reason,
    stop_sequence: null,
    usage: fullUsage(reply.message.usage),
  };
}

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The event sequence the real API streams for one message; text and tool input arrive in two deltas each. */
function streamEvents(message: ReturnType<typeof fullMessage>): string[] {
  const { content, stop_reason, usage, ...head } = message;
  const events = [sse("message_start", { type: "message_start", message: { ...head, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } } })];
  content.forEach((block, index) => {
    const typed = block as { type: string; text?: string; input?: unknown };
    if (typed.type === "text") {
      const text = typed.text ?? "";
      const half = Math.ceil(text.length / 2);
      events.push(sse("content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } }));
      for (const part of [text.slice(0, half), text.slice(half)]) {
        events.push(sse("content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text: part } }));
      }
    } else if (typed.type === "tool_use") {
      const json = JSON.stringify(typed.input ?? {});
      const half = Math.ceil(json.length / 2);
      events.push(sse("content_block_start", { type: "content_block_start", index, content_block: { ...typed, input: {} } }));
      for (const part of [json.slice(0, half), json.slice(half)]) {
        events.push(sse("content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: part } }));
      }
    } else {
      events.push(sse("content_block_start", { type: "content_block_start", index, content_block: block }));
    }
    events.push(sse("content_block_stop", { type: "content_block_stop", index }));
  });
  events.push(sse("message_delta", { type: "message_delta", delta: { stop_reason, stop_sequence: null }, usage }));
  events.push(sse("message_stop", { type: "message_stop" }));
  return events;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(reply: FakeReply, request: RecordedRequest, index: number, response: ServerResponse): void {
  if ("drop" in reply) {
    response.socket?.destroy();
    return;
  }
  if ("hang" in reply) return;
  const headers = { "request-id": `req_fake_${index}` };
  if ("status" in reply) {
    const body = reply.body ?? { type: "error", error: { type: ERROR_TYPES[reply.status] ?? "api_error", message: `fake error ${reply.status}` } };
    response.writeHead(reply.status, { ...headers, "content-type": "application/json", ...reply.headers });
    response.end(JSON.stringify(body));
    return;
  }
  const message = fullMessage(reply, index, request.body?.model);
  if (request.body?.stream === true) {
    response.writeHead(200, { ...headers, "content-type": "text/event-stream", "cache-control": "no-cache" });
    for (const event of streamEvents(message)) response.write(event);
    response.end();
    return;
  }
  response.writeHead(200, { ...headers, "content-type": "application/json" });
  response.end(JSON.stringify(message));
}

export async function startFakeAnthropic(script: FakeScript): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  const replies: FakeReply[] = [];
  const server = createServer((incoming, response) => {
    void (async () => {
      const request: RecordedRequest = {
        method: incoming.method ?? "GET",
        path: incoming.url ?? "/",
        headers: { ...incoming.headers },
        body: await readBody(incoming),
      };
      const index = requests.push(request) - 1;
      const exhausted: FakeReply = {
        status: 400,
        body: { type: "error", error: { type: "invalid_request_error", message: `fake-anthropic: the script has no reply for request ${index}` } },
      };
      const reply = Array.isArray(script) ? (script[index] ?? exhausted) : await script(request, index);
      replies[index] = reply;
      send(reply, request, index, response);
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
    replies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging replies would keep the server open forever.
        server.closeAllConnections();
      }),
  };
}

/** How many assistant turns a request's conversation already holds: the step a scripted conversation is at. */
export function assistantTurns(request: RecordedRequest): number {
  const messages = (request.body?.messages ?? []) as { role?: string }[];
  return messages.filter((message) => message.role === "assistant").length;
}

export const SCRIPT_USAGE: Usage = { input_tokens: 1000, output_tokens: 120, cache_read_input_tokens: 200, cache_creation_input_tokens: 50 };

function reply(content: unknown[], stop_reason: string): FakeReply {
  return { message: { content, stop_reason, usage: SCRIPT_USAGE } };
}

/**
 * A conversation that explores a repo and writes a plan, chosen by the conversation's progress (so
 * retried requests get the same answer): 1st parallel Glob + Grep, 2nd Read calls, 3rd Write of the
 * plan, then an end_turn text.
 */
export function planWritingScript(options: {
  planPath: string;
  planMarkdown: string;
  globPattern?: string;
  grepPattern?: string;
  readPaths?: string[];
}): (request: RecordedRequest, index: number) => FakeReply {
  const readPaths = options.readPaths ?? ["db/schema.rb"];
  return (request) => {
    const turn = assistantTurns(request);
    if (turn === 0) {
      return reply(
        [
          { type: "text", text: "I will look at the schema and the code that uses it." },
          { type: "tool_use", id: "toolu_glob_1", name: "Glob", input: { pattern: options.globPattern ?? "db/**/*.rb" } },
          { type: "tool_use", id: "toolu_grep_1", name: "Grep", input: { pattern: options.grepPattern ?? "email", output_mode: "files_with_matches" } },
        ],
        "tool_use",
      );
    }
    if (turn === 1) {
      return reply(
        readPaths.map((path, n) => ({ type: "tool_use", id: `toolu_read_${n + 1}`, name: "Read", input: { file_path: path } })),
        "tool_use",
      );
    }
    if (turn === 2) {
      return reply(
        [{ type: "tool_use", id: "toolu_write_1", name: "Write", input: { file_path: options.planPath, content: options.planMarkdown } }],
        "tool_use",
      );
    }
    return reply([{ type: "text", text: `The plan is in ${options.planPath}.` }], "end_turn");
  };
}
