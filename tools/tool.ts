import type { z } from "zod";
import type { Workspace } from "../src/workspace.js";

/** What every tool call gets: the repo it is scoped to, and the run's abort signal. */
export interface ToolContext {
  workspace: Workspace;
  signal?: AbortSignal;
}

/**
 * One tool the model can call. `run` returns the text the model reads; it throws `ToolFailure`
 * (src/errors.ts) for anything the model should see as an `is_error` result.
 */
export interface ToolDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  /** The description the model sees: the text of tools/<name>.md. */
  description: string;
  inputSchema: Schema;
  run(input: z.output<Schema>, context: ToolContext): Promise<string>;
}
