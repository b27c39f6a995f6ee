import type { AgentEvent, RunResult } from "../types.js";
import type { CliOutput, Renderer } from "./renderer.js";

/** `json`: the result object alone on stdout, one line. */
export function jsonRenderer(output: CliOutput): Renderer {
  return {
    onEvent: () => {},
    finish: (result: RunResult) => output.stdout(`${JSON.stringify(result)}\n`),
  };
}

/**
 * `stream-json`: each event on its own line as it happens. The result line is written by `finish`, not
 * from the run's own result event, so it is always last, always once, and the same object `json` prints.
 */
export function streamJsonRenderer(output: CliOutput): Renderer {
  return {
    onEvent: (event: AgentEvent) => {
      if (event.type !== "result") output.stdout(`${JSON.stringify(event)}\n`);
    },
    finish: (result: RunResult) => output.stdout(`${JSON.stringify(result)}\n`),
  };
}
