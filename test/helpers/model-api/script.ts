import type { Usage } from "../../../src/types.js";

/**
 * The scripted conversation both Messages-API fakes read: msw.ts in process, http.ts for a spawned CLI.
 * A script is a list of steps (the n-th request gets the n-th) or one function that picks a step for
 * each request, e.g. from the conversation's progress, so a retried request gets the same answer.
 */

export type Block = { type: "text"; text: string } | { type: "tool_use"; id: string; name: string; input: unknown };

/** A whole reply: SSE when the request streams, JSON otherwise. */
export interface Reply {
  kind: "reply";
  content: Block[];
  stop_reason: string;
  usage: Usage;
}

/** An HTTP error; the body is the API's error object unless `body` replaces it. */
export interface ErrorAnswer {
  kind: "error";
  status: number;
  type: string;
  message: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A reply that starts (HTTP 200, message_start) and never ends; `onStart` runs when the request arrives. */
export interface HangingAnswer {
  kind: "hang";
  onStart?: () => void;
}

/** A reply that starts and then breaks off: an `error` event, or the connection lost mid-body. */
export interface BrokenAnswer {
  kind: "broken";
  how: "error-event" | "drop";
}

/** The connection closes before any answer. */
export interface DroppedAnswer {
  kind: "drop";
}

export type Step = Reply | ErrorAnswer | HangingAnswer | BrokenAnswer | DroppedAnswer;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: any;
  /** The body exactly as sent. */
  raw: string;
  /** When it arrived (Date.now()). */
  at: number;
}

export type StepFor = (request: RecordedRequest, index: number) => Step | Promise<Step>;
export type Script = (Step | StepFor)[] | StepFor;

export const DEFAULT_USAGE: Usage = { input_tokens: 1000, output_tokens: 100, cache_read_input_tokens: 800, cache_creation_input_tokens: 200 };

export const text = (value: string): Block => ({ type: "text", text: value });
export const toolUse = (id: string, name: string, input: unknown): Block => ({ type: "tool_use", id, name, input });

export function reply(content: Block[], stop_reason = "end_turn", usage: Partial<Usage> = {}): Reply {
  return { kind: "reply", content, stop_reason, usage: { ...DEFAULT_USAGE, ...usage } };
}

/** A reply that calls tools (stop_reason tool_use). */
export const calls = (...blocks: Block[]): Reply => reply(blocks, "tool_use");

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

/** An HTTP error with the API's error type for its status unless one is given. */
export function apiError(status: number, type = ERROR_TYPES[status] ?? "api_error", message = `fake error ${status}`, headers?: Record<string, string>): ErrorAnswer {
  return { kind: "error", status, type, message, headers };
}

/** How many assistant turns a request's conversation already holds: the step a conversation is at. */
export function assistantTurns(request: RecordedRequest): number {
  const messages = (request.body?.messages ?? []) as { role?: string }[];
  return messages.filter((message) => message.role === "assistant").length;
}

/** The last message of a recorded request. */
export const lastMessage = (request: RecordedRequest) => request.body.messages.at(-1);

/** The step for the index-th request; a used-up list answers 400, which no client retries. */
export async function stepFor(script: Script, request: RecordedRequest, index: number): Promise<Step> {
  const step = typeof script === "function" ? script : script[index];
  if (step === undefined) return apiError(400, "invalid_request_error", `The test script has no step for request ${index}.`);
  return typeof step === "function" ? step(request, index) : step;
}
