import { betaZodTool } from "@anthropic-ai/sdk/helpers/beta/zod";
import type { BetaRunnableTool } from "@anthropic-ai/sdk/lib/tools/BetaRunnableTool";
import { ToolError } from "@anthropic-ai/sdk/lib/tools/ToolError";
import type { BetaTool } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { z } from "zod";
import { ToolFailure } from "../errors.js";
import type { Workspace } from "../workspace.js";
import type { ToolDefinition } from "../../tools/tool.js";

export interface ToolOutcome {
  id: string;
  name: string;
  is_error: boolean;
  content: string;
}

export interface AdapterContext {
  workspace: Workspace;
  signal?: AbortSignal;
  /** Called as each call ends, so progress shows while parallel calls still run. */
  onResult?: (outcome: ToolOutcome) => void;
}

/**
 * Our tool definitions as the SDK tool runner runs them. A ToolFailure, and input that fails the schema,
 * go back to the model as an `is_error` result naming what is wrong; the run goes on.
 */
export function toRunnableTools(definitions: ToolDefinition[], context: AdapterContext): BetaRunnableTool<unknown>[] {
  return definitions.map((definition) => toRunnableTool(definition, context));
}

function toRunnableTool(definition: ToolDefinition, context: AdapterContext): BetaRunnableTool<unknown> {
  const tool = betaZodTool({
    name: definition.name,
    description: definition.description,
    inputSchema: definition.inputSchema as z.ZodType,
    run: async (input, runContext) => {
      const id = runContext?.toolUse.id ?? "";
      try {
        const output = await definition.run(input, { workspace: context.workspace, signal: context.signal });
        context.onResult?.({ id, name: definition.name, is_error: false, content: output });
        return output;
      } catch (error) {
        const message = error instanceof ToolFailure ? error.message : `Error: ${(error as Error)?.message ?? String(error)}`;
        context.onResult?.({ id, name: definition.name, is_error: true, content: message });
        throw new ToolError(message);
      }
    },
  });
  return {
    ...tool,
    // The model writes the input, so it sees the input side (a field with a default is optional), every field spelled out.
    input_schema: z.toJSONSchema(definition.inputSchema, { io: "input" }) as BetaTool["input_schema"],
    parse: (input: unknown) => parseInput(definition, input),
  } as BetaRunnableTool<unknown>;
}

function parseInput(definition: ToolDefinition, input: unknown): unknown {
  const parsed = definition.inputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`);
  throw new ToolError(`Invalid input for ${definition.name}: ${problems.join("; ")}.`);
}
