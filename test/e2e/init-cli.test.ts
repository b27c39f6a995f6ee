import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/paths.js";

/** What Claude Code does after `migration-agent init`: start the server named in .mcp.json and list its tools. */

const run = promisify(execFile);
const BIN = join(packageRoot(), "dist", "src", "bin.js");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "init-cli-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("migration-agent init (built CLI)", () => {
  it("writes a .mcp.json whose command starts a server serving plan_migration", async () => {
    const { stdout } = await run(process.execPath, [BIN, "init"], { cwd: dir });
    expect(stdout.trim()).not.toBe("");
    const config = JSON.parse(await readFile(join(dir, ".mcp.json"), "utf8")) as {
      mcpServers: Record<string, { command: string; args: string[] }>;
    };
    const entry = config.mcpServers["migration-agent"]!;

    const client = new Client({ name: "claude-code-stand-in", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: entry.command, args: entry.args, cwd: dir, stderr: "pipe" }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(["plan_migration"]);
    } finally {
      await client.close();
    }
  });

  it("exits 1 on a malformed .mcp.json, saying so in one line", async () => {
    await writeFile(join(dir, ".mcp.json"), "{ nope");
    const failure = await run(process.execPath, [BIN, "init"], { cwd: dir }).then(
      () => null,
      (error: { code?: number; stdout?: string; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(`${failure?.stdout ?? ""}${failure?.stderr ?? ""}`.trim()).toMatch(/^[^\n]*\.mcp\.json[^\n]*$/);
    expect(await readFile(join(dir, ".mcp.json"), "utf8")).toBe("{ nope");
  });
});
