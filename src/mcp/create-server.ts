import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { PlanMigrationOptions, RunResult } from "../types.js";
import { errorResult } from "../error-result.js";
import { toolAnswer } from "./answer.js";
import { progressReporter } from "./progress.js";
import { TOOL_DESCRIPTION, TOOL_NAME, inputShape, outputShape, toPlanOptions } from "./tool.js";

export const SERVER_NAME = "migration-agent";

export type PlanMigration = (options: PlanMigrationOptions) => Promise<RunResult>;

export interface MigrationMcpServer {
  server: McpServer;
  /** Settles once every run started so far has ended (an aborted run ends after removing what it created). */
  idle(): Promise<void>;
}

/**
 * The MCP server with its one tool, on no transport yet. Each call is its own planMigration run
 * (own repo, own options, own abort signal), so calls share no state. `plan` is planMigration;
 * it is a parameter so the protocol side can be tested without a model.
 */
export function createMcpServer(plan: PlanMigration, info: { version: string; cwd?: () => string }): MigrationMcpServer {
  const server = new McpServer({ name: SERVER_NAME, version: info.version });
  const cwd = info.cwd ?? (() => process.cwd());
  const runs = new Set<Promise<RunResult>>();

  server.registerTool(
    TOOL_NAME,
    {
      title: "Plan a migration",
      description: TOOL_DESCRIPTION,
      inputSchema: inputShape,
      outputSchema: outputShape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    async (input, extra) => {
      const startedAt = Date.now();
      const onEvent = progressReporter(extra._meta?.progressToken, extra.sendNotification);
      const options = toPlanOptions(input, { cwd: cwd(), signal: extra.signal, onEvent });
      // planMigration throws only for invalid options; clients validate structured content even on
      // errors, so those come back as a full error result object too (the same one the CLI prints).
      const run = Promise.resolve()
        .then(() => plan(options))
        .catch((error: unknown) => errorResult(error, { model: input.model, offline: input.offline, startedAt }));
      runs.add(run);
      try {
        return await toolAnswer(await run, options.repo);
      } finally {
        runs.delete(run);
      }
    },
  );

  return {
    server,
    idle: async () => {
      await Promise.allSettled([...runs]);
    },
  };
}
