import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { costUsd } from "../../src/agent/pricing.js";
import type { AgentEvent, RunResult, Usage } from "../../src/types.js";
import { runMain } from "../helpers/cli-in-process.js";
import { planWritingScript } from "../helpers/model-api/conversations.js";
import { startFakeAnthropic } from "../helpers/model-api/http.js";
import { TEST_KEY } from "../helpers/model-api/msw.js";
import { apiError, calls, reply, text, toolUse, type RecordedRequest, type Script, type Step } from "../helpers/model-api/script.js";
import { copyShopRails, shopRailsPlan } from "../helpers/shop-rails.js";

/** Whole runs of the CLI in process against a scripted model: the happy path, retries, and the three output formats. */

const TASK = "rename users.email to users.email_address";
const PLAN = "migration-plans/rename-email.md";
const READS = ["db/schema.rb", "app/models/user.rb"];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A copy of shop-rails, and a model that explores it and writes a plan there, after the `prefix` answers. */
async function setUp(prefix: Step[] = []): Promise<{ repo: string; script: Script }> {
  const { root, cleanup } = await copyShopRails();
  cleanups.push(cleanup);
  const plan = planWritingScript({ planPath: PLAN, planMarkdown: shopRailsPlan(TASK), readPaths: READS });
  return { repo: root, script: (request, index) => prefix[index] ?? plan(request, index) };
}

/** What the model charged: the usage of every reply it sent, summed. */
function servedUsage(steps: Step[]): Usage {
  const total: Usage = { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
  for (const step of steps) {
    if (step.kind !== "reply") continue;
    for (const key of Object.keys(total) as (keyof Usage)[]) total[key] += step.usage[key];
  }
  return total;
}

function toolResultsIn(request: RecordedRequest): { tool_use_id: string; content: unknown; is_error?: boolean }[] {
  const last = (request.body.messages as { role: string; content: unknown }[]).at(-1)!;
  return Array.isArray(last.content) ? last.content.filter((block: { type: string }) => block.type === "tool_result") : [];
}

const args = (repo: string, ...more: string[]) => ["-C", repo, "-o", PLAN, ...more, TASK];

describe("a successful run", () => {
  it("explores with parallel tool calls, writes the plan that passes its checks, and exits 0", async () => {
    const { repo, script } = await setUp();
    const outcome = await runMain(args(repo), { script });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(await readFile(join(repo, PLAN), "utf8")).toBe(shopRailsPlan(TASK));
    const { requests } = outcome;
    expect(requests).toHaveLength(4);

    // Glob and Grep came in one reply; both answers go back together, and they read the real repo.
    const parallel = toolResultsIn(requests[1]!);
    expect(parallel.map((block) => block.tool_use_id).sort()).toEqual(["toolu_glob_1", "toolu_grep_1"]);
    expect(JSON.stringify(parallel.find((block) => block.tool_use_id === "toolu_glob_1"))).toContain("db/schema.rb");
    expect(JSON.stringify(parallel.find((block) => block.tool_use_id === "toolu_grep_1"))).toContain("app/models/user.rb");
    expect(toolResultsIn(requests[2]!).map((block) => block.is_error ?? false)).toEqual([false, false]);

    // Progress on stderr, a line per tool call; the plan's path and the summary on stdout.
    for (const line of ["Glob db/**/*.rb ->", "Grep email ->", "Read db/schema.rb ->", "Read app/models/user.rb ->", `Write ${PLAN} ->`]) {
      expect(outcome.stderr).toContain(line);
    }
    const [path, summary, ...rest] = outcome.stdout.trimEnd().split("\n");
    expect(path).toBe(`Plan: ${PLAN}`);
    expect(summary).toMatch(/^4 turns, [\d,]+ input tokens .*, [\d,]+ output tokens, \$\d+\.\d+, \d+\.\ds$/);
    expect(rest).toEqual([]);
  });

  it("survives 529, 429 and 500 in a row, resending the same request", async () => {
    // The SDK's own retries: served over node:http, which msw cannot do.
    const retryAfter = { "retry-after": "0.01" };
    const { repo, script } = await setUp([apiError(529, undefined, undefined, retryAfter), apiError(429, undefined, undefined, retryAfter), apiError(500, undefined, undefined, retryAfter)]);
    const fake = await startFakeAnthropic(script);
    cleanups.push(() => fake.close());
    const outcome = await runMain(args(repo), { server: fake });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(fake.requests).toHaveLength(7);
    const bodies = fake.requests.slice(0, 4).map((request) => JSON.stringify(request.body));
    expect(new Set(bodies).size).toBe(1);
    expect(await readFile(join(repo, PLAN), "utf8")).toBe(shopRailsPlan(TASK));
  });

  it("survives a dropped connection", async () => {
    const { repo, script } = await setUp([{ kind: "drop" }]);
    const fake = await startFakeAnthropic(script);
    cleanups.push(() => fake.close());
    const outcome = await runMain(args(repo), { server: fake });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(fake.requests).toHaveLength(5);
  });

  it("--transcript writes each request and response body as a JSON line, without the key; -q keeps stderr empty", async () => {
    const { repo, script } = await setUp();
    const transcript = join(repo, "..", `${repo.split("/").at(-1)}-transcript.jsonl`);
    cleanups.push(() => rm(transcript, { force: true }));
    const outcome = await runMain(args(repo, "-q", "--transcript", transcript), { script });
    expect(outcome.code, outcome.stderr).toBe(0);
    const written = await readFile(transcript, "utf8");
    const lines = written.trimEnd().split("\n").map((line) => JSON.parse(line) as unknown);
    expect(lines.length).toBeGreaterThanOrEqual(outcome.requests.length);
    expect(written).toContain("toolu_write_1");
    expect(written).not.toContain(TEST_KEY);
    expect(outcome.stderr).toBe("");
  });

  it("reads the task from standard input for -", async () => {
    const { repo, script } = await setUp();
    const outcome = await runMain(["-C", repo, "-o", PLAN, "-"], { script, stdin: `${TASK}\n` });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(JSON.stringify(outcome.requests[0]!.body.messages[0])).toContain(TASK);
  });
});

describe("json and stream-json", () => {
  it("json prints exactly one result object: the plan, turns, usage and cost", async () => {
    const { repo, script } = await setUp();
    const outcome = await runMain(args(repo, "--output-format", "json"), { script });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout.trimEnd().split("\n")).toHaveLength(1);
    const result = JSON.parse(outcome.stdout) as RunResult;
    expect(result).toMatchObject({ type: "result", subtype: "success", is_error: false, plan_path: PLAN, num_turns: 4, plan_errors: [] });
    expect(result.files_written).toEqual([PLAN]);
    expect(result.usage).toEqual(servedUsage(outcome.steps));
    expect(result.total_cost_usd).toBeCloseTo(costUsd(result.model, result.usage)!, 10);
    expect(result.plan?.sections.steps.map((step) => step.n)).toEqual([1, 2, 3]);
    expect(result.plan?.sections.rollback.map((item) => item.n)).toEqual([3, 2, 1]);
    expect(result.result).toBe(`The plan is in ${PLAN}.`);
  });

  it("stream-json prints every event in order, init first, and ends with the same result json gives", async () => {
    const streamed = await setUp();
    const stream = await runMain(args(streamed.repo, "--output-format", "stream-json"), { script: streamed.script });
    const single = await setUp();
    const json = await runMain(args(single.repo, "--output-format", "json"), { script: single.script });
    expect(stream.code, stream.stderr).toBe(0);
    expect(json.code, json.stderr).toBe(0);

    const events = stream.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as AgentEvent);
    expect(events[0]).toMatchObject({ type: "init", repo: streamed.repo, plan_path: PLAN, offline: false });
    expect(events[0]!.type === "init" && [...events[0]!.tools].sort()).toEqual(["Glob", "Grep", "Read", "Write"]);
    expect(events.filter((event) => event.type === "result")).toHaveLength(1);
    const types = events.map((event) => event.type);
    expect(types.at(-1)).toBe("result");
    expect(types).toContain("assistant");

    // Each tool call is announced before its result, and every call gets one.
    const uses = events.filter((event) => event.type === "tool_use");
    expect(uses.map((event) => event.name)).toEqual(["Glob", "Grep", "Read", "Read", "Write"]);
    for (const use of uses) {
      const resultAt = events.findIndex((event) => event.type === "tool_result" && event.id === use.id);
      expect(resultAt, use.id).toBeGreaterThan(events.indexOf(use));
      expect(events[resultAt]).toMatchObject({ name: use.name, is_error: false, summary: expect.any(String) });
    }

    const { duration_ms: _a, ...streamedResult } = events.at(-1) as RunResult;
    const { duration_ms: _b, ...jsonResult } = JSON.parse(json.stdout) as RunResult;
    expect(streamedResult).toEqual(jsonResult);
    expect(streamedResult.usage).toEqual(servedUsage(stream.steps));
    expect(streamedResult).toMatchObject({ subtype: "success", num_turns: 4, plan_path: PLAN });
    expect(streamedResult.total_cost_usd).toBeCloseTo(costUsd(streamedResult.model, streamedResult.usage)!, 10);
    expect(streamedResult.plan?.sections.steps).toHaveLength(3);
  });
});

