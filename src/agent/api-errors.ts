import Anthropic from "@anthropic-ai/sdk";
import { oneLine } from "../errors.js";

/** What the message of a failed request says when the prompt no longer fits the model's context window. */
const CONTEXT_OVERFLOW = /prompt is too long|context window|context length|too many (input )?tokens/i;

export const CONTEXT_OVERFLOW_MESSAGE =
  "The conversation outgrew the model's context window; narrow the task or use a model with a larger window.";

/** Turns an error from the SDK into the one-line message of an error_during_execution result. */
export function describeApiError(error: unknown, context: { model: string; baseURL: string }): string {
  const detail = error instanceof Anthropic.APIError && error.apiMessage ? `: ${oneLine(error.apiMessage).replace(/\.+$/, "")}` : "";
  const afterRetries = "after repeated retries";
  if (error instanceof Anthropic.AuthenticationError) {
    return "The API key was rejected (401): check ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN).";
  }
  if (error instanceof Anthropic.PermissionDeniedError) {
    return `The API key is not allowed to do this (403)${detail}.`;
  }
  if (error instanceof Anthropic.NotFoundError) {
    return `The model "${context.model}" was not found (404); pick another with --model.`;
  }
  if (error instanceof Anthropic.BadRequestError) {
    if (CONTEXT_OVERFLOW.test(error.apiMessage ?? error.message)) return CONTEXT_OVERFLOW_MESSAGE;
    return `The model API rejected the request (400)${detail}.`;
  }
  if (error instanceof Anthropic.RateLimitError) {
    return `The model API kept refusing for rate limits (429) ${afterRetries}; try again later.`;
  }
  const overloaded = error instanceof Anthropic.APIError && (error.status === 529 || error.type === "overloaded_error");
  if (error instanceof Anthropic.OverloadedError || overloaded) {
    return `The model API stayed overloaded (529) ${afterRetries}; try again later.`;
  }
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return `The model API at ${context.baseURL} did not answer in time ${afterRetries}.`;
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return `Cannot reach the model API at ${context.baseURL} ${afterRetries}: the network is down or the address is wrong.`;
  }
  if (error instanceof Anthropic.APIError && error.status === undefined && error.type) {
    return `The model API broke off its reply with ${error.type}${detail}.`;
  }
  if (error instanceof Anthropic.AnthropicError && /^terminated$/i.test(error.message)) {
    return `The connection to the model API at ${context.baseURL} dropped in the middle of a reply.`;
  }
  if (error instanceof Anthropic.APIError && typeof error.status === "number") {
    const retried = error.status >= 500 ? ` ${afterRetries}` : "";
    return `The model API failed with status ${error.status}${retried}${detail}.`;
  }
  return oneLine(error);
}
