import { stat } from "node:fs/promises";
import { z } from "zod";
import { ToolFailure } from "../src/errors.js";
import { listFilesNewestFirst } from "../src/search/index.js";
import { GLOB_MAX_PATHS } from "../src/search/limits.js";
import { toolDescription } from "./description.js";
import type { ToolContext, ToolDefinition } from "./tool.js";

export const globInput = z.strictObject({
  pattern: z.string().min(1).describe("The glob to match, e.g. **/*.sql or db/migrate/*.rb"),
  path: z.string().describe("The folder to search in; the repository root by default").optional(),
});

export const globTool: ToolDefinition<typeof globInput> = {
  name: "Glob",
  description: toolDescription("glob"),
  inputSchema: globInput,
  run: glob,
};

async function glob(input: z.output<typeof globInput>, { workspace, signal }: ToolContext): Promise<string> {
  let under = "";
  if (input.path !== undefined && input.path.trim() !== "") {
    const folder = await workspace.resolveForRead(input.path);
    if (!(await stat(folder)).isDirectory()) {
      throw new ToolFailure(`${input.path} is a file, not a folder; give its folder as path, or Read the file.`);
    }
    under = workspace.relative(folder);
  }
  const pattern = relativePattern(input.pattern, workspace.root, under);
  const files = await listFilesNewestFirst(workspace.root, { under, glob: pattern, signal });
  if (files.length === 0) return "No files found";
  const shown = files.slice(0, GLOB_MAX_PATHS);
  if (files.length > GLOB_MAX_PATHS) {
    shown.push(`(Showing ${GLOB_MAX_PATHS} of ${files.length} matching files, newest first; narrow the pattern or the path to see the rest.)`);
  }
  return shown.join("\n");
}

/** The model sometimes writes the pattern as an absolute path, or with `./`: both mean the same files. */
function relativePattern(pattern: string, root: string, under: string): string {
  const base = under === "" ? `${root}/` : `${root}/${under}/`;
  if (pattern.startsWith(base)) return pattern.slice(base.length);
  return pattern.startsWith("./") ? pattern.slice(2) : pattern;
}
