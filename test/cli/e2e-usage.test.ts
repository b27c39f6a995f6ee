import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/paths.js";
import type { RunResult } from "../../src/types.js";
import { copyShopRails, runCli, type CliOutcome } from "../helpers/cli-subprocess.js";

/** The built CLI's outside: usage errors, --help, --version, and the subcommands it hands over to. */

let repo: string;
beforeAll(async () => {
  repo = await copyShopRails();
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

function expectOneLineUsageError(outcome: CliOutcome, message: RegExp): void {
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
    expectOneLineUsageError(await runCli(["-C", repo], { env: KEY }), /No task given.*migration-agent "rename/);
  });

  it("an unknown flag", async () => {
    expectOneLineUsageError(await runCli(["--frobnicate", "x"], { env: KEY }), /Unknown option '--frobnicate'/);
  });

  it("a flag missing its argument", async () => {
    expectOneLineUsageError(await runCli(["rename", "x", "-C"], { env: KEY }), /argument missing/);
  });

  it("a --max-turns that is not a whole number", async () => {
    expectOneLineUsageError(await runCli(["--max-turns", "lots", "x"], { env: KEY }), /--max-turns must be a whole number/);
  });

  it("a repo that does not exist, named in the message", async () => {
    expectOneLineUsageError(await runCli(["-C", join(repo, "no-such-folder"), "x"], { env: KEY }), /no-such-folder/);
  });

  it("a repo that is a file", async () => {
    expectOneLineUsageError(await runCli(["-C", join(repo, "Gemfile"), "x"], { env: KEY }), /Gemfile.*not a folder/);
  });

  it("no API key: the message names ANTHROPIC_API_KEY and --offline", async () => {
    const outcome = await runCli(["-C", repo, "rename users.email"]);
    expectOneLineUsageError(outcome, /ANTHROPIC_API_KEY.*--offline/);
  });

  it("an empty standard input for -", async () => {
    expectOneLineUsageError(await runCli(["-C", repo, "-"], { env: KEY, stdin: "  \n" }), /Standard input held no task/);
  });

  it("in json mode, the usage error is the one result object on stdout", async () => {
    const outcome = await runCli(["--output-format", "json", "--frobnicate", "x"], { env: KEY });
    expect(outcome.code).toBe(2);
    const result = JSON.parse(outcome.stdout) as RunResult;
    expect(result).toMatchObject({ type: "result", subtype: "error_usage", is_error: true, plan_path: null, num_turns: 0 });
    expect(result.error).toMatch(/Unknown option '--frobnicate'/);
  });

  it("in stream-json mode, a run that cannot start prints just its result line", async () => {
    const outcome = await runCli(["--output-format", "stream-json", "-C", join(repo, "nope"), "x"], { env: KEY });
    expect(outcome.code).toBe(2);
    const lines = outcome.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: "result", subtype: "error_usage", is_error: true });
  });
});

describe("--help and --version", () => {
  it("--version prints the package.json version and exits 0", async () => {
    const manifest = JSON.parse(await readFile(join(packageRoot(), "package.json"), "utf8")) as { version: string };
    const outcome = await runCli(["--version"]);
    expect(outcome).toMatchObject({ code: 0, stdout: `${manifest.version}\n`, stderr: "" });
  });

  it("--help shows usage, every option, examples and exit codes, and exits 0", async () => {
    const outcome = await runCli(["--help"]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^Usage: migration-agent \[options\] <task\.\.\.>/);
    for (const flag of ["--repo", "--out", "--model", "--max-turns", "--max-budget-usd", "--output-format", "--allow-write", "--transcript", "--offline", "--verbose", "--quiet"]) {
      expect(outcome.stdout).toContain(flag);
    }
    expect(outcome.stdout).toMatch(/Examples:\n {2}migration-agent "rename/);
    expect(outcome.stdout).toMatch(/Exit codes:[\s\S]*\b0\b[\s\S]*\b1\b[\s\S]*\b2\b[\s\S]*\b130\b/);
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
    const run = await runCli(["-C", join(repo, "nope"), "x"], { env: { ...env, ...KEY } });
    await rm(dirname(tracer), { recursive: true, force: true });
    expect(loadedPackages(run.stderr)).toContain("@anthropic-ai/sdk");
  });
});

describe("subcommands", () => {
  it("init sets the current folder up for Claude Code", async () => {
    const folder = await mkdtemp(join(tmpdir(), "cli-init-"));
    try {
      const outcome = await runCli(["init"], { cwd: folder });
      expect(outcome.code, outcome.stderr).toBe(0);
      const config = JSON.parse(await readFile(join(folder, ".mcp.json"), "utf8")) as { mcpServers: Record<string, { args: string[] }> };
      expect(config.mcpServers["migration-agent"]?.args.at(-1)).toBe("mcp");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("init reports a malformed .mcp.json with exit 1 and leaves it untouched", async () => {
    const folder = await mkdtemp(join(tmpdir(), "cli-init-"));
    try {
      await writeFile(join(folder, ".mcp.json"), "{ not json");
      const outcome = await runCli(["init"], { cwd: folder });
      expect(outcome.code).toBe(1);
      expect(outcome.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(await readFile(join(folder, ".mcp.json"), "utf8")).toBe("{ not json");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("a task that starts with init runs as a task after --", async () => {
    const outcome = await runCli(["-C", join(repo, "nope"), "--", "init", "the", "schema"], { env: KEY });
    expectOneLineUsageError(outcome, /nope/);
  });
});
