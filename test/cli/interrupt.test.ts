import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/types.js";
import { runMain } from "../helpers/cli-in-process.js";
import { assistantTurns, calls, toolUse, type StepFor } from "../helpers/model-api/script.js";
import { copyShopRails, shopRailsPlan } from "../helpers/shop-rails.js";
import { until } from "../helpers/until.js";

/**
 * Ctrl-C while the model is thinking, in process (io.onInterrupt stands for SIGINT): exit 130, the plan file
 * this run created is gone, and replaced files are as before. test/e2e/cli-interrupt.test.ts sends real signals.
 */

const TASK = "rename users.email to users.email_address";
const PLAN = "migration-plans/rename-email.md";
const MODEL_FILE = "app/models/user.rb";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function shopRails(): Promise<string> {
  const { root, cleanup } = await copyShopRails();
  cleanups.push(cleanup);
  return root;
}

/** The model writes the plan first, then never answers again. */
const writeThenHang: StepFor = (request) =>
  assistantTurns(request) > 0 ? { kind: "hang" } : calls(toolUse("toolu_write_1", "Write", { file_path: PLAN, content: shopRailsPlan(TASK) }));

/** The model Reads an --allow-write file, then replaces it and writes the plan, then never answers again. */
const replaceThenHang: StepFor = (request) => {
  const turns = assistantTurns(request);
  if (turns > 1) return { kind: "hang" };
  if (turns === 0) return calls(toolUse("toolu_read_1", "Read", { file_path: MODEL_FILE }));
  return calls(
    toolUse("toolu_write_1", "Write", { file_path: MODEL_FILE, content: "# replaced\n" }),
    toolUse("toolu_write_2", "Write", { file_path: PLAN, content: shopRailsPlan(TASK) }),
  );
};

describe("Ctrl-C", () => {
  it("while the model hangs: exit 130, error_interrupted, and the plan this run wrote is removed", async () => {
    const repo = await shopRails();
    let planWasWritten = false;
    const outcome = await runMain(["-C", repo, "-o", PLAN, "--output-format", "json", TASK], {
      script: writeThenHang,
      whileRunning: async ({ interrupt, requests }) => {
        await until(() => requests.length >= 2);
        planWasWritten = existsSync(join(repo, PLAN));
        interrupt();
      },
    });
    expect(planWasWritten).toBe(true);
    expect(outcome.code, outcome.stderr).toBe(130);
    expect(existsSync(join(repo, PLAN))).toBe(false);
    const result = JSON.parse(outcome.stdout) as RunResult;
    expect(result).toMatchObject({ subtype: "error_interrupted", is_error: true, plan_path: null });
  });

  it("after the model replaced an --allow-write file: the file gets its old content back", async () => {
    const repo = await shopRails();
    const original = await readFile(join(repo, MODEL_FILE), "utf8");
    let replaced = "";
    const outcome = await runMain(["-C", repo, "-o", PLAN, "--allow-write", "app/models/**", "--output-format", "json", TASK], {
      script: replaceThenHang,
      whileRunning: async ({ interrupt, requests }) => {
        await until(() => requests.length >= 3);
        replaced = await readFile(join(repo, MODEL_FILE), "utf8");
        interrupt();
      },
    });
    expect(replaced).toBe("# replaced\n");
    expect(outcome.code, outcome.stderr).toBe(130);
    expect(await readFile(join(repo, MODEL_FILE), "utf8")).toBe(original);
    expect(existsSync(join(repo, PLAN))).toBe(false);
  });

  it("in text, says it is stopping and ends with one error line", async () => {
    const repo = await shopRails();
    const outcome = await runMain(["-C", repo, "-o", PLAN, TASK], {
      script: writeThenHang,
      whileRunning: async ({ interrupt, requests }) => {
        await until(() => requests.length >= 2);
        interrupt();
      },
    });
    expect(outcome.code).toBe(130);
    expect(outcome.stderr).toContain("Interrupted; stopping");
    expect(outcome.stderr.split("\n").filter((line) => line.startsWith("migration-agent: "))).toHaveLength(1);
  });

  it("a second Ctrl-C asks to exit 130 at once", async () => {
    const repo = await shopRails();
    const outcome = await runMain(["-C", repo, "-o", PLAN, "-q", TASK], {
      script: writeThenHang,
      whileRunning: async ({ interrupt, requests }) => {
        await until(() => requests.length >= 2);
        interrupt();
        interrupt();
      },
    });
    expect(outcome.exits).toEqual([130]);
    expect(outcome.code).toBe(130);
  });
});
