import { betaZodTool } from "@anthropic-ai/sdk/helpers/beta/zod";
import { describe, expect, it } from "vitest";
import { tools, toolsByName } from "../../tools/index.js";
import { grepInput } from "../../tools/grep.js";
import { readFileSync } from "node:fs";
import { packageFile } from "../../src/paths.js";

/** The JSON schema the model receives, exactly as the SDK's betaZodTool builds it from our zod schema. */
function modelSchema(name: string): unknown {
  const tool = toolsByName([name])[0]!;
  const runnable = betaZodTool({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema, run: async () => "" });
  // The runnable type is a union that includes server tools without input_schema; ours always has one.
  return (runnable as unknown as { input_schema: unknown }).input_schema;
}

describe("tool schemas as the model sees them", () => {
  it("lists the four tools in order, each described by its tools/<name>.md", () => {
    expect(tools.map((tool) => tool.name)).toEqual(["Read", "Grep", "Glob", "Write"]);
    for (const tool of tools) {
      expect(tool.description).toBe(readFileSync(packageFile("tools", `${tool.name.toLowerCase()}.md`), "utf8").trim());
    }
    expect(toolsByName(["Write", "Read", "Nope"]).map((tool) => tool.name)).toEqual(["Read", "Write"]);
  });

  it.each(["Read", "Grep", "Glob", "Write"])("%s: matches the snapshot, with only the real requirements required", (name) => {
    const schema = modelSchema(name) as { required?: string[]; $defs?: unknown };
    expect(schema.$defs).toBeUndefined();
    expect(schema).toMatchSnapshot();
  });

  it("requires only pattern in Grep, leaving the defaulted -n, head_limit and output_mode optional", () => {
    expect((modelSchema("Grep") as { required: string[] }).required).toEqual(["pattern"]);
    expect((modelSchema("Read") as { required: string[] }).required).toEqual(["file_path"]);
  });

  it("accepts numeric strings for numbers and \"true\"/\"false\" for booleans, and names a bad field", () => {
    expect(grepInput.parse({ pattern: "x", "-i": "false", "-n": "true", head_limit: "10", "-C": "2" })).toEqual({
      pattern: "x",
      "-i": false,
      "-n": true,
      head_limit: 10,
      "-C": 2,
    });
    const bad = grepInput.safeParse({ pattern: "x", head_limit: "ten" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["head_limit"]);
    expect(grepInput.safeParse({ pattern: "x", "-i": "yes" }).success).toBe(false);
    expect(grepInput.safeParse({ pattern: "x", offset: -1 }).success).toBe(false);
  });
});
