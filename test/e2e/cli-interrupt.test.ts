import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/types.js";
import { runCli } from "../helpers/cli-subprocess.js";
import { fakeApiEnv, startFakeAnthropic, type FakeAnthropic } from "../helpers/model-api/http.js";
import { assistantTurns, calls, toolUse } from "../helpers/model-api/script.js";
import { copyShopRails, shopRailsPlan } from "../helpers/shop-rails.js";
import { until } from "../helpers/until.js";

/**
 * A real SIGINT to the installed executable while the model is thinking: exit 130, never death by the signal.
 * What an interrupt undoes is tested in process, in test/cli/interrupt.test.ts.
 */

const TASK = "rename users.email to users.email_address";
const PLAN = "migration-plans/rename-email.md";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** The model writes the plan first, then never answers again. */
async function setUp(): Promise<{ repo: string; fake: FakeAnthropic }> {
  const { root: repo, cleanup } = await copyShopRails();
  const fake = await startFakeAnthropic((request) =>
    assistantTurns(request) > 0 ? { kind: "hang" } : calls(toolUse("toolu_write_1", "Write", { file_path: PLAN, content: shopRailsPlan(TASK) })),
  );
  cleanups.push(() => fake.close(), cleanup);
  return { repo, fake };
}

describe("SIGINT", () => {
  it("while the model hangs: exit 130, error_interrupted, and the plan this run wrote is removed", async () => {
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
