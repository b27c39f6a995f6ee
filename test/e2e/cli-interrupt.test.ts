import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/types.js";
import { copyShopRails, fakeApiEnv, runCli, shopRailsPlan } from "../helpers/cli-subprocess.js";
import { assistantTurns, startFakeAnthropic, type FakeAnthropic, type FakeReply } from "../helpers/fake-anthropic.js";

/** Ctrl-C while the model is thinking: exit 130, the plan file this run created is gone, and replaced files are as before. */

const TASK = "rename users.email to users.email_address";
const PLAN = "migration-plans/rename-email.md";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** The model writes the plan first, then never answers again. */
async function setUp(): Promise<{ repo: string; fake: FakeAnthropic }> {
  const repo = await copyShopRails();
  const fake = await startFakeAnthropic((request): FakeReply => {
    if (assistantTurns(request) > 0) return { hang: true };
    return {
      message: {
        content: [{ type: "tool_use", id: "toolu_write_1", name: "Write", input: { file_path: PLAN, content: shopRailsPlan(TASK) } }],
        stop_reason: "tool_use",
        usage: { input_tokens: 10, output_tokens: 10 },
      },
    };
  });
  cleanups.push(() => fake.close(), () => rm(repo, { recursive: true, force: true }));
  return { repo, fake };
}

const MODEL_FILE = "app/models/user.rb";

/** The model Reads an --allow-write file, then replaces it and writes the plan, then never answers again. */
async function setUpWithReplacement(): Promise<{ repo: string; fake: FakeAnthropic }> {
  const repo = await copyShopRails();
  const fake = await startFakeAnthropic((request): FakeReply => {
    const turns = assistantTurns(request);
    if (turns > 1) return { hang: true };
    const content =
      turns === 0
        ? [{ type: "tool_use", id: "toolu_read_1", name: "Read", input: { file_path: MODEL_FILE } }]
        : [
            { type: "tool_use", id: "toolu_write_1", name: "Write", input: { file_path: MODEL_FILE, content: "# replaced\n" } },
            { type: "tool_use", id: "toolu_write_2", name: "Write", input: { file_path: PLAN, content: shopRailsPlan(TASK) } },
          ];
    return { message: { content, stop_reason: "tool_use", usage: { input_tokens: 10, output_tokens: 10 } } };
  });
  cleanups.push(() => fake.close(), () => rm(repo, { recursive: true, force: true }));
  return { repo, fake };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("Ctrl-C", () => {
  it("SIGINT while the model hangs: exit 130, error_interrupted, and the plan this run wrote is removed", async () => {
    const { repo, fake } = await setUp();
    let planWasWritten = false;
    const outcome = await runCli(["-C", repo, "-o", PLAN, "--output-format", "json", TASK], {
      env: fakeApiEnv(fake.url),
      whileRunning: async (child) => {
        await until(() => fake.requests.length >= 2);
        planWasWritten = existsSync(join(repo, PLAN));
        child.kill("SIGINT");
      },
    });
    expect(planWasWritten).toBe(true);
    expect(outcome.code, outcome.stderr).toBe(130);
    expect(existsSync(join(repo, PLAN))).toBe(false);
    const result = JSON.parse(outcome.stdout) as RunResult;
    expect(result).toMatchObject({ subtype: "error_interrupted", is_error: true, plan_path: null });
  });

  it("SIGINT after the model replaced an --allow-write file: the file gets its old content back", async () => {
    const { repo, fake } = await setUpWithReplacement();
    const original = await readFile(join(repo, MODEL_FILE), "utf8");
    let replaced = "";
    const outcome = await runCli(["-C", repo, "-o", PLAN, "--allow-write", "app/models/**", "--output-format", "json", TASK], {
      env: fakeApiEnv(fake.url),
      whileRunning: async (child) => {
        await until(() => fake.requests.length >= 3);
        replaced = await readFile(join(repo, MODEL_FILE), "utf8");
        child.kill("SIGINT");
      },
    });
    expect(replaced).toBe("# replaced\n");
    expect(outcome.code, outcome.stderr).toBe(130);
    expect(await readFile(join(repo, MODEL_FILE), "utf8")).toBe(original);
    expect(existsSync(join(repo, PLAN))).toBe(false);
  });

  it("in text, says it is stopping and ends with one error line", async () => {
    const { repo, fake } = await setUp();
    const outcome = await runCli(["-C", repo, "-o", PLAN, TASK], {
      env: fakeApiEnv(fake.url),
      whileRunning: async (child) => {
        await until(() => fake.requests.length >= 2);
        child.kill("SIGINT");
      },
    });
    expect(outcome.code).toBe(130);
    expect(outcome.stderr).toContain("Interrupted; stopping");
    expect(outcome.stderr.split("\n").filter((line) => line.startsWith("migration-agent: "))).toHaveLength(1);
  });

  it("a second SIGINT exits 130 at once rather than dying by the signal", async () => {
    const { repo, fake } = await setUp();
    const outcome = await runCli(["-C", repo, "-o", PLAN, "-q", TASK], {
      env: fakeApiEnv(fake.url),
      whileRunning: async (child) => {
        await until(() => fake.requests.length >= 2);
        child.kill("SIGINT");
        child.kill("SIGINT");
      },
    });
    expect(outcome.signal).toBeNull();
    expect(outcome.code).toBe(130);
  });
});
