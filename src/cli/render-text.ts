import type { AgentEvent, RunResult } from "../types.js";
import type { Verbosity } from "./args.js";
import type { CliOutput, Renderer } from "./renderer.js";

const ARGUMENT_WIDTH = 80;
const SUMMARY_WIDTH = 100;

function clip(text: string, width: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

type Field = (key: string) => string | undefined;

/** Per tool, the input fields a person recognises a call by: the path or the pattern, not the whole input. */
const ARGUMENT_FIELDS: Record<string, (field: Field) => (string | undefined)[]> = {
  Read: (field) => [field("file_path"), field("offset") && `from line ${field("offset")}`],
  Grep: (field) => [field("pattern"), field("path") && `in ${field("path")}`, field("glob") && `(${field("glob")})`],
  Glob: (field) => [field("pattern"), field("path") && `in ${field("path")}`],
  Write: (field) => [field("file_path")],
};

export function toolArgument(name: string, input: unknown): string {
  const fields = (input ?? {}) as Record<string, unknown>;
  const field: Field = (key) => (typeof fields[key] === "string" || typeof fields[key] === "number" ? String(fields[key]) : undefined);
  const parts = ARGUMENT_FIELDS[name]?.(field) ?? [JSON.stringify(input)];
  return clip(parts.filter(Boolean).join(" "), ARGUMENT_WIDTH);
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function cost(result: RunResult): string {
  if (result.total_cost_usd === null) return `cost unknown (no price for ${result.model})`;
  const usd = result.total_cost_usd;
  return `$${usd.toFixed(usd > 0 && usd < 1 ? 4 : 2)}`;
}

/** One line: turns, tokens in (with how many came from the cache), tokens out, cost. */
export function summaryLine(result: RunResult): string {
  const seconds = `${(result.duration_ms / 1000).toFixed(1)}s`;
  if (result.model === "offline") return `Offline, no model calls, ${seconds}`;
  const { input_tokens, output_tokens, cache_read_input_tokens, cache_creation_input_tokens } = result.usage;
  const input = input_tokens + cache_read_input_tokens + cache_creation_input_tokens;
  const cached = cache_read_input_tokens > 0 ? ` (${count(cache_read_input_tokens)} read from cache)` : "";
  const turns = `${result.num_turns} ${result.num_turns === 1 ? "turn" : "turns"}`;
  return `${turns}, ${count(input)} input tokens${cached}, ${count(output_tokens)} output tokens, ${cost(result)}, ${seconds}`;
}

/**
 * `text`: progress on stderr as the run goes (a line per tool call; model text when verbose), then on
 * stdout the plan's path and a summary. Errors are one line on stderr.
 */
export function textRenderer(output: CliOutput, verbosity: Verbosity): Renderer {
  const calls = new Map<string, { name: string; input: unknown }>();
  const progress = (line: string) => {
    if (verbosity !== "quiet") output.stderr(`${line}\n`);
  };
  const verbose = (line: string) => {
    if (verbosity === "verbose") output.stderr(`${line}\n`);
  };

  function onEvent(event: AgentEvent): void {
    switch (event.type) {
      case "init":
        progress(
          event.offline
            ? `Planning offline in ${event.repo}; the plan goes to ${event.plan_path}`
            : `Planning with ${event.model} in ${event.repo}; the plan goes to ${event.plan_path}`,
        );
        return;
      case "assistant":
        for (const line of event.text.trim().split("\n")) verbose(`  | ${line}`);
        return;
      case "tool_use":
        calls.set(event.id, { name: event.name, input: event.input });
        return;
      case "tool_result": {
        const call = calls.get(event.id);
        const argument = call ? ` ${toolArgument(call.name, call.input)}` : "";
        const summary = clip(event.summary, SUMMARY_WIDTH);
        progress(`  ${event.name}${argument} -> ${event.is_error ? `error: ${summary}` : summary}`);
        return;
      }
      case "repair":
        progress(
          `The plan failed ${event.problems.length} ${event.problems.length === 1 ? "check" : "checks"}; asking the model to fix it.`,
        );
        for (const problem of event.problems) verbose(`  - ${problem}`);
        return;
      case "result":
        return;
    }
  }

  function finish(result: RunResult): void {
    if (result.is_error) {
      output.stderr(`migration-agent: ${result.error ?? result.subtype}\n`);
      for (const problem of result.plan_errors) progress(`  - ${problem}`);
    } else {
      for (const warning of result.plan_warnings) progress(`warning: ${warning}`);
    }
    if (result.plan_path !== null) {
      output.stdout(`${result.is_error ? "Plan (failing its checks)" : "Plan"}: ${result.plan_path}\n`);
    }
    if (result.subtype !== "error_usage" && (result.plan_path !== null || result.num_turns > 0)) {
      output.stdout(`${summaryLine(result)}\n`);
    }
  }

  return { onEvent, finish };
}
