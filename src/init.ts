import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { MigrationAgentError, oneLine } from "./errors.js";
import { AGENT_FILE, AGENT_MARKDOWN } from "./init/agent-file.js";
import { atomicWrite } from "./workspace/atomic-write.js";
import { MCP_CONFIG_FILE, SERVER_KEY, mergeMcpConfig } from "./init/mcp-config.js";
import { packageFile } from "./paths.js";

/** The built CLI of this installation (the file `migration-agent init` itself runs from): what `.mcp.json` runs. */
export function cliPath(): string {
  return packageFile("dist", "src", "bin.js");
}

async function readIfExists(path: string, name: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new MigrationAgentError(`Cannot read ${name}: ${oneLine(error)}`);
  }
}

/**
 * `migration-agent init`: makes plan_migration available to Claude Code in the repo at `cwd`.
 * Both files are checked before either is written, so a malformed `.mcp.json` leaves everything as it was.
 */
export async function runInit(cwd: string): Promise<{ exitCode: number; message: string }> {
  try {
    if (!(await stat(cwd).catch(() => null))?.isDirectory()) {
      return { exitCode: 2, message: `${cwd} is not a folder.` };
    }
    const configPath = join(cwd, MCP_CONFIG_FILE);
    const agentPath = join(cwd, AGENT_FILE);
    const config = mergeMcpConfig(await readIfExists(configPath, MCP_CONFIG_FILE), { command: process.execPath, args: [cliPath(), "mcp"] });
    const agentChanged = (await readIfExists(agentPath, AGENT_FILE)) !== AGENT_MARKDOWN;

    const done: string[] = [];
    if (config !== null) {
      await atomicWrite(configPath, config);
      done.push(`added the "${SERVER_KEY}" server to ${MCP_CONFIG_FILE}`);
    }
    if (agentChanged) {
      await atomicWrite(agentPath, AGENT_MARKDOWN);
      done.push(`wrote ${AGENT_FILE}`);
    }
    if (done.length === 0) {
      return { exitCode: 0, message: `Already up to date: ${MCP_CONFIG_FILE} and ${AGENT_FILE} are set up for migration-agent.` };
    }
    const summary = done.join(" and ");
    return {
      exitCode: 0,
      message: `${summary[0]!.toUpperCase()}${summary.slice(1)}; restart Claude Code in this folder and approve the server to use the migration-assistant agent.`,
    };
  } catch (error) {
    const exitCode = error instanceof MigrationAgentError ? error.exitCode : 1;
    return { exitCode, message: oneLine(error) };
  }
}
