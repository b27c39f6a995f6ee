import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { oneLine } from "../errors.js";
import { packageFile } from "../paths.js";
import { CliUsageError, parseArgs } from "./args.js";
import type { CliIO } from "./io.js";

function version(): string {
  const manifest = JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "0.0.0";
}

async function reportUsageError(error: CliUsageError, io: CliIO): Promise<number> {
  const [{ rendererFor }, { errorResult, exitCodeFor }] = await Promise.all([import("./renderer.js"), import("../error-result.js")]);
  const result = errorResult(error, { startedAt: Date.now() });
  rendererFor(error.format, "normal", io).finish(result);
  return exitCodeFor(result.subtype);
}

/**
 * The command line: argv (without node and the script) in, an exit code out. Only commander is loaded
 * up front; a run, `mcp` and `init` import what they need when they are chosen, so --help starts fast.
 */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const command = parseArgs(argv, version());
    switch (command.kind) {
      case "print":
        io.stdout(command.text);
        return 0;
      case "mcp": {
        const { startMcpServer } = await import("../mcp/server.js");
        await startMcpServer();
        return 0;
      }
      case "init": {
        const { runInit } = await import("../init.js");
        const { exitCode, message } = await runInit(resolve(io.cwd, command.repo ?? "."));
        if (exitCode === 0) io.stdout(`${message}\n`);
        else io.stderr(`migration-agent: ${message}\n`);
        return exitCode;
      }
      case "run": {
        const { runCommand } = await import("./run-command.js");
        return await runCommand(command.request, io);
      }
    }
  } catch (error) {
    if (error instanceof CliUsageError) return reportUsageError(error, io);
    io.stderr(`migration-agent: ${oneLine(error)}\n`);
    return 1;
  }
}
