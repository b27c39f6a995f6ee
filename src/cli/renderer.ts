import type { AgentEvent, RunResult } from "../types.js";
import type { OutputFormat, Verbosity } from "./args.js";
import { jsonRenderer, streamJsonRenderer } from "./render-json.js";
import { textRenderer } from "./render-text.js";

/** Where the CLI writes: process streams in the executable, strings in tests. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One output format: `onEvent` sees each AgentEvent as it happens, `finish` the run's result once. */
export interface Renderer {
  onEvent(event: AgentEvent): void;
  finish(result: RunResult): void;
}

export function rendererFor(format: OutputFormat, verbosity: Verbosity, output: CliOutput): Renderer {
  if (format === "json") return jsonRenderer(output);
  if (format === "stream-json") return streamJsonRenderer(output);
  return textRenderer(output, verbosity);
}
