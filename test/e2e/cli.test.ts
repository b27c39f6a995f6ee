import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/paths.js";
import type { RunResult } from "../../src/types.js";
import { runCli, type CliOutcome } from "../helpers/cli-subprocess.js";
import { planWritingScript } from "../helpers/model-api/conversations.js";
import { fakeApiEnv, startFakeAnthropic, type FakeAnthropic } from "../helpers/model-api/http.js";
import { apiError, type Step } from "../helpers/model-api/script.js";
import { copyShopRails, shopRailsPlan } from "../helpers/shop-rails.js";

/**
 * The installed executable as a process: what only a real process shows. Exit codes, stdout and stderr kept
 * apart, the SDK's real backoff, the package's own files, and what it loads at start-up. Everything else about
 * the CLI runs in process, in test/cli/.
 */

const TASK = "rename users.email to users.email_address";
const PLAN = "migration-plans/rename-email.md";

let repo: string;
let removeRepo: () => Promise<void>;
beforeAll(async () => {
  ({ root: repo, cleanup: removeRepo } = await copyShopRails());
});
afterAll(() => removeRepo());

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A fake API that explores shop-rails and writes a plan there, after the `prefix` answers. */
async function planningModel(prefix: Step[] = []): Promise<FakeAnthropic> {
  const plan = planWritingScript({ planPath: PLAN, planMarkdown: shopRailsPlan(TASK), readPaths: ["db/schema.rb", "app/models/user.rb"] });
  fake = await startFakeAnthropic((request, index) => prefix[index] ?? plan(request, index));
  return fake;
}

function expectOneErrorLine(outcome: CliOutcome, code: number, message: RegExp): void {
  expect(outcome.code, outcome.stderr).toBe(code);
  expect(outcome.stdout).toBe("");
  const lines = outcome.stderr.trimEnd().split("\n");
  expect(lines, outcome.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^migration-agent: /);
  expect(lines[0]).toMatch(message);
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
}

describe("exit codes and the two streams", () => {
  it("a run that survives a dropped connection after the SDK's real backoff exits 0: progress on stderr, the plan's path and summary alone on stdout", async () => {
    const { url, requests } = await planningModel([{ kind: "drop" }]);
    const outcome = await runCli(["-C", repo, "-o", PLAN, TASK], { env: fakeApiEnv(url) });
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(requests).toHaveLength(5);
    // The SDK waits 0.5 s times a jitter of 0.75 to 1 before its first retry: a real wait, not the tests' none.
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(375);
    expect(outcome.stderr).toContain(`Write ${PLAN} ->`);
    const [path, summary, ...rest] = outcome.stdout.trimEnd().split("\n");
    expect(path).toBe(`Plan: ${PLAN}`);
    expect(summary).toMatch(/^4 turns, /);
    expect(rest).toEqual([]);
  });

  it("a usage error exits 2 with one line on stderr and nothing on stdout", async () => {
    expectOneErrorLine(await runCli(["-C", repo, "rename users.email"]), 2, /ANTHROPIC_API_KEY.*--offline/);
  });

  it("a run that fails exits 1 with one line on stderr", async () => {
    fake = await startFakeAnthropic(() => apiError(401));
    const outcome = await runCli(["-C", repo, "-o", PLAN, TASK], { env: fakeApiEnv(fake.url) });
    expect(outcome.code, outcome.stderr).toBe(1);
    const errors = outcome.stderr.split("\n").filter((line) => line.startsWith("migration-agent: "));
    expect(errors, outcome.stderr).toHaveLength(1);
    expect(errors[0]).toMatch(/401.*ANTHROPIC_API_KEY/);
  });

  it("--offline --output-format json exits 0 with exactly one result object on stdout", async () => {
    const outcome = await runCli(["-C", repo, "-o", "migration-plans/offline.md", "--offline", "--output-format", "json", TASK]);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(JSON.parse(outcome.stdout) as RunResult).toMatchObject({ type: "result", subtype: "success", model: "offline" });
  });
});

describe("the package's own files", () => {
  it("--version prints the package.json version and exits 0", async () => {
    const manifest = JSON.parse(await readFile(join(packageRoot(), "package.json"), "utf8")) as { version: string };
    const outcome = await runCli(["--version"]);
    expect(outcome).toMatchObject({ code: 0, stdout: `${manifest.version}\n`, stderr: "" });
  });
});

/** A loader hook that names every package module the process loads, on stderr. */
async function packageLoadTracer(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "cli-trace-"));
  await writeFile(
    join(folder, "hooks.mjs"),
    'export async function load(url, context, next) {\n  if (url.includes("/node_modules/")) process.stderr.write(`loaded ${url}\\n`);\n  return next(url, context);\n}\n',
  );
  await writeFile(join(folder, "register.mjs"), 'import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n');
  return join(folder, "register.mjs");
}

function loadedPackages(stderr: string): string[] {
  const names = [...stderr.matchAll(/^loaded .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]!);
  return [...new Set(names)].sort();
}

describe("start-up", () => {
  it("--help loads commander and no other package; a run loads the SDK", async () => {
    const tracer = await packageLoadTracer();
    const env = { NODE_OPTIONS: `--import ${tracer}` };
    const help = await runCli(["--help"], { env });
    expect(help.code).toBe(0);
    expect(loadedPackages(help.stderr)).toEqual(["commander"]);
    const KEY = { ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: "http://127.0.0.1:9" };
    const run = await runCli(["-C", join(repo, "nope"), "x"], { env: { ...env, ...KEY } });
    await rm(dirname(tracer), { recursive: true, force: true });
    expect(loadedPackages(run.stderr)).toContain("@anthropic-ai/sdk");
  });
});
