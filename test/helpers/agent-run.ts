import { defaultHooks } from "../../src/default-hooks.js";
import { planMigration, type RunHooks } from "../../src/run.js";
import type { AgentEvent, PlanMigrationOptions, RunResult } from "../../src/types.js";
import { ENV, IN_PROCESS_RETRY, scriptAnthropic } from "./model-api/msw.js";
import type { RecordedRequest, Script } from "./model-api/script.js";
import { PLAN, TASK } from "./rails-app.js";

export interface ScriptedRun {
  result: RunResult;
  events: AgentEvent[];
  requests: RecordedRequest[];
}

/**
 * One planMigration run in process against the script: on `repo`, with the test key and endpoint, the plan at
 * PLAN, and no waits between retries. `hooks` replace the default ones.
 */
export async function runScripted(
  repo: string,
  script: Script,
  options: Partial<PlanMigrationOptions> = {},
  hooks: RunHooks = defaultHooks(),
): Promise<ScriptedRun> {
  const api = scriptAnthropic(script);
  const events: AgentEvent[] = [];
  try {
    const result = await planMigration(
      { task: TASK, repo, out: PLAN, env: ENV, onEvent: (event) => events.push(event), ...options },
      { retry: IN_PROCESS_RETRY, ...hooks },
    );
    return { result, events, requests: api.requests };
  } finally {
    api.close();
  }
}
