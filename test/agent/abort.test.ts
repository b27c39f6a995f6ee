import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runScripted } from "../helpers/agent-run.js";
import { calls } from "../helpers/model-api/script.js";
import { PLAN, planFor, RAILS_FILES, writePlan } from "../helpers/rails-app.js";
import { makeTempRepo } from "../helpers/temp-repo.js";

/** The signal stops the run at once; what the run created goes, what was there before stays. */

let repo: string;
let removeRepo: () => Promise<void>;
beforeEach(async () => {
  ({ root: repo, cleanup: removeRepo } = await makeTempRepo(RAILS_FILES));
});
afterEach(() => removeRepo());

const exists = (path: string) => stat(path).then(() => true, () => false);

describe("abort", () => {
  it("stops mid-stream with error_interrupted and removes the plan file this run created", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const { result, events } = await runScripted(
      repo,
      [calls(writePlan("w1", planFor())), { kind: "hang", onStart: () => controller.abort() }],
      { signal: controller.signal },
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toMatchObject({ subtype: "error_interrupted", is_error: true, plan_path: null, files_written: [], num_turns: 2 });
    expect(result.error).toBeTruthy();
    expect(events).toContainEqual(expect.objectContaining({ type: "tool_result", id: "w1", is_error: false }));
    expect(await exists(join(repo, PLAN))).toBe(false);
  });

  it("leaves a plan file that existed before the run untouched", async () => {
    await mkdir(dirname(join(repo, PLAN)), { recursive: true });
    await writeFile(join(repo, PLAN), "# Migration Plan: the earlier plan\n");
    const controller = new AbortController();
    const { result } = await runScripted(repo, [{ kind: "hang", onStart: () => controller.abort() }], { signal: controller.signal });
    expect(result).toMatchObject({ subtype: "error_interrupted", plan_path: PLAN });
    expect(await readFile(join(repo, PLAN), "utf8")).toBe("# Migration Plan: the earlier plan\n");
  });

  it("sends no request when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const { result, requests } = await runScripted(repo, [calls(writePlan("w1", planFor()))], { signal: controller.signal });
    expect(result.subtype).toBe("error_interrupted");
    expect(requests).toHaveLength(0);
  });
});
