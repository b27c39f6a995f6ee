import { resolve } from "node:path";
import { InterruptedError } from "../errors.js";
import type { RunHooks } from "../run.js";
import type { PlanMigrationOptions, RunResult } from "../types.js";
import type { RunRequest } from "./args.js";
import type { CliIO } from "./io.js";
import { errorResult, exitCodeFor } from "../error-result.js";
import { watchInterrupts } from "./interrupt.js";
import { rendererFor } from "./renderer.js";
import { resolveTask } from "./task.js";

/** Paths on the command line are relative to the caller's folder; --out is relative to the repo. */
function optionsFor(request: RunRequest, task: string, io: CliIO): PlanMigrationOptions {
  return {
    task,
    repo: resolve(io.cwd, request.repo ?? "."),
    out: request.out,
    model: request.model,
    maxTurns: request.maxTurns,
    maxBudgetUsd: request.maxBudgetUsd,
    allowWrite: request.allowWrite,
    transcript: request.transcript === undefined ? undefined : resolve(io.cwd, request.transcript),
    offline: request.offline,
    env: io.env,
  };
}

/**
 * One planning run: the task, the run itself (loaded only now, so --help never pays for the SDK), its
 * events and result through the chosen renderer, and the exit code of the result.
 */
export async function runCommand(request: RunRequest, io: CliIO): Promise<number> {
  const startedAt = Date.now();
  const renderer = rendererFor(request.format, request.verbosity, io);
  const signal = watchInterrupts(io, () => {
    if (request.verbosity !== "quiet") io.stderr("Interrupted; stopping (press Ctrl-C again to quit at once).\n");
  });
  let result: RunResult;
  try {
    const task = await resolveTask(request.words, io.stdin, signal);
    const [{ planMigration }, hooks] = await Promise.all([import("../run.js"), runHooks(io)]);
    if (signal.aborted) throw new InterruptedError("Interrupted before the run began.");
    result = await planMigration({ ...optionsFor(request, task, io), signal, onEvent: (event) => renderer.onEvent(event) }, hooks);
  } catch (error) {
    result = errorResult(error, { model: request.model, offline: request.offline, startedAt });
  }
  renderer.finish(result);
  return exitCodeFor(result.subtype);
}

/** The default hooks, with the caller's retry policy when it gives one. */
async function runHooks(io: CliIO): Promise<RunHooks | undefined> {
  if (!io.retry) return undefined;
  const { defaultHooks } = await import("../default-hooks.js");
  return { ...defaultHooks(), retry: io.retry };
}
