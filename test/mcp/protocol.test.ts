import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { createMcpServer, type PlanMigration } from "../../src/mcp/create-server.js";
import type { PlanMigrationOptions, RunResult } from "../../src/types.js";

/**
 * The protocol side of the server, in process, with planMigration replaced by a scripted function:
 * what the client sends must reach planMigration, and what it returns (or throws) must reach the client.
 */

function result(overrides: Partial<RunResult> = {}): RunResult {
  return {
    type: "result",
    subtype: "success",
    is_error: false,
    plan_path: null,
    plan: null,
    plan_errors: [],
    plan_warnings: [],
    files_written: [],
    result: "done",
    num_turns: 3,
    duration_ms: 12,
    usage: { input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    total_cost_usd: 0.01,
    model: "claude-sonnet-5-5",
    ...overrides,
  };
}

let cwd: string;
const open: Client[] = [];

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), "mcp-protocol-"));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
  await rm(cwd, { recursive: true, force: true });
});

async function connect(plan: PlanMigration) {
  const made = createMcpServer(plan, { version: "9.9.9", cwd: () => cwd });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await made.server.connect(serverSide);
  const client = new Client({ name: "test", version: "1.0.0" });
  const errors: Error[] = [];
  client.onerror = (error) => errors.push(error);
  await client.connect(clientSide);
  open.push(client);
  return { client, errors, idle: made.idle };
}

