import { stat } from "node:fs/promises";
import { z } from "zod";
import { ToolFailure } from "../src/errors.js";
import { grepAnswer } from "../src/search/grep-answer.js";
import { FILE_TYPES, searchContent, typeGlobs } from "../src/search/index.js";
import { GREP_DEFAULT_HEAD_LIMIT } from "../src/search/limits.js";
import type { SearchMode } from "../src/search/types.js";
import { toolDescription } from "./description.js";
import { flag, wholeNumber } from "./params.js";
import type { ToolContext, ToolDefinition } from "./tool.js";

export const grepInput = z.strictObject({
  pattern: z.string().min(1).describe("The regular expression to search for (ripgrep syntax)"),
  path: z.string().describe("The file or folder to search; the repository root by default").optional(),
  glob: z.string().describe('Only files matching this glob, e.g. "*.rb" or "*.{ts,tsx}"').optional(),
  type: z.string().describe("Only files of this type, e.g. py, ruby, ts, sql").optional(),
  output_mode: z
    .enum(["files_with_matches", "content", "count"])
    .describe('"files_with_matches" (default): paths; "content": matching lines; "count": matches per file')
    .optional(),
  "-i": flag("Ignore case").optional(),
  "-n": flag("Show line numbers (content mode); default true").optional(),
  "-A": wholeNumber(0, "Lines to show after each match (content mode)").optional(),
  "-B": wholeNumber(0, "Lines to show before each match (content mode)").optional(),
  "-C": wholeNumber(0, "Lines to show before and after each match (content mode)").optional(),
  context: wholeNumber(0, "Same as -C").optional(),
  multiline: flag("Let . match newlines and a match span lines").optional(),
  head_limit: wholeNumber(0, `Show at most this many rows (default ${GREP_DEFAULT_HEAD_LIMIT}; 0 for no limit)`).optional(),
  offset: wholeNumber(0, "Skip this many rows first").optional(),
});

const MODES: Record<string, SearchMode> = { files_with_matches: "files", content: "content", count: "count" };

export const grepTool: ToolDefinition<typeof grepInput> = {
  name: "Grep",
  description: toolDescription("grep"),
  inputSchema: grepInput,
  run: grep,
};

async function grep(input: z.output<typeof grepInput>, { workspace, signal }: ToolContext): Promise<string> {
  const mode = MODES[input.output_mode ?? "files_with_matches"]!;
  let types: readonly string[] | undefined;
  if (input.type !== undefined && input.type !== "") {
    types = typeGlobs(input.type);
    if (!types) throw new ToolFailure(`Unknown type "${input.type}"; the known types are ${Object.keys(FILE_TYPES).join(", ")}.`);
  }
  let under = "";
  if (input.path) {
    const target = await workspace.resolveForRead(input.path);
    const info = await stat(target);
    // Opening a pipe or device blocks until a writer comes, and an abort cannot unblock it.
    if (!info.isFile() && !info.isDirectory()) {
      throw new ToolFailure(`${input.path} is not a regular file (a pipe, socket or device); Grep searches files and folders only.`);
    }
    under = workspace.relative(target);
  }
  const around = input["-C"] ?? input.context ?? 0;
  const before = mode === "content" ? (input["-B"] ?? around) : 0;
  const after = mode === "content" ? (input["-A"] ?? around) : 0;
  const outcome = await searchContent(workspace.root, {
    pattern: input.pattern,
    mode,
    ignoreCase: input["-i"] ?? false,
    multiline: input.multiline ?? false,
    before,
    after,
    under,
    globs: input.glob ? [input.glob] : undefined,
    typeGlobs: types,
    signal,
  });
  return grepAnswer(workspace.root, outcome, {
    mode,
    lineNumbers: input["-n"] ?? true,
    withContext: before > 0 || after > 0,
    headLimit: input.head_limit ?? GREP_DEFAULT_HEAD_LIMIT,
    offset: input.offset ?? 0,
  });
}
