import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { AgentEvent } from "../types.js";

/**
 * The `summary` of a tool_result event: a count for file contents (numbered `N<TAB>text` rows, as Read
 * answers), otherwise the result's first non-empty line, cut to fit one line of progress.
 */
const MAX_SUMMARY = 200;
const NUMBERED_ROW = /^(\d+)\t/;

export function summarize(content: string): string {
  const rows = content.split("\n");
  const first = NUMBERED_ROW.exec(rows[0] ?? "");
  if (first) {
    const count = rows.filter((row) => NUMBERED_ROW.test(row)).length;
    return `${count} line${count === 1 ? "" : "s"} from line ${first[1]}`;
  }
  const line = rows.find((row) => row.trim() !== "")?.trim() ?? "(empty)";
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
