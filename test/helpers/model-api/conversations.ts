import { apiError, assistantTurns, calls, reply, text, toolUse, type RecordedRequest, type Step, type StepFor } from "./script.js";

/**
 * Whole conversations, each step chosen by the conversation's progress (how many assistant turns it holds),
 * so a retried request gets the same answer.
 */

/** 1st parallel Glob + Grep, 2nd Read calls, 3rd Write of the plan, then an end_turn text. */
export function planWritingScript(options: {
  planPath: string;
  planMarkdown: string;
  globPattern?: string;
  grepPattern?: string;
  readPaths?: string[];
}): StepFor {
  const readPaths = options.readPaths ?? ["db/schema.rb"];
  return (request) => {
    const turn = assistantTurns(request);
    if (turn === 0) {
      return calls(
        text("I will look at the schema and the code that uses it."),
        toolUse("toolu_glob_1", "Glob", { pattern: options.globPattern ?? "db/**/*.rb" }),
        toolUse("toolu_grep_1", "Grep", { pattern: options.grepPattern ?? "email", output_mode: "files_with_matches" }),
      );
    }
    if (turn === 1) return calls(...readPaths.map((path, n) => toolUse(`toolu_read_${n + 1}`, "Read", { file_path: path })));
    if (turn === 2) return calls(toolUse("toolu_write_1", "Write", { file_path: options.planPath, content: options.planMarkdown }));
    return reply([text(`The plan is in ${options.planPath}.`)]);
  };
}

type Scenario =
  | { kind: "plan"; planPath: string; markdown: string }
  | { kind: "hang" }
  | { kind: "write-then-hang"; planPath: string; markdown: string };

function firstUserText(request: RecordedRequest): string {
  const first = request.body?.messages?.[0];
  if (!first) return "";
  return typeof first.content === "string" ? first.content : JSON.stringify(first.content);
}

/**
 * Several conversations served at once (several tool calls on one MCP server), told apart by a marker in
 * their task: Glob, then Write of the plan, then done. A "hang" marker is never answered; "write-then-hang"
 * writes the plan, then is never answered again (for cancellation: the plan the run created must go).
 */
export function conversationsByMarker(scenarios: Record<string, Scenario>): StepFor {
  return (request): Step => {
    const task = firstUserText(request);
    const marker = Object.keys(scenarios).find((key) => task.includes(key));
    const scenario = marker === undefined ? undefined : scenarios[marker];
    if (!scenario) return apiError(400, "invalid_request_error", "no scenario");
    if (scenario.kind === "hang") return { kind: "hang" };
    const turn = assistantTurns(request);
    const write = calls(toolUse(`toolu_write_${marker}`, "Write", { file_path: scenario.planPath, content: scenario.markdown }));
    if (scenario.kind === "write-then-hang") return turn === 0 ? write : { kind: "hang" };
    if (turn === 0) return calls(toolUse(`toolu_glob_${marker}`, "Glob", { pattern: "db/**/*.rb" }));
    if (turn === 1) return write;
    return reply([text(`Plan written to ${scenario.planPath}.`)]);
  };
}
