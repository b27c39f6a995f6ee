import { spawn, type ChildProcess } from "node:child_process";
import { inject } from "vitest";
import { packageRoot } from "../../src/paths.js";

/**
 * For the e2e tests: the installed CLI (see e2e-setup.ts) as a subprocess, with an environment of our own
 * (never the developer's key). Everything that does not need a real process runs in process instead
 * (cli-in-process.ts).
 */

export interface CliOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Added to a bare environment: PATH and HOME only. */
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string;
  /** Called once the process is started, e.g. to send it SIGINT at the right moment. */
  whileRunning?: (child: ChildProcess) => void | Promise<void>;
}

/** The installed bin, which only the e2e project's setup provides. */
function installedBin(): string {
  const bin = inject("installedBin");
  if (!bin) throw new Error("runCli spawns the installed CLI, which only the e2e project sets up: put this test under test/e2e/.");
  return bin;
}

export async function runCli(args: string[], options: CliRunOptions = {}): Promise<CliOutcome> {
  const child = spawn(process.execPath, [installedBin(), ...args], {
    cwd: options.cwd ?? packageRoot(),
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? "");
  const done = new Promise<CliOutcome>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  try {
    await options.whileRunning?.(child);
  } catch (error) {
    child.kill();
    throw error;
  }
  return done;
}
