import type { ResultSubtype } from "./errors.js";
import type { PlanDocument } from "./plan/types.js";

/** What a caller may ask for: the library's `planMigration`, the CLI and the MCP tool all map onto this. */
export interface PlanMigrationOptions {
  task: string;
  /** The repository to inspect; default the current directory. */
  repo?: string;
  /** The plan file, relative to the repo or absolute inside it; default migration-plans/<date>-<slug>.md. */
  out?: string;
  /** `sonnet`, `opus`, `haiku`, or a full model id; default the prompt's frontmatter. */
  model?: string;
  maxTurns?: number;
  maxBudgetUsd?: number;
  allowWrite?: string[];
  /** A file to which every Messages API request and response body is appended, one JSON object a line. */
  transcript?: string;
  offline?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: AgentEvent) => void;
  /** Credentials and endpoint; default ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN / ANTHROPIC_BASE_URL. */
  apiKey?: string;
  authToken?: string;
  baseURL?: string;
  /** Environment for model aliases and credentials; default process.env. */
  env?: Record<string, string | undefined>;
}

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

/** The result object of cli.md: printed by `--output-format json`, returned by the library and the MCP tool. */
export interface RunResult {
  type: "result";
  subtype: ResultSubtype;
  is_error: boolean;
  /** One line, set when is_error. */
  error?: string;
  /** Relative to the repo; set whenever a plan file exists at the end of the run. */
  plan_path: string | null;
  plan: PlanDocument | null;
  plan_errors: string[];
  plan_warnings: string[];
  files_written: string[];
  result: string;
  num_turns: number;
  duration_ms: number;
  usage: Usage;
  total_cost_usd: number | null;
  model: string;
}

/** The stream-json events of cli.md; `onEvent` receives the same objects. */
export type AgentEvent =
  | { type: "init"; model: string; repo: string; plan_path: string; tools: string[]; offline: boolean }
  | { type: "assistant"; text: string }
  | { type: "tool_use"; id: string; name: string; input: unknown }
  | { type: "tool_result"; id: string; name: string; is_error: boolean; summary: string }
  | { type: "repair"; problems: string[] }
  | RunResult;
