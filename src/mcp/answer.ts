import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { oneLine } from "../errors.js";
import type { RunResult } from "../types.js";

/**
 * What the tool call answers: the plan's Markdown as text (on error, the one-line error), and the
 * result object as structured content. The plan is read from disk, where the run left it.
 */
export async function toolAnswer(result: RunResult, repo: string): Promise<CallToolResult> {
  let text: string;
  if (result.is_error) {
    text = result.error ?? `The run ended with ${result.subtype}.`;
  } else if (result.plan_path) {
    text = await readFile(resolve(repo, result.plan_path), "utf8").catch(
      (error: unknown) => `The plan was written to ${result.plan_path} but could not be read back: ${oneLine(error)}`,
    );
  } else {
    text = result.result;
  }
  return {
    content: [{ type: "text", text }],
    structuredContent: result as unknown as Record<string, unknown>,
    isError: result.is_error,
  };
}
