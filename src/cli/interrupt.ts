import type { CliIO } from "./io.js";

export const INTERRUPTED_EXIT_CODE = 130;

/**
 * Ctrl-C: the first SIGINT aborts the run's signal, so the run stops, cleans up and reports
 * error_interrupted; a second one exits at once, for a person who will not wait for the cleanup.
 * The handler stays for the life of the process, so a Ctrl-C while the result is written never
 * falls back to Node's default (death by signal instead of exit code 130).
 */
export function watchInterrupts(io: Pick<CliIO, "onInterrupt" | "exit">, onFirst: () => void): AbortSignal {
  const controller = new AbortController();
  io.onInterrupt(() => {
    if (controller.signal.aborted) return io.exit(INTERRUPTED_EXIT_CODE);
    controller.abort();
    onFirst();
  });
  return controller.signal;
}
