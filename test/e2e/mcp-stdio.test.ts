import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/paths.js";
import type { RunResult } from "../../src/types.js";
import { conversationsByMarker } from "../helpers/model-api/conversations.js";
import { fakeApiEnv, startFakeAnthropic, type FakeAnthropic } from "../helpers/model-api/http.js";
import { planFor, RAILS_FILES } from "../helpers/rails-app.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

/**
 * `migration-agent mcp` as a client sees it: the built CLI spawned over stdio, driven by the official
 * SDK's Client, with the model played by the node:http fake Messages API. One server serves every test
 * here in turn, so it also shows that the server stays up across calls, failures and cancellations.
 */

const BIN = join(packageRoot(), "dist", "src", "bin.js");
const PLAN = "migration-plans/rename.md";

let fake: FakeAnthropic;
let client: Client;
let stderr = "";
const clientErrors: Error[] = [];
let cwdRepo: string;
let otherRepo: string;
const repos: TempRepo[] = [];
const validPlan = (task: string) => planFor({}, task);

beforeAll(async () => {
  repos.push(await makeTempRepo(RAILS_FILES, { prefix: "mcp-repo-" }), await makeTempRepo(RAILS_FILES, { prefix: "mcp-repo-" }));
  [cwdRepo, otherRepo] = repos.map((repo) => repo.root) as [string, string];
  fake = await startFakeAnthropic(
    conversationsByMarker({
      "TASK-CWD": { kind: "plan", planPath: PLAN, markdown: validPlan("TASK-CWD rename users.email") },
      "TASK-OTHER": { kind: "plan", planPath: PLAN, markdown: validPlan("TASK-OTHER rename users.email") },
      "TASK-AFTER-CANCEL": { kind: "plan", planPath: "migration-plans/after.md", markdown: validPlan("TASK-AFTER-CANCEL x") },
      "TASK-HANG": { kind: "write-then-hang", planPath: "migration-plans/hang.md", markdown: validPlan("TASK-HANG x") },
    }),
  );
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, "mcp"],
    cwd: cwdRepo,
    env: fakeApiEnv(fake.url),
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  client = new Client({ name: "stdio-test", version: "1.0.0" });
  client.onerror = (error) => clientErrors.push(error);
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
  await fake?.close();
  await Promise.all(repos.map((repo) => repo.cleanup()));
});

const call = (args: Record<string, unknown>, options: Parameters<Client["callTool"]>[2] = {}) =>
  client.callTool({ name: "plan_migration", arguments: args }, undefined, { timeout: 60_000, ...options });

