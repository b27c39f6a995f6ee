import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { runInit } from "../../src/init.js";
import { TOOL_NAME } from "../../src/mcp/tool.js";
import { packageRoot } from "../../src/paths.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "init-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const expectedEntry = () => ({ command: process.execPath, args: [join(packageRoot(), "dist", "src", "bin.js"), "mcp"] });
const readJson = async (path: string) => JSON.parse(await readFile(path, "utf8")) as Record<string, any>;

function frontmatter(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  expect(match, "agent file starts with a frontmatter block").not.toBeNull();
  return parseYaml(match![1]!) as Record<string, unknown>;
}

describe("migration-agent init", () => {
  it("on an empty folder writes .mcp.json running this installation's node and CLI, and the subagent", async () => {
    const outcome = await runInit(dir);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.message).not.toContain("\n");

    const config = await readJson(join(dir, ".mcp.json"));
    expect(config).toEqual({ mcpServers: { "migration-agent": expectedEntry() } });
    expect(isAbsolute(config.mcpServers["migration-agent"].args[0])).toBe(true);

    const agent = await readFile(join(dir, ".claude/agents/migration-assistant.md"), "utf8");
    const meta = frontmatter(agent);
    expect(meta.name).toBe("migration-assistant");
    expect(String(meta.description)).toMatch(/migration/i);
    expect(meta.tools).toBe(`mcp__migration-agent__${TOOL_NAME}`);
    expect(agent).toMatch(/plan_path|path/);
    expect(agent).toMatch(/summary/i);
  });

  it("keeps another server's entry and the file's other keys", async () => {
    const other = { command: "npx", args: ["-y", "some-server"], env: { TOKEN: "x" } };
    await writeFile(
      join(dir, ".mcp.json"),
      JSON.stringify({ $schema: "https://example.invalid/schema.json", mcpServers: { other } }, null, 2),
    );
    expect((await runInit(dir)).exitCode).toBe(0);
    const config = await readJson(join(dir, ".mcp.json"));
    expect(config.$schema).toBe("https://example.invalid/schema.json");
    expect(config.mcpServers.other).toEqual(other);
    expect(config.mcpServers["migration-agent"]).toEqual(expectedEntry());
  });

  it("run twice leaves both files byte-identical and says it is already up to date", async () => {
    await writeFile(join(dir, ".mcp.json"), JSON.stringify({ mcpServers: { other: { command: "x" } } }));
    expect((await runInit(dir)).exitCode).toBe(0);
    const configBefore = await readFile(join(dir, ".mcp.json"));
    const agentBefore = await readFile(join(dir, ".claude/agents/migration-assistant.md"));

    const second = await runInit(dir);
    expect(second.exitCode).toBe(0);
    expect(second.message).toMatch(/already up to date/i);
    expect((await readFile(join(dir, ".mcp.json"))).equals(configBefore)).toBe(true);
    expect((await readFile(join(dir, ".claude/agents/migration-assistant.md"))).equals(agentBefore)).toBe(true);
  });

  it("on a malformed .mcp.json exits 1 with one line and touches nothing", async () => {
    const broken = '{ "mcpServers": { "other": { "command": "x" }, }\n';
    await writeFile(join(dir, ".mcp.json"), broken);
    const outcome = await runInit(dir);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toMatch(/\.mcp\.json/);
    expect(outcome.message).not.toContain("\n");
    expect(await readFile(join(dir, ".mcp.json"), "utf8")).toBe(broken);
    expect(await readdir(dir)).toEqual([".mcp.json"]);
  });

  it("refuses a .mcp.json whose mcpServers is not an object", async () => {
    const odd = JSON.stringify({ mcpServers: ["not", "an", "object"] });
    await writeFile(join(dir, ".mcp.json"), odd);
    const outcome = await runInit(dir);
    expect(outcome.exitCode).toBe(1);
    expect(await readFile(join(dir, ".mcp.json"), "utf8")).toBe(odd);
  });

  it("updates a stale entry of its own, keeping keys the person added to it", async () => {
    const stale = { command: "/old/node", args: ["/old/bin.js", "mcp"], env: { ANTHROPIC_API_KEY: "k" } };
    await writeFile(join(dir, ".mcp.json"), JSON.stringify({ mcpServers: { "migration-agent": stale } }));
    expect((await runInit(dir)).exitCode).toBe(0);
    const config = await readJson(join(dir, ".mcp.json"));
    expect(config.mcpServers["migration-agent"]).toEqual({ ...expectedEntry(), env: { ANTHROPIC_API_KEY: "k" } });
  });

  it("keeps the indentation of an existing .mcp.json", async () => {
    await writeFile(join(dir, ".mcp.json"), JSON.stringify({ mcpServers: {} }, null, 4));
    await runInit(dir);
    expect(await readFile(join(dir, ".mcp.json"), "utf8")).toMatch(/^\{\n {4}"mcpServers"/);
  });

  it("leaves no temporary files behind", async () => {
    await mkdir(join(dir, ".claude", "agents"), { recursive: true });
    await runInit(dir);
    expect((await readdir(dir)).sort()).toEqual([".claude", ".mcp.json"]);
    expect(await readdir(join(dir, ".claude", "agents"))).toEqual(["migration-assistant.md"]);
  });

  it("rewrites a subagent file that was changed by hand", async () => {
    await runInit(dir);
    const agentPath = join(dir, ".claude/agents/migration-assistant.md");
    const original = await readFile(agentPath, "utf8");
    await writeFile(agentPath, "edited");
    const outcome = await runInit(dir);
    expect(outcome.message).not.toMatch(/already up to date/i);
    expect(await readFile(agentPath, "utf8")).toBe(original);
  });

  it("reports a .mcp.json it cannot read in one line, exit 1, writing nothing", async () => {
    await mkdir(join(dir, ".mcp.json"));
    const outcome = await runInit(dir);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toMatch(/^Cannot read \.mcp\.json: [^\n]+$/);
    expect((await readdir(dir)).sort()).toEqual([".mcp.json"]);
  });

  it("reports a folder that does not exist as a usage error", async () => {
    const outcome = await runInit(join(dir, "missing"));
    expect(outcome.exitCode).toBe(2);
  });
});
