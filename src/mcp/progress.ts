import type { ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import type { AgentEvent } from "../types.js";

type ProgressToken = string | number;
type Send = (notification: ServerNotification) => Promise<void>;

const ARGUMENT_KEYS = ["file_path", "pattern", "path"] as const;
const MAX_MESSAGE = 200;

/** The argument a person would want to see for a tool call: the file or the pattern. */
function argumentOf(input: unknown): string {
  if (typeof input !== "object" || input === null) return "";
  const record = input as Record<string, unknown>;
  for (const key of ARGUMENT_KEYS) {
    const value = record[key];
    if (typeof value === "string") return value;
  }
  return "";
}

/**
 * Turns the run's events into MCP progress notifications: one per tool call (and per repair round),
 * so clients that reset their timeout on progress keep waiting for long runs. Without a progress
 * token the client asked for none, and nothing is sent.
 */
export function progressReporter(token: ProgressToken | undefined, send: Send): (event: AgentEvent) => void {
  if (token === undefined) return () => {};
  let progress = 0;
  return (event) => {
    let message: string;
    if (event.type === "tool_use") message = `${event.name} ${argumentOf(event.input)}`.trim();
    else if (event.type === "repair") message = `repairing the plan: ${event.problems.length} problem(s)`;
    else return;
    progress += 1;
    // A lost notification must never end the run: progress is advisory.
    send({
      method: "notifications/progress",
      params: { progressToken: token, progress, message: message.slice(0, MAX_MESSAGE) },
    }).catch(() => {});
  };
}