describe("plan_migration over MCP (protocol)", () => {
  it("announces the server name and version, and one tool with the input and output schema", async () => {
    const { client } = await connect(async () => result());
    expect(client.getServerVersion()).toEqual({ name: "migration-agent", version: "9.9.9" });
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["plan_migration"]);
    const tool = tools[0]!;
    expect(tool.inputSchema.required).toEqual(["task"]);
    expect(Object.keys(tool.inputSchema.properties ?? {}).sort()).toEqual(
      ["allow_write", "max_budget_usd", "max_turns", "model", "offline", "out", "repo", "task"],
    );
    expect(tool.outputSchema?.required).toEqual(expect.arrayContaining(["subtype", "is_error", "plan_path", "usage"]));
  });

  it("maps snake_case input onto planMigration's options, resolving repo against the server's cwd", async () => {
    const seen: PlanMigrationOptions[] = [];
    const { client } = await connect(async (options) => {
      seen.push(options);
      return result();
    });
    await client.callTool({
      name: "plan_migration",
      arguments: {
        task: "drop users.legacy",
        repo: "app",
        out: "plan.md",
        model: "haiku",
        max_turns: 7,
        max_budget_usd: 0.5,
        allow_write: ["db/migrate/**"],
        offline: true,
      },
    });
    await client.callTool({ name: "plan_migration", arguments: { task: "t" } });
    expect(seen[0]).toMatchObject({
      task: "drop users.legacy",
      repo: join(cwd, "app"),
      out: "plan.md",
      model: "haiku",
      maxTurns: 7,
      maxBudgetUsd: 0.5,
      allowWrite: ["db/migrate/**"],
      offline: true,
    });
    expect(seen[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(seen[1]!.repo).toBe(cwd);
    expect(seen[1]).not.toHaveProperty("maxTurns");
  });

  it("answers with the plan file's Markdown as text and the result as structured content", async () => {
    await mkdir(join(cwd, "plans"));
    await writeFile(join(cwd, "plans", "p.md"), "# Migration Plan: x\n\nbody\n");
    const returned = result({ plan_path: "plans/p.md", files_written: ["plans/p.md"] });
    const { client } = await connect(async () => returned);
    const answer = await client.callTool({ name: "plan_migration", arguments: { task: "x" } });
    expect(answer.isError).toBe(false);
    expect(answer.content).toEqual([{ type: "text", text: "# Migration Plan: x\n\nbody\n" }]);
    expect(answer.structuredContent).toEqual(returned);
  });

  it("sends a progress notification per tool call when the client gave a progress token", async () => {
    const { client } = await connect(async (options) => {
      options.onEvent?.({ type: "assistant", text: "looking" });
      options.onEvent?.({ type: "tool_use", id: "a", name: "Glob", input: { pattern: "**/*.rb" } });
      options.onEvent?.({ type: "tool_result", id: "a", name: "Glob", is_error: false, summary: "3 files" });
      options.onEvent?.({ type: "tool_use", id: "b", name: "Read", input: { file_path: "db/schema.rb" } });
      options.onEvent?.({ type: "repair", problems: ["no Rollback"] });
      return result();
    });
    const progress: { progress: number; message?: string }[] = [];
    await client.callTool({ name: "plan_migration", arguments: { task: "x" } }, undefined, {
      onprogress: (update) => progress.push(update),
    });
    expect(progress.map((update) => update.message)).toEqual(["Glob **/*.rb", "Read db/schema.rb", "repairing the plan: 1 problem(s)"]);
    expect(progress.map((update) => update.progress)).toEqual([1, 2, 3]);
  });

  it("sends no progress notification when the client gave no progress token", async () => {
    const { client, errors } = await connect(async (options) => {
      options.onEvent?.({ type: "tool_use", id: "a", name: "Glob", input: { pattern: "*" } });
      return result();
    });
    const answer = await client.callTool({ name: "plan_migration", arguments: { task: "x" } });
    expect(answer.isError).toBe(false);
    expect(errors).toEqual([]);
  });

  it("turns an error result into isError with the one-line error as text", async () => {
    const failed = result({ subtype: "error_max_turns", is_error: true, error: "The run used its 2 turns." });
    const { client } = await connect(async () => failed);
    const answer = await client.callTool({ name: "plan_migration", arguments: { task: "x" } });
    expect(answer.isError).toBe(true);
    expect(answer.content).toEqual([{ type: "text", text: "The run used its 2 turns." }]);
    expect(answer.structuredContent).toEqual(failed);
  });

  it("turns a UsageError from planMigration into an error_usage result, and stays up", async () => {
    let calls = 0;
    const { client } = await connect(async (options) => {
      calls += 1;
      if (calls === 1) throw new UsageError(`${options.repo} is not a folder.`);
      return result();
    });
    const bad = await client.callTool({ name: "plan_migration", arguments: { task: "x", repo: "nope", model: "opus" } });
    expect(bad.isError).toBe(true);
    expect(bad.content).toEqual([{ type: "text", text: `${join(cwd, "nope")} is not a folder.` }]);
    expect(bad.structuredContent).toMatchObject({ subtype: "error_usage", is_error: true, model: "opus", plan_path: null });
    const good = await client.callTool({ name: "plan_migration", arguments: { task: "x" } });
    expect(good.isError).toBe(false);
  });

  it("turns an unexpected throw into an error_during_execution result without a stack trace", async () => {
    const { client } = await connect(async () => {
      throw new Error("boom\n    at somewhere (file.js:1:1)");
    });
    const answer = await client.callTool({ name: "plan_migration", arguments: { task: "x" } });
    expect(answer.isError).toBe(true);
    expect(answer.content).toEqual([{ type: "text", text: "boom" }]);
    expect(answer.structuredContent).toMatchObject({ subtype: "error_during_execution", error: "boom" });
  });

  it("rejects input that breaks the schema as an error result, without calling planMigration", async () => {
    let calls = 0;
    const { client } = await connect(async () => {
      calls += 1;
      return result();
    });
    for (const args of [{}, { task: "" }, { task: "x", max_turns: 0 }, { task: "x", max_turns: "many" }]) {
      const answer = await client.callTool({ name: "plan_migration", arguments: args });
      expect(answer.isError, JSON.stringify(args)).toBe(true);
    }
    expect(calls).toBe(0);
  });

  it("aborts the run's signal when the client cancels, and serves the next call", async () => {
    let aborted: ((reason: unknown) => void) | undefined;
    const abortSeen = new Promise((resolve) => (aborted = resolve));
    let calls = 0;
    const { client, idle } = await connect(async (options) => {
      calls += 1;
      if (calls > 1) return result();
      await new Promise<void>((resolve) => options.signal!.addEventListener("abort", () => resolve(), { once: true }));
      aborted!(options.signal!.reason);
      return result({ subtype: "error_interrupted", is_error: true, error: "Interrupted." });
    });
    const controller = new AbortController();
    const call = client.callTool({ name: "plan_migration", arguments: { task: "x" } }, undefined, { signal: controller.signal });
    setTimeout(() => controller.abort("changed my mind"), 50);
    await expect(call).rejects.toThrow();
    await abortSeen;
    await idle();
    const next = await client.callTool({ name: "plan_migration", arguments: { task: "y" } });
    expect(next.isError).toBe(false);
  });

  it("keeps concurrent calls in different repos apart", async () => {
    for (const name of ["a", "b"]) {
      await mkdir(join(cwd, name));
      await writeFile(join(cwd, name, "plan.md"), `plan of ${name}`);
    }
    const { client } = await connect(async (options) => {
      await new Promise((resolve) => setTimeout(resolve, options.repo!.endsWith("a") ? 60 : 10));
      return result({ plan_path: "plan.md", result: options.task });
    });
    const [a, b] = await Promise.all(
      ["a", "b"].map((repo) => client.callTool({ name: "plan_migration", arguments: { task: `task ${repo}`, repo } })),
    );
    expect(a!.content).toEqual([{ type: "text", text: "plan of a" }]);
    expect(b!.content).toEqual([{ type: "text", text: "plan of b" }]);
    expect((a!.structuredContent as RunResult).result).toBe("task a");
    expect((b!.structuredContent as RunResult).result).toBe("task b");
  });
});
