import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runScripted } from "../helpers/agent-run.js";
import { calls, lastMessage, reply, text, toolUse } from "../helpers/model-api/script.js";
import { PLAN, planFor, RAILS_FILES, writePlan } from "../helpers/rails-app.js";
import { copyShopRails } from "../helpers/shop-rails.js";
import { makeTempRepo } from "../helpers/temp-repo.js";

/** Scripted conversations through the real loop and the real tools. */

let shop: string;
let removeShop: () => Promise<void>;
let rails: string;
let removeRails: () => Promise<void>;

beforeAll(async () => {
  ({ root: shop, cleanup: removeShop } = await copyShopRails());
});
afterAll(() => removeShop());

// A fresh repo per test: a plan left by one run would need a Read before the next run could replace it.
beforeEach(async () => {
  ({ root: rails, cleanup: removeRails } = await makeTempRepo(RAILS_FILES));
});
afterEach(() => removeRails());

const toolResults = (message: { content: { type: string; tool_use_id: string; content: string; is_error?: boolean }[] }) =>
  message.content.filter((block) => block.type === "tool_result");

describe("a scripted conversation on the bundled shop-rails example", () => {
  it("runs parallel Glob, Read and Grep calls, writes the plan and ends with success", async () => {
    const closing = "The plan is written to migration-plans/plan.md.";
    const { result, events, requests } = await runScripted(shop, [
      calls(
        toolUse("g1", "Glob", { pattern: "db/migrate/*.rb" }),
        toolUse("r1", "Read", { file_path: "db/schema.rb" }),
        toolUse("s1", "Grep", { pattern: "email", output_mode: "files_with_matches" }),
      ),
      calls(writePlan("w1", planFor())),
      reply([text(closing)]),
    ]);

    expect(result).toMatchObject({
      type: "result",
      subtype: "success",
      is_error: false,
      plan_path: PLAN,
      plan_errors: [],
      files_written: [PLAN],
      result: closing,
      num_turns: 3,
      model: "claude-sonnet-5-5",
    });
    expect(result.error).toBeUndefined();
    expect(result.plan?.sections.steps.map((step) => step.n)).toEqual([1, 2, 3]);
    expect(await readFile(join(shop, PLAN), "utf8")).toBe(planFor());

    // All three calls of one response are answered in one user message, in the model's order, by the real tools.
    const answers = toolResults(lastMessage(requests[1]!));
    expect(answers.map((answer) => answer.tool_use_id)).toEqual(["g1", "r1", "s1"]);
    expect(answers.every((answer) => answer.is_error !== true)).toBe(true);
    const migrations = (await readdir(join(shop, "db/migrate"))).filter((name) => name.endsWith(".rb"));
    expect(migrations.length).toBeGreaterThan(0);
    for (const name of migrations) expect(answers[0]!.content).toContain(`db/migrate/${name}`);
    const schemaFirstLine = (await readFile(join(shop, "db/schema.rb"), "utf8")).split("\n")[0]!;
    expect(answers[1]!.content).toContain(`1\t${schemaFirstLine}`);
    expect(answers[2]!.content).toContain("app/models/user.rb");

    expect(events.map((event) => event.type)).toEqual([
      "init",
      "tool_use",
      "tool_use",
      "tool_use",
      "tool_result",
      "tool_result",
      "tool_result",
      "tool_use",
      "tool_result",
      "assistant",
      "result",
    ]);
    expect(events[0]).toMatchObject({ type: "init", model: "claude-sonnet-5-5", plan_path: PLAN, offline: false });
    expect((events[0] as { tools: string[] }).tools.sort()).toEqual(["Glob", "Grep", "Read", "Write"]);
    expect(events.at(-1)).toEqual(result);
  });
});

describe("tool calls that cannot be served", () => {
  it("hands a tool failure back to the model as an is_error result and goes on", async () => {
    const { result, events, requests } = await runScripted(rails, [
      calls(toolUse("r1", "Read", { file_path: "db/missing_schema.rb" }), toolUse("r2", "Read", { file_path: "/etc/passwd" })),
      calls(writePlan("w1", planFor())),
      reply([text("done")]),
    ]);
    expect(result.subtype).toBe("success");
    const [missing, outside] = toolResults(lastMessage(requests[1]!));
    expect(missing).toMatchObject({ tool_use_id: "r1", is_error: true });
    expect(missing!.content).toContain("db/missing_schema.rb");
    expect(outside).toMatchObject({ tool_use_id: "r2", is_error: true });
    expect(events).toContainEqual(expect.objectContaining({ type: "tool_result", id: "r1", name: "Read", is_error: true }));
  });

  it("answers a call to a tool it does not have with is_error, and the run goes on", async () => {
    const { result, events, requests } = await runScripted(rails, [
      calls(toolUse("b1", "Bash", { command: "cat db/schema.rb" })),
      calls(writePlan("w1", planFor())),
      reply([text("done")]),
    ]);
    expect(result.subtype).toBe("success");
    const [answer] = toolResults(lastMessage(requests[1]!));
    expect(answer).toMatchObject({ tool_use_id: "b1", is_error: true });
    expect(answer!.content).toContain("Bash");
    expect(events).toContainEqual(expect.objectContaining({ type: "tool_result", id: "b1", name: "Bash", is_error: true }));
  });

  it("names the bad field when a call's input fails the tool's schema", async () => {
    const { requests } = await runScripted(rails, [
      calls(toolUse("r1", "Read", { path: "db/schema.rb" })),
      calls(writePlan("w1", planFor())),
      reply([text("done")]),
    ]);
    const [answer] = toolResults(lastMessage(requests[1]!));
    expect(answer).toMatchObject({ tool_use_id: "r1", is_error: true });
    expect(answer!.content).toContain("file_path");
  });

  it("refuses a Write outside the plan path and the allowed globs", async () => {
    const { result, requests } = await runScripted(rails, [
      calls(toolUse("w0", "Write", { file_path: "app/models/user.rb", content: "hacked" })),
      calls(writePlan("w1", planFor())),
      reply([text("done")]),
    ]);
    expect(toolResults(lastMessage(requests[1]!))[0]).toMatchObject({ tool_use_id: "w0", is_error: true });
    expect(await readFile(join(rails, "app/models/user.rb"), "utf8")).toBe(RAILS_FILES["app/models/user.rb"]);
    expect(result.files_written).toEqual([PLAN]);
  });
});

describe("hooks the lead wires in", () => {
  it("puts the survey's text into the first user message", async () => {
    const { requests } = await runScripted(rails, [calls(writePlan("w1", planFor())), reply([text("done")])], {}, {
      survey: async () => "framework: rails 7.1; database: postgresql",
    });
    expect(JSON.stringify(requests[0]!.body.messages[0])).toContain("framework: rails 7.1; database: postgresql");
  });

  it("sends rule-table findings back once as a repair, then reports what remains as plan_warnings", async () => {
    const finding = "Step 3 drops users.email while the old code may still read it.";
    const { result, events, requests } = await runScripted(
      rails,
      [calls(writePlan("w1", planFor())), reply([text("first")]), reply([text("kept as is")])],
      {},
      { safetyCheck: () => [finding] },
    );
    expect(result).toMatchObject({ subtype: "success", plan_warnings: [finding], num_turns: 3 });
    expect(events.filter((event) => event.type === "repair")).toEqual([{ type: "repair", problems: [finding] }]);
    expect(JSON.stringify(lastMessage(requests[2]!))).toContain(finding);
  });
});
