import type { Usage } from "../types.js";

/** What a response reports; the API sends null for counters that do not apply. */
export interface ResponseUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

export function emptyUsage(): Usage {
  return { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
}

/** Adds one response's usage to the run's total (every request is billed, pause_turn resumes and repairs too). */
export function addUsage(total: Usage, response: ResponseUsage): Usage {
  return {
    input_tokens: total.input_tokens + response.input_tokens,
    output_tokens: total.output_tokens + response.output_tokens,
    cache_read_input_tokens: total.cache_read_input_tokens + (response.cache_read_input_tokens ?? 0),
    cache_creation_input_tokens: total.cache_creation_input_tokens + (response.cache_creation_input_tokens ?? 0),
  };
}
