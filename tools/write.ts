import { z } from "zod";
import { toolDescription } from "./description.js";
import type { ToolContext, ToolDefinition } from "./tool.js";

export const writeInput = z.strictObject({
  file_path: z.string().describe("Where to write: absolute, or relative to the repository root"),
  content: z.string().describe("The complete text of the file"),
});

export const writeTool: ToolDefinition<typeof writeInput> = {
  name: "Write",
  description: toolDescription("write"),
  inputSchema: writeInput,
  run: write,
};

async function write(input: z.output<typeof writeInput>, { workspace }: ToolContext): Promise<string> {
  const result = await workspace.writeFile(input.file_path, input.content, { requireRead: true });
  return result.created
    ? `File created successfully at: ${result.path}`
    : `The file ${result.path} has been updated successfully.`;
}
