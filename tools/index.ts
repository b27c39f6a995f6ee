import { globTool } from "./glob.js";
import { grepTool } from "./grep.js";
import { readTool } from "./read.js";
import type { ToolDefinition } from "./tool.js";
import { writeTool } from "./write.js";

export const tools: ToolDefinition[] = [readTool, grepTool, globTool, writeTool];

/** The tools with these names, in the order of `tools`; an unknown name is ignored. */
export function toolsByName(names: string[]): ToolDefinition[] {
  const wanted = new Set(names);
  return tools.filter((tool) => wanted.has(tool.name));
}