describe("the survey and the rule table in a model run", () => {
  it("gives the model the repo's survey in its first message, cited", async () => {
    const { repo, script } = await setUp();
    const outcome = await runMain(args(repo), { script });
    expect(outcome.code, outcome.stderr).toBe(0);
    const first = JSON.stringify(outcome.requests[0]!.body.messages[0]);
    expect(first).toContain("<survey>");
    expect(first).toContain("Rails");
    expect(first).toMatch(/PostgreSQL|postgres/);
    expect(first).toContain("db/schema.rb:44");
    expect(first).toContain("app/models/user.rb");
  });

  it("sends an unsafe plan back once with the rule table's findings, and reports what remains as warnings", async () => {
    const { root: repo, cleanup } = await copyShopRails();
    cleanups.push(cleanup);
    const unsafe = shopRailsPlan(TASK).replace(
      "2. Backfill",
      "2. Add `add_index :users, :email_address` in `db/migrate/20261128120100_index_email_address.rb` (new).\n3. Backfill",
    ).replace("3. Drop `email`", "4. Drop `email`").replace("3. Irreversible", "4. Irreversible\n3. Nothing to undo");
    const usage = { input_tokens: 10, output_tokens: 5 };
    const script = [
      calls(toolUse("toolu_write_1", "Write", { file_path: PLAN, content: unsafe })),
      reply([text("Plan written.")], "end_turn", usage),
      reply([text("I keep the plan as it is.")], "end_turn", usage),
    ];
    const outcome = await runMain(args(repo, "--output-format", "stream-json"), { script });
    const events = outcome.stdout.trim().split("\n").map((line) => JSON.parse(line) as AgentEvent);
    const repair = events.find((event) => event.type === "repair");
    const result = events.at(-1) as RunResult;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.requests).toHaveLength(3);
    expect(repair && "problems" in repair ? repair.problems.join(" ") : "").toMatch(/CONCURRENTLY|concurrent/i);
    expect(JSON.stringify(outcome.requests[2]!.body.messages.at(-1))).toMatch(/concurrent/i);
    expect(result.plan_warnings.join(" ")).toMatch(/concurrent/i);
  });
});
