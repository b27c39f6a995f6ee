import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import { planMigration } from "../src/run.js";
import { BASE_URL, ENV } from "./helpers/model-api/msw.js";
import { RAILS_FILES, TASK } from "./helpers/rails-app.js";
import { makeTempRepo } from "./helpers/temp-repo.js";

/** Invalid options throw a UsageError (exit 2) with one sentence, before any request is made. */

let repo: string;
let removeRepo: () => Promise<void>;
beforeAll(async () => {
  ({ root: repo, cleanup: removeRepo } = await makeTempRepo(RAILS_FILES));
  await writeFile(join(repo, "notes.txt"), "a file, not a folder\n");
});
afterAll(() => removeRepo());

async function usageError(options: Record<string, unknown>): Promise<UsageError> {
  const error = await planMigration({ task: TASK, repo, env: ENV, ...options } as never).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  const usage = error as UsageError;
  expect(usage.exitCode).toBe(2);
  expect(usage.subtype).toBe("error_usage");
  expect(usage.message).not.toContain("\n");
  return usage;
}

describe("planMigration's options", () => {
  it("refuses a missing or blank task", async () => {
    expect((await usageError({ task: "   " })).message).toMatch(/task/);
    expect((await usageError({ task: undefined })).message).toMatch(/task/);
  });

  it("refuses a repo that does not exist, or is a file", async () => {
    expect((await usageError({ repo: join(repo, "nowhere") })).message).toMatch(/does not exist/);
    expect((await usageError({ repo: join(repo, "notes.txt") })).message).toMatch(/not a folder/);
  });

  it("says how to set a key, or to use --offline, when there is none", async () => {
    const { message } = await usageError({ env: { ANTHROPIC_BASE_URL: BASE_URL } });
    expect(message).toContain("ANTHROPIC_API_KEY");
    expect(message).toContain("--offline");
  });

  it("refuses a budget with a model that has no known price", async () => {
    expect((await usageError({ model: "acme-llm-1", maxBudgetUsd: 1 })).message).toContain("acme-llm-1");
  });

  it("refuses turn limits and budgets that are not positive numbers", async () => {
    expect((await usageError({ maxTurns: 0 })).message).toMatch(/--max-turns/);
    expect((await usageError({ maxTurns: 2.5 })).message).toMatch(/--max-turns/);
    expect((await usageError({ maxBudgetUsd: -1 })).message).toMatch(/--max-budget-usd/);
    expect((await usageError({ maxBudgetUsd: Number.NaN })).message).toMatch(/--max-budget-usd/);
  });

  it("refuses a base URL that is not http or https", async () => {
    expect((await usageError({ baseURL: "ftp://example.com" })).message).toMatch(/base URL/);
  });
});

describe("what a run may overwrite, checked before it starts", () => {
  it("refuses an existing file that is not a migration plan as --out, in offline and model runs, and leaves it alone", async () => {
    const before = await readFile(join(repo, "Gemfile"), "utf8");
    for (const offline of [true, false]) {
      expect((await usageError({ out: "Gemfile", offline })).message).toBe(
        "The file Gemfile exists and is not a migration plan; choose another --out.",
      );
    }
    expect(await readFile(join(repo, "Gemfile"), "utf8")).toBe(before);
  });

  it("refuses a folder as --out with a usage error", async () => {
    expect((await usageError({ out: "db", offline: true })).message).toBe("The plan path db is a folder; give a file path with --out.");
  });

  it("refuses an --allow-write glob that can never apply or is malformed, naming it", async () => {
    expect((await usageError({ allowWrite: [".git/**"] })).message).toMatch(/^The --allow-write glob ".git\/\*\*" can never apply/);
    expect((await usageError({ allowWrite: ["db/**", "["] })).message).toMatch(/^The --allow-write glob "\[" is malformed/);
  });
});

describe("--transcript", () => {
  it("is not created by an offline run, which sends no request", async () => {
    const transcript = join(repo, "..", `transcript-${process.pid}.jsonl`);
    const result = await planMigration({ task: TASK, repo, env: ENV, offline: true, out: "offline-plan.md", transcript });
    expect(result.subtype).not.toBe("error_usage");
    expect(existsSync(transcript)).toBe(false);
  });
});
