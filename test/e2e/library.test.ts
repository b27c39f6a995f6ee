import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/paths.js";
import type { RunResult } from "../../src/types.js";
import { conversationsByMarker } from "../helpers/model-api/conversations.js";
import { fakeApiEnv, startFakeAnthropic } from "../helpers/model-api/http.js";
import { planFor, RAILS_FILES } from "../helpers/rails-app.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

/**
 * The library as another package sees it: a temp package whose node_modules/migration-agent is a
 * symlink to this checkout (no registry), importing it by name through package.json "exports" (dist/).
 */

const run = promisify(execFile);
const PLAN = "migration-plans/library.md";

let consumer: string;
let repo: TempRepo;

beforeAll(async () => {
  consumer = await mkdtemp(join(tmpdir(), "library-consumer-"));
  await writeFile(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await mkdir(join(consumer, "node_modules"));
  await symlink(packageRoot(), join(consumer, "node_modules", "migration-agent"), "dir");
  await copyFile(join(import.meta.dirname, "consumer.mjs"), join(consumer, "consumer.mjs"));
  await copyFile(join(import.meta.dirname, "consumer.ts.txt"), join(consumer, "consumer.ts"));
  repo = await makeTempRepo(RAILS_FILES, { prefix: "library-repo-" });
});

afterAll(async () => {
  await Promise.all([consumer && rm(consumer, { recursive: true, force: true }), repo?.cleanup()]);
});

/** Runs the consumer script; its whole stdout must be the one JSON object it prints, so the library printed nothing. */
async function consume(mode: string, env: Record<string, string>) {
  const { stdout } = await run(process.execPath, ["consumer.mjs", mode], {
    cwd: consumer,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", REPO: repo.root, ...env },
  });
  return JSON.parse(stdout) as Record<string, any>;
}

/** One consumer run answers both tests of the exports and the error classes. */
let invalidReport: Promise<Record<string, any>> | undefined;
const invalid = () => (invalidReport ??= consume("invalid", { ANTHROPIC_API_KEY: "test-key" }));

describe("migration-agent as a library", () => {
  it("plans through the fake Messages API, streams events, and writes nothing to stdout", async () => {
    const task = "LIB-TASK rename users.email to users.email_address";
    const fake = await startFakeAnthropic(
      conversationsByMarker({ "LIB-TASK": { kind: "plan", planPath: PLAN, markdown: planFor({}, task) } }),
    );
    try {
      const report = await consume("plan", { ...fakeApiEnv(fake.url), TASK: task, OUT: PLAN });
      const result = report.result as RunResult;
      expect(result).toMatchObject({ type: "result", subtype: "success", is_error: false, plan_path: PLAN });
      expect(result.plan?.sections.steps.map((step) => step.n)).toEqual([1, 2, 3]);
      expect(await readFile(join(repo.root, PLAN), "utf8")).toBe(planFor({}, task));
      expect(report.events[0]).toBe("init");
      expect(report.events).toEqual(expect.arrayContaining(["tool_use", "tool_result"]));
      expect(report.events.at(-1)).toBe("result");
      expect(fake.requests.length).toBeGreaterThanOrEqual(3);
    } finally {
      await fake.close();
    }
  });

  it("surveys a repo and plans offline with no key, through the package name", async () => {
    const report = await consume("survey", { TASK: "rename users.email to users.email_address" });
    expect(report.survey).toEqual({ frameworks: ["rails"], engine: "postgres", column: "email" });
    expect(report.offline).toMatchObject({ subtype: "success", is_error: false, model: "offline", num_turns: 0, total_cost_usd: 0 });
    expect(report.offline.plan_errors).toEqual([]);
  });

  it("exports planMigration and the error classes by name", async () => {
    const report = await invalid();
    expect(report.exports).toEqual(
      expect.arrayContaining([
        "planMigration",
        "survey",
        "parseTask",
        "MigrationAgentError",
        "UsageError",
        "ApiError",
        "MaxTurnsError",
        "BudgetError",
        "InvalidPlanError",
        "InterruptedError",
      ]),
    );
  });

  it("throws a typed UsageError for invalid options, without exiting the process", async () => {
    const report = await invalid();
    for (const name of ["noTask", "missingRepo", "badMaxTurns", "noApiKey"]) {
      const outcome = report.errors[name];
      expect(outcome, name).toMatchObject({
        threw: true,
        usageError: true,
        migrationAgentError: true,
        exitCode: 2,
        subtype: "error_usage",
      });
      expect(outcome.message, name).not.toContain("\n");
    }
    expect(report.errors.missingRepo.message).toContain("no-such-folder");
  });

  it("gives a TypeScript consumer precise types for options, results, events, plans and surveys", async () => {
    await writeFile(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          lib: ["ES2023", "DOM"],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        files: ["consumer.ts"],
      }),
    );
    const tsc = join(packageRoot(), "node_modules", ".bin", "tsc");
    const outcome = await run(tsc, ["-p", "tsconfig.json"], { cwd: consumer }).then(
      () => "ok",
      (error: { stdout?: string }) => String(error.stdout),
    );
    expect(outcome).toBe("ok");
  }, 60_000);
});
