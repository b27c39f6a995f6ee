import { spawn } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { ToolFailure } from "../errors.js";

/** The flags of tools.md: the file set a person means by "the repo", whatever ripgrep config is around. */
export const RG_BASE_FLAGS = [
  "--hidden",
  "--no-follow",
  "--no-require-git",
  "--no-ignore-global",
  "--no-ignore-dot",
  "--no-ignore-exclude",
  "--no-ignore-parent",
  "--no-config",
  "--glob",
  "!.git",
] as const;

/**
 * The ripgrep to use, or undefined for our own search: `MIGRATION_AGENT_RIPGREP` names a binary, or `off`;
 * otherwise `rg` on the PATH.
 */
export function findRipgrep(env: Record<string, string | undefined> = process.env): string | undefined {
  const setting = env.MIGRATION_AGENT_RIPGREP?.trim();
  if (setting === "off") return undefined;
  if (setting) return isExecutable(setting) ? setting : undefined;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, process.platform === "win32" ? "rg.exe" : "rg");
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface RgRun {
  /** Called with each complete output line (without its `\n`); return false to stop ripgrep early. */
  onLine(line: string): boolean | void;
  signal?: AbortSignal;
  /** What ends one record: a newline, or the NUL of `--null` lists. */
  separator?: "\n" | "\0";
}

/**
 * Runs ripgrep with an argument list (never a shell) in `cwd`, standard input closed. Resolves when it ends;
 * exit 1 (no match) is a normal end; a regex or usage error becomes a ToolFailure with ripgrep's own words.
 */
export function runRipgrep(rg: string, args: string[], cwd: string, run: RgRun): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(rg, args, { cwd, stdio: ["ignore", "pipe", "pipe"], signal: run.signal });
    let pending = "";
    let stopped = false;
    let stderr = "";
    const decoder = new TextDecoder();
    const separator = run.separator ?? "\n";
    child.stdout.on("data", (chunk: Buffer) => {
      if (stopped) return;
      pending += decoder.decode(chunk, { stream: true });
      let start = 0;
      let newline = pending.indexOf(separator, start);
      while (newline !== -1) {
        if (run.onLine(pending.slice(start, newline)) === false) {
          stopped = true;
          child.kill();
          break;
        }
        start = newline + 1;
        newline = pending.indexOf(separator, start);
      }
      pending = pending.slice(start);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString("utf8");
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (error.name === "AbortError") reject(new ToolFailure("The search was cancelled."));
      else reject(new ToolFailure(`Could not run ripgrep (${rg}): ${error.message}.`));
    });
    child.on("close", (code) => {
      if (!stopped && pending.length > 0) run.onLine(pending);
      if (stopped || code === 0 || code === 1) return resolve();
      if (run.signal?.aborted) return reject(new ToolFailure("The search was cancelled."));
      const message = ripgrepError(stderr);
      // Exit 2 also reports unreadable files next to real results; only a failure with no usable run is fatal.
      if (message) reject(new ToolFailure(message));
      else resolve();
    });
  });
}

/** ripgrep's regex errors span lines with a caret drawing; keep the sentence that names the problem. */
function ripgrepError(stderr: string): string | undefined {
  const lines = stderr.split("\n").map((line) => line.trim()).filter(Boolean);
  if (!lines.some((line) => /regex parse error|error parsing|error:|unrecognized|invalid/i.test(line))) return undefined;
  if (lines.some((line) => line.startsWith("regex parse error"))) {
    const detail = lines.find((line) => line.startsWith("error:"))?.slice("error:".length).trim() ?? "invalid pattern";
    return `Invalid regular expression: ${detail}.`.replace(/\.\.$/, ".");
  }
  return `ripgrep failed: ${lines[lines.length - 1]!.replace(/\.$/, "")}.`;
}
