import { reply, type RecordedRequest, type Reply, type Step } from "./script.js";

/**
 * A step as the bytes the real API would send, for either fake to put on its transport: a status, headers
 * and body chunks, and how the body ends (closed, left open, or cut off); or no response at all.
 */
export type Answer =
  | { kind: "response"; status: number; headers: Record<string, string>; chunks: string[]; end: "close" | "hang" | "drop" }
  | { kind: "none"; end: "hang" | "drop" };

function sse(data: { type: string; [key: string]: unknown }): string {
  return `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

function message(step: Reply, index: number, model: unknown) {
  return {
    id: `msg_fake_${index}`,
    type: "message",
    role: "assistant",
    model: typeof model === "string" ? model : "claude-fake",
    content: step.content,
    stop_reason: step.stop_reason,
    stop_sequence: null,
    usage: step.usage,
  };
}

function halves(value: string): string[] {
  const half = Math.ceil(value.length / 2);
  return [value.slice(0, half), value.slice(half)];
}

function messageStart(whole: ReturnType<typeof message>): string {
  const { content: _content, stop_reason: _stop, usage, ...head } = whole;
  return sse({ type: "message_start", message: { ...head, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } } });
}

const textStart = (index: number) => sse({ type: "content_block_start", index, content_block: { type: "text", text: "" } });

/** The events the API streams for one message; text and tool input arrive in two deltas each. */
function replyEvents(whole: ReturnType<typeof message>): string[] {
  const { content, stop_reason, usage } = whole;
  const events = [messageStart(whole)];
  content.forEach((block, index) => {
    if (block.type === "text") {
      events.push(textStart(index));
      for (const part of halves(block.text)) events.push(sse({ type: "content_block_delta", index, delta: { type: "text_delta", text: part } }));
    } else {
      events.push(sse({ type: "content_block_start", index, content_block: { ...block, input: {} } }));
      for (const part of halves(JSON.stringify(block.input ?? {}))) {
        events.push(sse({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: part } }));
      }
    }
    events.push(sse({ type: "content_block_stop", index }));
  });
  events.push(sse({ type: "message_delta", delta: { stop_reason, stop_sequence: null }, usage }));
  events.push(sse({ type: "message_stop" }));
  return events;
}

/** The start of a reply that goes no further. */
const startOf = (index: number, model: unknown) => messageStart(message(reply([]), index, model));

const SSE = { "content-type": "text/event-stream", "cache-control": "no-cache" };

export function answerFor(step: Step, request: RecordedRequest, index: number): Answer {
  const headers = { "request-id": `req_fake_${index}` };
  const model = request.body?.model;
  switch (step.kind) {
    case "drop":
      return { kind: "none", end: "drop" };
    case "hang":
      step.onStart?.();
      if (request.body?.stream !== true) return { kind: "none", end: "hang" };
      return { kind: "response", status: 200, headers: { ...headers, ...SSE }, chunks: [startOf(index, model)], end: "hang" };
    case "broken": {
      const chunks = [startOf(index, model), textStart(0)];
      if (step.how === "drop") return { kind: "response", status: 200, headers: { ...headers, ...SSE }, chunks, end: "drop" };
      const error = sse({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
      return { kind: "response", status: 200, headers: { ...headers, ...SSE }, chunks: [...chunks, error], end: "close" };
    }
    case "error": {
      const body = step.body ?? { type: "error", error: { type: step.type, message: step.message }, request_id: `req_fake_${index}` };
      return { kind: "response", status: step.status, headers: { ...headers, "content-type": "application/json", ...step.headers }, chunks: [JSON.stringify(body)], end: "close" };
    }
    case "reply": {
      const whole = message(step, index, model);
      if (request.body?.stream === true) return { kind: "response", status: 200, headers: { ...headers, ...SSE }, chunks: replyEvents(whole), end: "close" };
      return { kind: "response", status: 200, headers: { ...headers, "content-type": "application/json" }, chunks: [JSON.stringify(whole)], end: "close" };
    }
  }
}
