import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { costUsd } from "../../src/agent/pricing.js";
import type { AgentEvent, RunResult, Usage } from "../../src/types.js";
import { copyShopRails, fakeApiEnv, runCli, shopRailsPlan } from "../helpers/cli-subprocess.js";
import { planWritingScript, startFakeAnthropic, type FakeAnthropic, type FakeReply, type RecordedRequest } from "../helpers/fake-anthropic.js";

/** Whole runs of the built CLI against the fake Messages API: the happy path, retries, and the three output formats. */

const TASK = "rename users.email to users.email_address";
const PLAN = "migration-plans/rename-email.md";
const READS = ["db/schema.rb", "app/models/user.rb"];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function setUp(prefix: FakeReply[] = []): Promise<{ repo: string; fake: FakeAnthropic }> {
  const repo = await copyShopRails();
  const script = planWritingScript({ planPath: PLAN, planMarkdown: shopRailsPlan(TASK), readPaths: READS });
  const fake = await startFakeAnthropic((request, index) => prefix[index] ?? script(request, index));
  cleanups.push(() => fake.close(), () => rm(repo, { recursive: true, force: true }));
  return { repo, fake };
}

/** What the fake server charged: the usage of every message it sent, summed. */
function servedUsage(fake: FakeAnthropic): Usage {
  const total: Usage = { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
  for (const reply of fake.replies) {
    if (!("message" in reply)) continue;
    for (const key of Object.keys(total) as (keyof Usage)[]) total[key] += reply.message.usage?.[key] ?? 0;
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
    const { repo, fake } = await setUp();
    const outcome = await runCli(args(repo), { env: fakeApiEnv(fake.url) });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(await readFile(join(repo, PLAN), "utf8")).toBe(shopRailsPlan(TASK));
    expect(fake.requests).toHaveLength(4);

    // Glob and Grep came in one reply; both answers go back together, and they read the real repo.
    const parallel = toolResultsIn(fake.requests[1]!);
    expect(parallel.map((block) => block.tool_use_id).sort()).toEqual(["toolu_glob_1", "toolu_grep_1"]);
    expect(JSON.stringify(parallel.find((block) => block.tool_use_id === "toolu_glob_1"))).toContain("db/schema.rb");
    expect(JSON.stringify(parallel.find((block) => block.tool_use_id === "toolu_grep_1"))).toContain("app/models/user.rb");
    expect(toolResultsIn(fake.requests[2]!).map((block) => block.is_error ?? false)).toEqual([false, false]);

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
    const retryAfter = { "retry-after": "0.01" };
    const { repo, fake } = await setUp([
      { status: 529, headers: retryAfter },
      { status: 429, headers: retryAfter },
      { status: 500, headers: retryAfter },
    ]);
    const outcome = await runCli(args(repo), { env: fakeApiEnv(fake.url) });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(fake.requests).toHaveLength(7);
    const bodies = fake.requests.slice(0, 4).map((request) => JSON.stringify(request.body));
    expect(new Set(bodies).size).toBe(1);
    expect(await readFile(join(repo, PLAN), "utf8")).toBe(shopRailsPlan(TASK));
  });

  it("survives a dropped connection", async () => {
    const { repo, fake } = await setUp([{ drop: true }]);
    const outcome = await runCli(args(repo), { env: fakeApiEnv(fake.url) });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(fake.requests).toHaveLength(5);
  });

  it("--transcript writes each request and response body as a JSON line, without the key; -q keeps stderr empty", async () => {
    const { repo, fake } = await setUp();
    const transcript = join(repo, "..", `${repo.split("/").at(-1)}-transcript.jsonl`);
    cleanups.push(() => rm(transcript, { force: true }));
    const outcome = await runCli(args(repo, "-q", "--transcript", transcript), { env: fakeApiEnv(fake.url) });
    expect(outcome.code, outcome.stderr).toBe(0);
    const text = await readFile(transcript, "utf8");
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line) as unknown);
    expect(lines.length).toBeGreaterThanOrEqual(fake.requests.length);
    expect(text).toContain("toolu_write_1");
    expect(text).not.toContain("test-key");
    expect(outcome.stderr).toBe("");
  });

  it("reads the task from standard input for -", async () => {
    const { repo, fake } = await setUp();
    const outcome = await runCli(["-C", repo, "-o", PLAN, "-"], { env: fakeApiEnv(fake.url), stdin: `${TASK}\n` });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(JSON.stringify(fake.requests[0]!.body.messages[0])).toContain(TASK);
  });
});

