import { InterruptedError } from "../errors.js";
import type { PlanMigrationOptions, RunResult } from "../types.js";
import type { RunRequest } from "./args.js";
import { errorResult, exitCodeFor } from "../error-result.js";
import { watchInterrupts } from "./interrupt.js";
import { rendererFor, type CliOutput } from "./renderer.js";
import { resolveTask } from "./task.js";

function optionsFor(request: RunRequest, task: string): PlanMigrationOptions {
  return {
    task,
    repo: request.repo,
    out: request.out,
    model: request.model,
    maxTurns: request.maxTurns,
    maxBudgetUsd: request.maxBudgetUsd,
    allowWrite: request.allowWrite,
    transcript: request.transcript,
    offline: request.offline,
  };
}

/**
 * One planning run: the task, the run itself (loaded only now, so --help never pays for the SDK), its
 * events and result through the chosen renderer, and the exit code of the result.
 */
export async function runCommand(request: RunRequest, output: CliOutput, stdin: NodeJS.ReadableStream): Promise<number> {
  const startedAt = Date.now();
  const renderer = rendererFor(request.format, request.verbosity, output);
  const signal = watchInterrupts(() => {
    if (request.verbosity !== "quiet") output.stderr("Interrupted; stopping (press Ctrl-C again to quit at once).\n");
  });
  let result: RunResult;
  try {
    const task = await resolveTask(request.words, stdin, signal);
    const { planMigration } = await import("../run.js");
    if (signal.aborted) throw new InterruptedError("Interrupted before the run began.");
    result = await planMigration({ ...optionsFor(request, task), signal, onEvent: (event) => renderer.onEvent(event) });
  } catch (error) {
    result = errorResult(error, { model: request.model, offline: request.offline, startedAt });
  }
  renderer.finish(result);
  return exitCodeFor(result.subtype);
}
