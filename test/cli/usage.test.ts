import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/types.js";
import { runMain, type MainOutcome } from "../helpers/cli-in-process.js";
import { copyShopRails } from "../helpers/shop-rails.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

/** The CLI's outside, in process: usage errors, --help, and the subcommands it hands over to. */

let repo: string;
let removeRepo: () => Promise<void>;
beforeAll(async () => {
  ({ root: repo, cleanup: removeRepo } = await copyShopRails());
});
afterAll(() => removeRepo());

function expectOneLineUsageError(outcome: MainOutcome, message: RegExp): void {
  expect(outcome.code, outcome.stderr).toBe(2);
  expect(outcome.stdout).toBe("");
  const lines = outcome.stderr.trimEnd().split("\n");
  expect(lines, outcome.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^migration-agent: /);
  expect(lines[0]).toMatch(message);
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
}

const KEY = { ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: "http://127.0.0.1:9" };

describe("usage errors exit 2 with one line on stderr and no stack trace", () => {
  it("no task, with a hint of what to type", async () => {
    expectOneLineUsageError(await runMain(["-C", repo], { env: KEY }), /No task given.*migration-agent "rename/);
  });

  it("an unknown flag", async () => {
    expectOneLineUsageError(await runMain(["--frobnicate", "x"], { env: KEY }), /Unknown option '--frobnicate'/);
  });

  it("a flag missing its argument", async () => {
    expectOneLineUsageError(await runMain(["rename", "x", "-C"], { env: KEY }), /argument missing/);
  });

  it("a --max-turns that is not a whole number", async () => {
    expectOneLineUsageError(await runMain(["--max-turns", "lots", "x"], { env: KEY }), /--max-turns must be a whole number/);
  });

  it("a repo that does not exist, named in the message", async () => {
    expectOneLineUsageError(await runMain(["-C", join(repo, "no-such-folder"), "x"], { env: KEY }), /no-such-folder/);
  });

  it("a repo that is a file", async () => {
    expectOneLineUsageError(await runMain(["-C", join(repo, "Gemfile"), "x"], { env: KEY }), /Gemfile.*not a folder/);
  });

  it("a relative repo is found from the caller's folder", async () => {
    expectOneLineUsageError(await runMain(["-C", "no-such-folder", "x"], { env: KEY, cwd: repo }), new RegExp(`${repo}/no-such-folder`));
  });

  it("no API key: the message names ANTHROPIC_API_KEY and --offline", async () => {
    const outcome = await runMain(["-C", repo, "rename users.email"]);
    expectOneLineUsageError(outcome, /ANTHROPIC_API_KEY.*--offline/);
  });

  it("an empty standard input for -", async () => {
    expectOneLineUsageError(await runMain(["-C", repo, "-"], { env: KEY, stdin: "  \n" }), /Standard input held no task/);
  });

  it("in json mode, the usage error is the one result object on stdout", async () => {
    const outcome = await runMain(["--output-format", "json", "--frobnicate", "x"], { env: KEY });
    expect(outcome.code).toBe(2);
    const result = JSON.parse(outcome.stdout) as RunResult;
    expect(result).toMatchObject({ type: "result", subtype: "error_usage", is_error: true, plan_path: null, num_turns: 0 });
    expect(result.error).toMatch(/Unknown option '--frobnicate'/);
  });

  it("in stream-json mode, a run that cannot start prints just its result line", async () => {
    const outcome = await runMain(["--output-format", "stream-json", "-C", join(repo, "nope"), "x"], { env: KEY });
    expect(outcome.code).toBe(2);
    const lines = outcome.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: "result", subtype: "error_usage", is_error: true });
  });
});

describe("--help", () => {
  it("shows usage, every option, examples and exit codes, and exits 0", async () => {
    const outcome = await runMain(["--help"]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^Usage: migration-agent \[options\] <task\.\.\.>/);
    for (const flag of ["--repo", "--out", "--model", "--max-turns", "--max-budget-usd", "--output-format", "--allow-write", "--transcript", "--offline", "--verbose", "--quiet"]) {
      expect(outcome.stdout).toContain(flag);
    }
    expect(outcome.stdout).toMatch(/Examples:\n {2}migration-agent "rename/);
    expect(outcome.stdout).toMatch(/Exit codes:[\s\S]*\b0\b[\s\S]*\b1\b[\s\S]*\b2\b[\s\S]*\b130\b/);
  });
});

describe("subcommands", () => {
  let folder: TempRepo | undefined;
  afterEach(async () => {
    await folder?.cleanup();
    folder = undefined;
  });

  it("init sets the current folder up for Claude Code", async () => {
    folder = await makeTempRepo({}, { prefix: "cli-init-" });
    const outcome = await runMain(["init"], { cwd: folder.root });
    expect(outcome.code, outcome.stderr).toBe(0);
    const config = JSON.parse(await readFile(folder.path(".mcp.json"), "utf8")) as { mcpServers: Record<string, { args: string[] }> };
    expect(config.mcpServers["migration-agent"]?.args.at(-1)).toBe("mcp");
  });

  it("init reports a malformed .mcp.json with exit 1 and leaves it untouched", async () => {
    folder = await makeTempRepo({}, { prefix: "cli-init-" });
    await writeFile(folder.path(".mcp.json"), "{ not json");
    const outcome = await runMain(["init"], { cwd: folder.root });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(await readFile(folder.path(".mcp.json"), "utf8")).toBe("{ not json");
  });

  it("a task that starts with init runs as a task after --", async () => {
    const outcome = await runMain(["-C", join(repo, "nope"), "--", "init", "the", "schema"], { env: KEY });
    expectOneLineUsageError(outcome, /nope/);
  });
});