describe("json and stream-json", () => {
  it("json prints exactly one result object: the plan, turns, usage and cost", async () => {
    const { repo, fake } = await setUp();
    const outcome = await runCli(args(repo, "--output-format", "json"), { env: fakeApiEnv(fake.url) });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout.trimEnd().split("\n")).toHaveLength(1);
    const result = JSON.parse(outcome.stdout) as RunResult;
    expect(result).toMatchObject({ type: "result", subtype: "success", is_error: false, plan_path: PLAN, num_turns: 4, plan_errors: [] });
    expect(result.files_written).toEqual([PLAN]);
    expect(result.usage).toEqual(servedUsage(fake));
    expect(result.total_cost_usd).toBeCloseTo(costUsd(result.model, result.usage)!, 10);
    expect(result.plan?.sections.steps.map((step) => step.n)).toEqual([1, 2, 3]);
    expect(result.plan?.sections.rollback.map((item) => item.n)).toEqual([3, 2, 1]);
    expect(result.result).toBe(`The plan is in ${PLAN}.`);
  });

  it("stream-json prints every event in order, init first, and ends with the same result json gives", async () => {
    const streamed = await setUp();
    const stream = await runCli(args(streamed.repo, "--output-format", "stream-json"), { env: fakeApiEnv(streamed.fake.url) });
    const single = await setUp();
    const json = await runCli(args(single.repo, "--output-format", "json"), { env: fakeApiEnv(single.fake.url) });
    expect(stream.code, stream.stderr).toBe(0);
    expect(json.code, json.stderr).toBe(0);

    const events = stream.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as AgentEvent);
    expect(events[0]).toMatchObject({ type: "init", repo: expect.stringContaining("cli-shop-rails-"), plan_path: PLAN, offline: false });
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
    expect(streamedResult.usage).toEqual(servedUsage(streamed.fake));
    expect(streamedResult).toMatchObject({ subtype: "success", num_turns: 4, plan_path: PLAN });
    expect(streamedResult.total_cost_usd).toBeCloseTo(costUsd(streamedResult.model, streamedResult.usage)!, 10);
    expect(streamedResult.plan?.sections.steps).toHaveLength(3);
  });
});

describe("the survey and the rule table in a model run", () => {
  it("gives the model the repo's survey in its first message, cited", async () => {
    const { repo, fake } = await setUp();
    const outcome = await runCli(args(repo), { env: fakeApiEnv(fake.url) });
    expect(outcome.code, outcome.stderr).toBe(0);
    const first = JSON.stringify(fake.requests[0]!.body.messages[0]);
    expect(first).toContain("<survey>");
    expect(first).toContain("Rails");
    expect(first).toMatch(/PostgreSQL|postgres/);
    expect(first).toContain("db/schema.rb:44");
    expect(first).toContain("app/models/user.rb");
  });

  it("sends an unsafe plan back once with the rule table's findings, and reports what remains as warnings", async () => {
    const repo = await copyShopRails();
    const unsafe = shopRailsPlan(TASK).replace(
      "2. Backfill",
      "2. Add `add_index :users, :email_address` in `db/migrate/20261128120100_index_email_address.rb` (new).\n3. Backfill",
    ).replace("3. Drop `email`", "4. Drop `email`").replace("3. Irreversible", "4. Irreversible\n3. Nothing to undo");
    const write = { type: "tool_use", id: "toolu_write_1", name: "Write", input: { file_path: PLAN, content: unsafe } };
    const text = (t: string) => ({ message: { content: [{ type: "text", text: t }], stop_reason: "end_turn", usage: { input_tokens: 10, output_tokens: 5 } } });
    const fake = await startFakeAnthropic([
      { message: { content: [write], stop_reason: "tool_use", usage: { input_tokens: 10, output_tokens: 5 } } },
      text("Plan written."),
      text("I keep the plan as it is."),
    ]);
    cleanups.push(() => fake.close(), () => rm(repo, { recursive: true, force: true }));
    const outcome = await runCli(args(repo, "--output-format", "stream-json"), { env: fakeApiEnv(fake.url) });
    const events = outcome.stdout.trim().split("\n").map((line) => JSON.parse(line) as AgentEvent);
    const repair = events.find((event) => event.type === "repair");
    const result = events.at(-1) as RunResult;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(fake.requests).toHaveLength(3);
    expect(repair && "problems" in repair ? repair.problems.join(" ") : "").toMatch(/CONCURRENTLY|concurrent/i);
    expect(JSON.stringify(fake.requests[2]!.body.messages.at(-1))).toMatch(/concurrent/i);
    expect(result.plan_warnings.join(" ")).toMatch(/concurrent/i);
  });
});
