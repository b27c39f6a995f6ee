import { describe, expect, it } from "vitest";
import { CliUsageError, parseArgs, type CliCommand } from "../../src/cli/args.js";

const run = (argv: string[]) => {
  const command = parseArgs(argv, "9.9.9");
  if (command.kind !== "run") throw new Error(`expected a run, got ${command.kind}`);
  return command.request;
};

function usageError(argv: string[]): CliUsageError {
  try {
    parseArgs(argv, "9.9.9");
  } catch (error) {
    if (error instanceof CliUsageError) return error;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(" ")}`);
}

describe("parseArgs", () => {
  it("joins the task words and maps every option onto the run request", () => {
    const request = run([
      "-C", "repo", "-o", "plans/x.md", "-m", "opus", "--max-turns", "12", "--max-budget-usd", "0.5",
      "--output-format", "stream-json", "--allow-write", "db/migrate/**", "--allow-write", "app/**",
      "--transcript", "t.jsonl", "--offline", "-v", "rename", "users.email", "to", "users.email_address",
    ]);
    expect(request).toEqual({
      words: ["rename", "users.email", "to", "users.email_address"],
      repo: "repo",
      out: "plans/x.md",
      model: "opus",
      maxTurns: 12,
      maxBudgetUsd: 0.5,
      allowWrite: ["db/migrate/**", "app/**"],
      transcript: "t.jsonl",
      offline: true,
      format: "stream-json",
      verbosity: "verbose",
    });
  });

  it("defaults to text output, normal verbosity, no extra write globs and online", () => {
    expect(run(["add", "a", "column"])).toMatchObject({ format: "text", verbosity: "normal", allowWrite: [], offline: false, maxTurns: undefined });
  });

  it("takes options placed after the task words", () => {
    expect(run(["drop", "table", "-q", "--offline"])).toMatchObject({ words: ["drop", "table"], verbosity: "quiet", offline: true });
  });

  it("keeps a lone - as the stdin marker", () => {
    expect(run(["-"]).words).toEqual(["-"]);
  });

  it("treats a bare first word mcp or init as the subcommand", () => {
    expect(parseArgs(["mcp"], "1")).toEqual<CliCommand>({ kind: "mcp" });
    expect(parseArgs(["init"], "1")).toEqual<CliCommand>({ kind: "init", repo: undefined });
    expect(parseArgs(["-C", "elsewhere", "init"], "1")).toEqual<CliCommand>({ kind: "init", repo: "elsewhere" });
  });

  it("plans a task starting with mcp or init when it follows -- or is quoted whole", () => {
    expect(run(["--", "init", "the", "users", "table"]).words).toEqual(["init", "the", "users", "table"]);
    expect(run(["--offline", "--", "mcp"]).words).toEqual(["mcp"]);
    expect(run(["init the users table"]).words).toEqual(["init the users table"]);
  });

  it("refuses a subcommand followed by more words, pointing to -- and quoting", () => {
    expect(usageError(["init", "the", "users", "table"]).message).toMatch(/quote the whole task or put -- before it/);
  });

  it("refuses run options given to mcp", () => {
    expect(usageError(["mcp", "--offline"]).message).toMatch(/^mcp takes no options/);
  });

  it("prints help and version instead of running", () => {
    const help = parseArgs(["--help"], "1");
    expect(help.kind).toBe("print");
    expect(help.kind === "print" && help.text).toMatch(/Usage: migration-agent \[options\] <task\.\.\.>[\s\S]*Exit codes:[\s\S]*130/);
    expect(parseArgs(["--version"], "9.9.9")).toEqual({ kind: "print", text: "9.9.9\n" });
  });

  it.each([
    [["--max-turns", "abc", "x"], /--max-turns must be a whole number of at least 1, not "abc"/],
    [["--max-turns", "0", "x"], /--max-turns must be a whole number/],
    [["--max-turns", "2.5", "x"], /--max-turns must be a whole number/],
    [["--max-budget-usd", "-1", "x"], /--max-budget-usd must be a positive amount/],
    [["--max-budget-usd", "lots", "x"], /--max-budget-usd must be a positive amount/],
    [["--output-format", "xml", "x"], /--output-format must be text, json or stream-json, not "xml"/],
    [["-v", "-q", "x"], /--verbose and --quiet cannot be used together/],
    [["--bogus", "x"], /^Unknown option '--bogus'; see migration-agent --help\.$/],
    [["x", "--max-turns"], /argument missing; see migration-agent --help\.$/],
    [["--rep", "x"], /^Unknown option '--rep' \(Did you mean --repo\?\); see migration-agent --help\.$/],
  ])("rejects %j with one sentence", (argv, message) => {
    const error = usageError(argv);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\n");
    expect(error.exitCode).toBe(2);
  });

  it("reports usage errors in the output format when it was already parsed", () => {
    expect(usageError(["--output-format", "json", "--bogus", "x"]).format).toBe("json");
    expect(usageError(["--output-format", "stream-json", "--max-turns", "x", "y"]).format).toBe("stream-json");
    expect(usageError(["--bogus", "x"]).format).toBe("text");
    expect(usageError(["--output-format", "xml", "x"]).format).toBe("text");
  });
});
