import { describe, expect, it } from "vitest";
import { errorResult, exitCodeFor } from "../../src/error-result.js";
import { jsonRenderer, streamJsonRenderer } from "../../src/cli/render-json.js";
import { summaryLine, textRenderer, toolArgument } from "../../src/cli/render-text.js";
import { UsageError } from "../../src/errors.js";
import type { RunResult } from "../../src/types.js";

function capture() {
  const out = { stdout: "", stderr: "" };
  return { out, output: { stdout: (text: string) => (out.stdout += text), stderr: (text: string) => (out.stderr += text) } };
}

const success: RunResult = {
  type: "result",
  subtype: "success",
  is_error: false,
  plan_path: "migration-plans/rename.md",
  plan: null,
  plan_errors: [],
  plan_warnings: ["add_index without algorithm: :concurrently locks writes"],
  files_written: ["migration-plans/rename.md"],
  result: "done",
  num_turns: 4,
  duration_ms: 1500,
  usage: { input_tokens: 4000, output_tokens: 480, cache_read_input_tokens: 800, cache_creation_input_tokens: 200 },
  total_cost_usd: 0.0123,
  model: "claude-sonnet-5-5",
};

describe("text output", () => {
  it("writes a progress line per tool call with its argument and a short result, on stderr", () => {
    const { out, output } = capture();
    const renderer = textRenderer(output, "normal");
    renderer.onEvent({ type: "init", model: "claude-sonnet-5-5", repo: "/r", plan_path: "p.md", tools: ["Read"], offline: false });
    renderer.onEvent({ type: "tool_use", id: "a", name: "Grep", input: { pattern: "email", glob: "*.rb" } });
    renderer.onEvent({ type: "tool_use", id: "b", name: "Read", input: { file_path: "db/schema.rb" } });
    renderer.onEvent({ type: "tool_result", id: "b", name: "Read", is_error: true, summary: "File does not exist: db/schema.rb" });
    renderer.onEvent({ type: "tool_result", id: "a", name: "Grep", is_error: false, summary: "Found 3 files" });
    renderer.onEvent({ type: "assistant", text: "thinking aloud" });
    expect(out.stdout).toBe("");
    expect(out.stderr.split("\n")).toEqual([
      "Planning with claude-sonnet-5-5 in /r; the plan goes to p.md",
      "  Read db/schema.rb -> error: File does not exist: db/schema.rb",
      "  Grep email (*.rb) -> Found 3 files",
      "",
    ]);
  });

  it("shows the model's text and each plan problem only when verbose, and nothing when quiet", () => {
    const verbose = capture();
    const quiet = capture();
    for (const [capt, level] of [[verbose, "verbose"], [quiet, "quiet"]] as const) {
      const renderer = textRenderer(capt.output, level);
      renderer.onEvent({ type: "assistant", text: "Looking at the schema." });
      renderer.onEvent({ type: "repair", problems: ["Step 2 has no Rollback item."] });
    }
    expect(verbose.out.stderr).toContain("  | Looking at the schema.");
    expect(verbose.out.stderr).toContain("The plan failed 1 check; asking the model to fix it.");
    expect(verbose.out.stderr).toContain("  - Step 2 has no Rollback item.");
    expect(quiet.out.stderr).toBe("");
  });

  it("ends with the plan's path and a summary of turns, tokens and cost on stdout", () => {
    const { out, output } = capture();
    textRenderer(output, "normal").finish(success);
    expect(out.stdout).toBe(
      "Plan: migration-plans/rename.md\n4 turns, 5,000 input tokens (800 read from cache), 480 output tokens, $0.0123, 1.5s\n",
    );
    expect(out.stderr).toBe("warning: add_index without algorithm: :concurrently locks writes\n");
  });

  it("prints an error as one line on stderr and nothing on stdout for a usage error", () => {
    const { out, output } = capture();
    textRenderer(output, "normal").finish(errorResult(new UsageError("No task given."), { startedAt: Date.now() }));
    expect(out.stderr).toBe("migration-agent: No task given.\n");
    expect(out.stdout).toBe("");
  });

  it("says the cost is unknown for an unpriced model, and offline for offline runs", () => {
    expect(summaryLine({ ...success, total_cost_usd: null, model: "my-model" })).toContain("cost unknown (no price for my-model)");
    expect(summaryLine({ ...success, total_cost_usd: 0, model: "offline", num_turns: 0 })).toBe("Offline, no model calls, 1.5s");
  });

  it("names a tool call by its path or pattern, clipped to one short line", () => {
    expect(toolArgument("Glob", { pattern: "**/*.rb", path: "app" })).toBe("**/*.rb in app");
    expect(toolArgument("Read", { file_path: "a.rb", offset: 40 })).toBe("a.rb from line 40");
    expect(toolArgument("Write", { file_path: "plan.md", content: "x".repeat(500) })).toBe("plan.md");
    expect(toolArgument("Other", { q: "y".repeat(500) }).length).toBe(80);
  });
});

describe("json and stream-json output", () => {
  it("json prints the result object alone, as one line", () => {
    const { out, output } = capture();
    const renderer = jsonRenderer(output);
    renderer.onEvent({ type: "assistant", text: "hi" });
    renderer.finish(success);
    expect(out.stdout.endsWith("\n")).toBe(true);
    expect(out.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(JSON.parse(out.stdout)).toEqual(success);
  });

  it("stream-json prints each event as a line and the result once, last, even if the run emitted it too", () => {
    const { out, output } = capture();
    const renderer = streamJsonRenderer(output);
    renderer.onEvent({ type: "assistant", text: "hi" });
    renderer.onEvent(success);
    renderer.finish(success);
    const lines = out.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([{ type: "assistant", text: "hi" }, success]);
  });
});

describe("exit codes", () => {
  it("maps each result subtype onto the exit code of cli.md", () => {
    expect(
      (["success", "error_max_turns", "error_max_budget_usd", "error_invalid_plan", "error_during_execution", "error_usage", "error_interrupted"] as const).map(
        exitCodeFor,
      ),
    ).toEqual([0, 1, 1, 1, 1, 2, 130]);
  });
});