describe("migration-agent mcp over stdio", () => {
  it("serves one tool, plan_migration, with the spec's input and the result's output schema", async () => {
    expect(client.getServerVersion()?.name).toBe("migration-agent");
    const manifest = JSON.parse(await readFile(join(packageRoot(), "package.json"), "utf8")) as { version: string };
    expect(client.getServerVersion()?.version).toBe(manifest.version);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["plan_migration"]);
    const input = tools[0]!.inputSchema;
    expect(input.required).toEqual(["task"]);
    expect(input.properties).toMatchObject({
      task: { type: "string" },
      repo: { type: "string" },
      out: { type: "string" },
      model: { type: "string" },
      max_turns: { type: "integer" },
      max_budget_usd: { type: "number" },
      allow_write: { type: "array", items: { type: "string" } },
      offline: { type: "boolean" },
    });
    expect(tools[0]!.outputSchema?.properties).toHaveProperty("plan_path");
  });

  it("plans in the server's cwd when no repo is given, reporting progress per tool call", async () => {
    const progress: { progress: number; message?: string }[] = [];
    const answer = await call(
      { task: "TASK-CWD rename users.email to users.email_address", out: PLAN },
      { onprogress: (update) => progress.push(update), resetTimeoutOnProgress: true },
    );
    const result = answer.structuredContent as unknown as RunResult;
    expect(answer.isError, JSON.stringify(result)).toBe(false);
    expect(result).toMatchObject({ type: "result", subtype: "success", plan_path: PLAN, files_written: [PLAN] });
    expect(answer.content).toEqual([{ type: "text", text: await readFile(join(cwdRepo, PLAN), "utf8") }]);
    expect((answer.content as { text: string }[])[0]!.text).toContain("# Migration Plan: TASK-CWD");
    expect(progress.map((update) => update.message)).toEqual(expect.arrayContaining(["Glob db/**/*.rb", `Write ${PLAN}`]));
    expect(progress.map((update) => update.progress)).toEqual(progress.map((_, index) => index + 1));
  });

  it("serves a second call in another repo, sharing nothing with the first", async () => {
    const answer = await call({ task: "TASK-OTHER rename users.email", repo: otherRepo, out: PLAN });
    expect(answer.isError).toBe(false);
    expect(await readFile(join(otherRepo, PLAN), "utf8")).toContain("TASK-OTHER");
    expect(await readFile(join(cwdRepo, PLAN), "utf8")).toContain("TASK-CWD");
  });

  it("answers a repo that does not exist with an error_usage result, and stays up", async () => {
    const answer = await call({ task: "TASK-CWD x", repo: join(cwdRepo, "no-such-folder") });
    expect(answer.isError).toBe(true);
    expect(answer.structuredContent).toMatchObject({ subtype: "error_usage", is_error: true });
    const text = (answer.content as { text: string }[])[0]!.text;
    expect(text).not.toContain("\n");
    expect(text).toContain("no-such-folder");
    expect((await client.listTools()).tools).toHaveLength(1);
  });

  it("answers input that breaks the schema with an error result", async () => {
    const answer = await call({ repo: cwdRepo });
    expect(answer.isError).toBe(true);
  });

  it("stops a run when the request is cancelled, removing the plan it created, and serves the next call", async () => {
    const hangPlan = join(cwdRepo, "migration-plans/hang.md");
    const controller = new AbortController();
    const before = fake.requests.length;
    const pending = call({ task: "TASK-HANG rename", out: "migration-plans/hang.md" }, { signal: controller.signal });
    // The second request of that conversation comes after its Write: the plan is on disk and the model "thinks".
    while (fake.requests.length < before + 2) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(existsSync(hangPlan)).toBe(true);
    controller.abort("cancelled by the test");
    await expect(pending).rejects.toThrow();
    const next = await call({ task: "TASK-AFTER-CANCEL rename", out: "migration-plans/after.md" });
    expect(next.isError, JSON.stringify(next.structuredContent)).toBe(false);
    for (let waited = 0; existsSync(hangPlan) && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(existsSync(hangPlan)).toBe(false);
  });

  it("plans offline with no model", async () => {
    const before = fake.requests.length;
    const answer = await call({ task: "rename users.email to users.email_address", repo: otherRepo, offline: true });
    const result = answer.structuredContent as unknown as RunResult;
    expect(result.model).toBe("offline");
    expect(answer.isError, result.error).toBe(false);
    expect(result.plan_path).not.toBeNull();
    expect((answer.content as { text: string }[])[0]!.text).toBe(await readFile(join(otherRepo, result.plan_path!), "utf8"));
    expect(fake.requests.length).toBe(before);
  });

  it("writes nothing but protocol to stdout, and its log to stderr", () => {
    // A stray line on stdout reaches the client as a JSON-RPC parse error.
    expect(clientErrors.map((error) => error.message)).toEqual([]);
    expect(stderr).toContain("migration-agent mcp");
  });
});

describe("migration-agent mcp lifetime", () => {
  it("exits once the client closes its stdin", async () => {
    const child = spawn(process.execPath, [BIN, "mcp"], { stdio: ["pipe", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "" } });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    let log = "";
    // Ready once it says so on stderr (or it has already exited, which the assertion below reports).
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes("serving")) resolve();
      });
      child.once("exit", () => resolve());
    });
    child.stdin.end();
    const timeout = new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 5_000));
    const outcome = await Promise.race([exited, timeout]);
    if (outcome === "still running") child.kill();
    expect(outcome, log).toBe(0);
  });
});
