import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runScripted } from "../helpers/agent-run.js";
import { apiError, calls, lastMessage, reply, text, toolUse } from "../helpers/model-api/script.js";
import { planFor, RAILS_FILES, writePlan } from "../helpers/rails-app.js";
import { makeTempRepo } from "../helpers/temp-repo.js";

/** Every way a run can end early, each with its subtype and a one-line error. */

let repo: string;
let removeRepo: () => Promise<void>;
beforeEach(async () => {
  ({ root: repo, cleanup: removeRepo } = await makeTempRepo(RAILS_FILES));
});
afterEach(() => removeRepo());

const globForever = (count: number) =>
  Array.from({ length: count }, (_, i) => calls(toolUse(`g${i}`, "Glob", { pattern: "**/*.rb" })));

const isOneLine = (value: string | undefined) => typeof value === "string" && value.length > 0 && !value.includes("\n");

describe("limits", () => {
  it("stops with error_max_turns once maxTurns model requests are spent", async () => {
    const { result, requests } = await runScripted(repo, globForever(6), { maxTurns: 2 });
    expect(requests).toHaveLength(2);
    expect(result).toMatchObject({ subtype: "error_max_turns", is_error: true, num_turns: 2, plan_path: null });
    expect(isOneLine(result.error)).toBe(true);
  });

  it("counts repairs against maxTurns", async () => {
    const { result, requests } = await runScripted(repo, [reply([text("no plan")]), reply([text("still none")])], { maxTurns: 1 });
    expect(requests).toHaveLength(1);
    expect(result.subtype).toBe("error_max_turns");
  });

  it("counts pause_turn resumes against maxTurns", async () => {
    const { result, requests } = await runScripted(repo, [reply([text("Still searching…")], "pause_turn"), reply([text("done")])], {
      maxTurns: 1,
    });
    expect(requests).toHaveLength(1);
    expect(result).toMatchObject({ subtype: "error_max_turns", num_turns: 1 });
  });

  it("stops with error_max_budget_usd once the estimated cost reaches the budget", async () => {
    // 10,000 input tokens on claude-sonnet-5-5 ($2 per million) cost $0.02 per response.
    const expensive = { input_tokens: 10_000, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
    const { result, requests } = await runScripted(
      repo,
      [reply([toolUse("g1", "Glob", { pattern: "*.rb" })], "tool_use", expensive), ...globForever(3)],
      { maxBudgetUsd: 0.015 },
    );
    expect(requests).toHaveLength(1);
    expect(result).toMatchObject({ subtype: "error_max_budget_usd", is_error: true, num_turns: 1, total_cost_usd: 0.02 });
    expect(isOneLine(result.error)).toBe(true);
  });

  it("keeps going under the budget", async () => {
    const cheap = { input_tokens: 100, output_tokens: 10, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
    const { result } = await runScripted(
      repo,
      [reply([writePlan("w1", planFor())], "tool_use", cheap), reply([text("done")], "end_turn", cheap)],
      { maxBudgetUsd: 1 },
    );
    expect(result.subtype).toBe("success");
  });
});

describe("stop reasons", () => {
  it("resumes a pause_turn by sending the unfinished reply back, and counts the resume as a turn", async () => {
    const { result, requests } = await runScripted(repo, [
      reply([text("Searching the schema…")], "pause_turn"),
      calls(writePlan("w1", planFor())),
      reply([text("done")]),
    ]);
    expect(result).toMatchObject({ subtype: "success", num_turns: 3 });
    expect(lastMessage(requests[1]!)).toMatchObject({
      role: "assistant",
      content: [expect.objectContaining({ type: "text", text: "Searching the schema…" })],
    });
  });

  it("ends a refused run with error_during_execution and a clear message", async () => {
    const { result, requests } = await runScripted(repo, [reply([], "refusal"), ...globForever(1)]);
    expect(requests).toHaveLength(1);
    expect(result).toMatchObject({ subtype: "error_during_execution", is_error: true, num_turns: 1 });
    expect(result.error).toMatch(/refused/);
  });

  it("ends a reply cut off by max_tokens with error_during_execution", async () => {
    const { result } = await runScripted(repo, [reply([text("The plan is long and")], "max_tokens")]);
    expect(result).toMatchObject({ subtype: "error_during_execution", is_error: true });
    expect(result.error).toMatch(/output tokens/);
  });

  it("ends a run that outgrew the context window with error_during_execution", async () => {
    const { result } = await runScripted(repo, [reply([], "model_context_window_exceeded")]);
    expect(result.error).toMatch(/context window/);
  });
});

describe("API errors come back as one-line error results", () => {
  it("says the key was rejected on 401", async () => {
    const { result } = await runScripted(repo, [apiError(401, "authentication_error", "invalid x-api-key")]);
    expect(result).toMatchObject({ subtype: "error_during_execution", is_error: true, num_turns: 1, plan_path: null });
    expect(result.error).toMatch(/API key was rejected \(401\)/);
  });

  it("names the unknown model on 404", async () => {
    const { result } = await runScripted(repo, [apiError(404, "not_found_error", "model: claude-nonesuch-9")], {
      model: "claude-nonesuch-9",
    });
    expect(result.error).toContain('"claude-nonesuch-9"');
    expect(result.error).toContain("404");
  });

  it("says the context window overflowed on a 400 for a prompt too long", async () => {
    const { result } = await runScripted(repo, [apiError(400, "invalid_request_error", "prompt is too long: 210000 tokens > 200000 maximum")]);
    expect(result.error).toMatch(/context window/);
    expect(isOneLine(result.error)).toBe(true);
  });
});
