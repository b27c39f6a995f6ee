import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/types.js";
import { runMain } from "../helpers/cli-in-process.js";
import { copyShopRails } from "../helpers/shop-rails.js";

/** --offline, in process: no key, no model, no network; the plan comes from the survey and the rule table. */

const PLAN = "migration-plans/offline.md";
let repo: string;
let removeRepo: () => Promise<void>;
beforeAll(async () => {
  ({ root: repo, cleanup: removeRepo } = await copyShopRails());
});
afterAll(() => removeRepo());

describe("--offline", () => {
  it("needs no API key, writes the plan and reports an offline result in json", async () => {
    const outcome = await runMain(["-C", repo, "-o", PLAN, "--offline", "--output-format", "json", "rename users.email to users.email_address"]);
    expect(outcome.stdout.trimEnd().split("\n")).toHaveLength(1);
    const result = JSON.parse(outcome.stdout) as RunResult;
    expect(result).toMatchObject({ type: "result", model: "offline", num_turns: 0, total_cost_usd: 0 });
    expect(result.subtype, result.error).toBe("success");
    expect(outcome.code).toBe(0);
    expect(result.plan_path).toBe(PLAN);
    expect(existsSync(join(repo, PLAN))).toBe(true);
  });

  it("in text, prints the plan's path and says no model was called", async () => {
    const outcome = await runMain(["-C", repo, "-o", "migration-plans/offline-text.md", "--offline", "add a NOT NULL plan column to users"]);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/^Plan: migration-plans\/offline-text\.md\nOffline, no model calls, \d+\.\ds\n$/);
    expect(outcome.stderr).toMatch(/^Planning offline in /);
  });

  it("in stream-json, starts with an offline init event and ends with the result", async () => {
    const outcome = await runMain(["-C", repo, "-o", "migration-plans/offline-stream.md", "--offline", "--output-format", "stream-json", "drop users.name"]);
    const events = outcome.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { type: string; offline?: boolean });
    expect(events[0]).toMatchObject({ type: "init", model: "offline", offline: true });
    expect(events.at(-1)).toMatchObject({ type: "result", model: "offline" });
    expect(events.filter((event) => event.type === "result")).toHaveLength(1);
  });
});
