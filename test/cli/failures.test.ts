import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_RETRIES } from "../../src/agent/constants.js";
import type { ResultSubtype } from "../../src/errors.js";
import type { RunResult } from "../../src/types.js";
import { runMain, type MainOptions, type MainOutcome } from "../helpers/cli-in-process.js";
import { planWritingScript } from "../helpers/model-api/conversations.js";
import { startFakeAnthropic } from "../helpers/model-api/http.js";
import { apiError, type Script } from "../helpers/model-api/script.js";
import { copyShopRails, planWithoutRollback, shopRailsPlan } from "../helpers/shop-rails.js";

/** Runs that fail after they start, in process: each exits 1 with one line in text, and one error result in json. */

const TASK = "rename users.email to users.email_address";
const PLAN = "migration-plans/rename-email.md";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A copy of shop-rails and a run of the CLI there against `model`: a script, or a server of its own. */
async function runAgainst(model: Script | { url: string }, extra: string[] = []) {
  const { root: repo, cleanup } = await copyShopRails();
  cleanups.push(cleanup);
  let requests = 0;
  const run = async (format: string) => {
    const options: MainOptions = "url" in model ? { server: model } : { script: model };
    const outcome = await runMain(["-C", repo, "-o", PLAN, "--output-format", format, ...extra, TASK], options);
    requests = outcome.requests.length;
    return outcome;
  };
  return { repo, run, requests: () => requests };
}

function expectOneLineFailure(outcome: MainOutcome, message: RegExp): void {
  expect(outcome.code, outcome.stderr).toBe(1);
  const errors = outcome.stderr.split("\n").filter((line) => line.startsWith("migration-agent: "));
  expect(errors, outcome.stderr).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
}

function expectJsonFailure(outcome: MainOutcome, subtype: ResultSubtype): RunResult {
  expect(outcome.code, outcome.stderr).toBe(1);
  expect(outcome.stdout.trimEnd().split("\n")).toHaveLength(1);
  const result = JSON.parse(outcome.stdout) as RunResult;
  expect(result.subtype, result.error).toBe(subtype);
  expect(result).toMatchObject({ type: "result", is_error: true });
  expect(result.error).toMatch(/^[^\n]+$/);
  return result;
}

const unauthorized = () => apiError(401);
const notFound = () => apiError(404, "not_found_error", "model: claude-nope-9");
const plan = planWritingScript({ planPath: PLAN, planMarkdown: shopRailsPlan(TASK) });

describe("API failures", () => {
  it("401: exit 1 with one line about the key, without retrying", async () => {
    const { run, requests } = await runAgainst(unauthorized);
    expectOneLineFailure(await run("text"), /401.*ANTHROPIC_API_KEY/);
    expect(requests()).toBe(1);
    expectJsonFailure(await run("json"), "error_during_execution");
  });

  it("404: exit 1 naming the model", async () => {
    const { run } = await runAgainst(notFound, ["-m", "claude-nope-9"]);
    expectOneLineFailure(await run("text"), /claude-nope-9/);
    expect(expectJsonFailure(await run("json"), "error_during_execution").model).toBe("claude-nope-9");
  });

  it("network down (a closed port): exit 1 after the retries", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { run } = await runAgainst({ url: `http://127.0.0.1:${port}` });
    const outcome = await run("json");
    expectJsonFailure(outcome, "error_during_execution");
    expect(JSON.parse(outcome.stdout).error).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}`));
  });

  it("a connection dropped every time: exit 1 once the SDK's retries are spent", async () => {
    const fake = await startFakeAnthropic(() => ({ kind: "drop" }));
    cleanups.push(() => fake.close());
    const { run } = await runAgainst(fake);
    expectJsonFailure(await run("json"), "error_during_execution");
    expect(fake.requests).toHaveLength(MAX_RETRIES + 1);
  });
});

describe("limits and plan checks", () => {
  it("turns spent: error_max_turns, exit 1", async () => {
    const { run, requests } = await runAgainst(plan, ["--max-turns", "2"]);
    const result = expectJsonFailure(await run("json"), "error_max_turns");
    expect(result.num_turns).toBe(2);
    expect(requests()).toBe(2);
  });

  it("budget spent: error_max_budget_usd, exit 1", async () => {
    const { run } = await runAgainst(plan, ["--max-budget-usd", "0.000001"]);
    const result = expectJsonFailure(await run("json"), "error_max_budget_usd");
    expect(result.total_cost_usd).toBeGreaterThanOrEqual(0.000001);
  });

  it("a plan still invalid after the repairs: error_invalid_plan, exit 1, the plan kept with its failures", async () => {
    const broken = planWritingScript({ planPath: PLAN, planMarkdown: planWithoutRollback(TASK) });
    const { run, repo } = await runAgainst(broken);
    const result = expectJsonFailure(await run("json"), "error_invalid_plan");
    expect(result.plan_path).toBe(PLAN);
    expect(existsSync(join(repo, PLAN))).toBe(true);
    expect(result.plan_errors.join(" ")).toMatch(/Rollback/);
  });

  it("in text, an invalid plan is one error line, its problems, and the kept plan's path on stdout", async () => {
    const broken = planWritingScript({ planPath: PLAN, planMarkdown: planWithoutRollback(TASK) });
    const { run } = await runAgainst(broken);
    const outcome = await run("text");
    expectOneLineFailure(outcome, /./);
    expect(outcome.stderr).toMatch(/The plan failed \d+ checks?; asking the model to fix it\./);
    expect(outcome.stdout.split("\n")[0]).toBe(`Plan (failing its checks): ${PLAN}`);
  });
});
