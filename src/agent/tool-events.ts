import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { AgentEvent } from "../types.js";

/** The `summary` of a tool_result event: the result's first non-empty line, cut to fit one line of progress. */
const MAX_SUMMARY = 200;

export function summarize(content: string): string {
  const line = content.split("\n").find((row) => row.trim() !== "")?.trim() ?? "(empty)";
  return line.length > MAX_SUMMARY ? `${line.slice(0, MAX_SUMMARY - 1)}…` : line;
}

/** The text of a tool result's content, whether it came back as a string or as blocks. */
export function toolResultText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.flatMap((block) => (block?.type === "text" && typeof block.text === "string" ? [block.text] : [])).join("\n");
}

/**
 * tool_result events for the answers no tool reported as it ended: calls to unknown tools and input that
 * failed the schema, which the SDK answers without running anything.
 */
export function reportUnseenResults(
  message: BetaMessage,
  answers: unknown,
  reported: Set<string>,
  emit: (event: AgentEvent) => void,
): void {
  for (const block of Array.isArray(answers) ? answers : []) {
    if (block?.type !== "tool_result" || reported.has(block.tool_use_id)) continue;
    const call = message.content.find((use) => use.type === "tool_use" && use.id === block.tool_use_id);
    emit({
      type: "tool_result",
      id: block.tool_use_id,
      name: call?.type === "tool_use" ? call.name : "",
      is_error: block.is_error === true,
      summary: summarize(toolResultText(block.content)),
    });
  }
}
