import { readFile } from "node:fs/promises";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { oneLine } from "../errors.js";
import { packageFile } from "../paths.js";
import { planMigration } from "../run.js";
import { createMcpServer } from "./create-server.js";
import { TOOL_NAME } from "./tool.js";

async function packageVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(packageFile("package.json"), "utf8")) as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "0.0.0";
}

/** stdout carries the protocol alone: a stray console.log from any module would corrupt it. */
function routeConsoleToStderr(): void {
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
}

/**
 * `migration-agent mcp`: serves plan_migration over stdio until the client goes away.
 * Resolves once the connection is closed and every run it started has finished its cleanup.
 */
export async function startMcpServer(): Promise<void> {
  routeConsoleToStderr();
  const { server, idle } = createMcpServer(planMigration, { version: await packageVersion() });
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  // The SDK's stdio transport does not notice end of input; a client that closes our stdin is gone.
  process.stdin.once("end", () => {
    server.close().catch((error: unknown) => console.error(`migration-agent mcp: ${oneLine(error)}`));
  });
  await server.connect(new StdioServerTransport());
  console.error(`migration-agent mcp: serving ${TOOL_NAME} on stdio`);
  await closed;
  // Closing aborted the runs still going; let them remove what they created before we return.
  await idle();
}
