import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assistantTurns, type FakeReply, type RecordedRequest } from "./fake-anthropic.js";

/**
 * For the MCP and library tests: one fake Messages API that serves several conversations at once
 * (several tool calls on one MCP server), each chosen by a marker in its task, and a tiny repo
 * that a valid plan can cite.
 */

export const SCHEMA_FILE = "db/schema.rb";

/** A small Rails repo: the plan below cites db/schema.rb:3. */
export async function makeRailsRepo(prefix = "mcp-repo-"): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(join(root, "db", "migrate"), { recursive: true });
  await writeFile(
    join(root, SCHEMA_FILE),
    [
      'ActiveRecord::Schema[7.1].define(version: 2026_01_01_000000) do',
      '  create_table "users", force: :cascade do |t|',
      '    t.string "email", null: false',
      "  end",
      "end",
      "",
    ].join("\n"),
  );
  await writeFile(join(root, "Gemfile"), 'gem "rails", "~> 7.1"\ngem "pg"\n');
  return root;
}

/** A plan that passes the checks of plan-format.md in a repo made by makeRailsRepo. */
export function validPlan(task: string): string {
  return `# Migration Plan: ${task}

Rails on PostgreSQL.

## Current State
\`users.email\` is a NOT NULL string (\`${SCHEMA_FILE}:3\`).

## Target State
The column is renamed, with the code reading the new name.

## Steps
1. Add the new column in \`db/migrate/20261128120000_add_email_address_to_users.rb\` (new); run \`bin/rails db:migrate\`. Deploy 1 (expand).
2. Backfill the new column in batches. Deploy 2 (migrate).

## Rollback
2. Nothing to undo: the old column still holds every value.
1. Drop the new column with \`bin/rails db:rollback\`.

## Risks
- A long backfill on a large table: run it in batches of 1,000 rows.

## Validation
\`\`\`sql
SELECT count(*) FROM users WHERE email_address IS NULL;
\`\`\`
`;
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

function toolUse(id: string, name: string, input: unknown): FakeReply {
  return {
    message: {
      content: [{ type: "tool_use", id, name, input }],
      stop_reason: "tool_use",
      usage: { input_tokens: 100, output_tokens: 20 },
    },
  };
}

/**
 * A script for startFakeAnthropic that tells conversations apart by the marker in their task, and
 * their progress by how many assistant turns they already hold: Glob, then Write of the plan, then done.
 * A marker registered as "hang" is never answered; "write-then-hang" writes the plan, then is never
 * answered again (for cancellation tests: the plan this run created must be removed).
 */
export function conversationsByMarker(scenarios: Record<string, Scenario>) {
  return (request: RecordedRequest): FakeReply => {
    const text = firstUserText(request);
    const marker = Object.keys(scenarios).find((key) => text.includes(key));
    const scenario = marker === undefined ? undefined : scenarios[marker];
    if (!scenario) return { status: 400, body: { type: "error", error: { type: "invalid_request_error", message: "no scenario" } } };
    if (scenario.kind === "hang") return { hang: true };
    const turn = assistantTurns(request);
    if (scenario.kind === "write-then-hang") {
      return turn === 0 ? toolUse(`toolu_write_${marker}`, "Write", { file_path: scenario.planPath, content: scenario.markdown }) : { hang: true };
    }
    if (turn === 0) return toolUse(`toolu_glob_${marker}`, "Glob", { pattern: "db/**/*.rb" });
    if (turn === 1) return toolUse(`toolu_write_${marker}`, "Write", { file_path: scenario.planPath, content: scenario.markdown });
    return {
      message: {
        content: [{ type: "text", text: `Plan written to ${scenario.planPath}.` }],
        stop_reason: "end_turn",
        usage: { input_tokens: 150, output_tokens: 10 },
      },
    };
  };
}
