import { mkdir, mkdtemp, rm, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { packageRoot } from "../../src/paths.js";
import { planMigration, type RunHooks } from "../../src/run.js";
import type { AgentEvent, PlanMigrationOptions, RunResult } from "../../src/types.js";

/**
 * msw handlers that play the Messages API for the agent tests: each request gets the next scripted step,
 * answered as the SSE stream the SDK reads. Every request is recorded (body and headers) for assertions.
 */

export const BASE_URL = "http://anthropic.test";
export const TEST_KEY = "sk-ant-test-key-0123456789";

export type Block =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: unknown };

export interface ReplyUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

export interface Reply {
  kind: "reply";
  content: Block[];
  stop_reason: string;
  usage: ReplyUsage;
}

/** An HTTP error answer; `x-should-retry: false` keeps the SDK from retrying (msw stalls SDK retries). */
export interface ErrorAnswer {
  kind: "error";
  status: number;
  type: string;
  message: string;
}

/** A stream that starts and never ends, for abort tests; `onStart` runs when the request arrives. */
export interface HangingAnswer {
  kind: "hang";
  onStart?: () => void;
}

/** A reply that starts (HTTP 200, message_start) and then breaks off: an `error` event, or a dropped body. */
export interface BrokenAnswer {
  kind: "broken";
  how: "error-event" | "drop";
}

export type Step = Reply | ErrorAnswer | HangingAnswer | BrokenAnswer | ((request: RecordedRequest) => Step | Promise<Step>);

export interface RecordedRequest {
  body: any;
  /** The body exactly as sent. */
  raw: string;
  headers: Headers;
}

export const DEFAULT_USAGE: ReplyUsage = {
  input_tokens: 1000,
  output_tokens: 100,
  cache_read_input_tokens: 800,
  cache_creation_input_tokens: 200,
};

export const text = (value: string): Block => ({ type: "text", text: value });
export const toolUse = (id: string, name: string, input: unknown): Block => ({ type: "tool_use", id, name, input });

export function reply(content: Block[], stop_reason = "end_turn", usage: Partial<ReplyUsage> = {}): Reply {
  return { kind: "reply", content, stop_reason, usage: { ...DEFAULT_USAGE, ...usage } };
}

/** A reply that calls tools (stop_reason tool_use). */
export const calls = (...blocks: Block[]): Reply => reply(blocks, "tool_use");

export function apiError(status: number, type: string, message: string): ErrorAnswer {
  return { kind: "error", status, type, message };
}

export interface ScriptedApi {
  requests: RecordedRequest[];
  close(): void;
}

/** Starts msw with the script; create the SDK client (planMigration does) only after this. */
export function scriptAnthropic(steps: Step[]): ScriptedApi {
  const queue = [...steps];
  const requests: RecordedRequest[] = [];
  const server = setupServer(
    http.post(`${BASE_URL}/v1/messages`, async ({ request }) => {
      const raw = await request.text();
      const recorded = { body: JSON.parse(raw), raw, headers: request.headers };
      requests.push(recorded);
      let step = queue.shift();
      while (typeof step === "function") step = await step(recorded);
      if (!step) return answerError(apiError(500, "api_error", "The test script has no step left."));
      if (step.kind === "error") return answerError(step);
      if (step.kind === "broken") return sse(brokenStream(step));
      if (step.kind === "hang") {
        step.onStart?.();
        return sse(hangingStream());
      }
      return sse(replyStream(step, recorded.body.model));
    }),
  );
  server.listen({ onUnhandledRequest: "error" });
  return { requests, close: () => server.close() };
}

function answerError(step: ErrorAnswer): Response {
  return HttpResponse.json(
    { type: "error", error: { type: step.type, message: step.message }, request_id: null },
    { status: step.status, headers: { "x-should-retry": "false" } },
  );
}

function sse(body: ReadableStream<Uint8Array>): Response {
  return new HttpResponse(body, { headers: { "content-type": "text/event-stream" } });
}

let messageCount = 0;

function replyEvents(step: Reply, model: string): object[] {
  const events: object[] = [
    {
      type: "message_start",
      message: {
        id: `msg_test_${++messageCount}`,
        type: "message",
        role: "assistant",
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...step.usage, output_tokens: 1 },
      },
    },
  ];
  step.content.forEach((block, index) => {
    if (block.type === "text") {
      events.push({ type: "content_block_start", index, content_block: { type: "text", text: "", citations: null } });
      events.push({ type: "content_block_delta", index, delta: { type: "text_delta", text: block.text } });
    } else {
      events.push({ type: "content_block_start", index, content_block: { type: "tool_use", id: block.id, name: block.name, input: {} } });
      events.push({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) } });
    }
    events.push({ type: "content_block_stop", index });
  });
  events.push({
    type: "message_delta",
    delta: { stop_reason: step.stop_reason, stop_sequence: null },
    usage: step.usage,
  });
  events.push({ type: "message_stop" });
  return events;
}

function encode(event: object): Uint8Array {
  return new TextEncoder().encode(`event: ${(event as { type: string }).type}\ndata: ${JSON.stringify(event)}\n\n`);
}

function replyStream(step: Reply, model: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const event of replyEvents(step, model)) controller.enqueue(encode(event));
      controller.close();
    },
  });
}

const START = {
  type: "message_start",
  message: { id: "msg_partial", type: "message", role: "assistant", model: "m", content: [], stop_reason: null, stop_sequence: null, usage: DEFAULT_USAGE },
};

function hangingStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encode(START));
    },
  });
}

function brokenStream(step: BrokenAnswer): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encode(START));
      controller.enqueue(encode({ type: "content_block_start", index: 0, content_block: { type: "text", text: "", citations: null } }));
      if (step.how === "error-event") {
        controller.enqueue(encode({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }));
        controller.close();
      } else {
        // After the first events have gone out, as a connection lost mid-reply.
        setTimeout(() => controller.error(new TypeError("terminated")), 20);
      }
    },
  });
}

/** A repo built in a temp dir from a {path: content} map. */
export async function makeRepo(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "agent-repo-"));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** The bundled example app, copied to a temp dir so a run may write into it. */
export async function copyShopRails(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "agent-shop-"));
  await cp(join(packageRoot(), "examples", "shop-rails"), root, { recursive: true });
  return root;
}

export const removeRepo = (root: string) => rm(root, { recursive: true, force: true });

/** A small Rails-like app: a schema with a users table, a model and a migration. `db/schema.rb` has 12 lines. */
export const RAILS_FILES: Record<string, string> = {
  "Gemfile": 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\ngem "pg"\n',
  "config/database.yml": "production:\n  adapter: postgresql\n  database: shop\n",
  "db/schema.rb": [
    "ActiveRecord::Schema[7.1].define(version: 2024_01_05_090000) do",
    '  enable_extension "plpgsql"',
    "",
    '  create_table "users", force: :cascade do |t|',
    '    t.string "email", null: false',
    '    t.string "name"',
    '    t.datetime "created_at", null: false',
    '    t.datetime "updated_at", null: false',
    '    t.index ["email"], name: "index_users_on_email", unique: true',
    "  end",
    "",
    "end",
  ].join("\n") + "\n",
  "app/models/user.rb": "class User < ApplicationRecord\n  validates :email, presence: true\nend\n",
  "db/migrate/20240105090000_create_users.rb":
    "class CreateUsers < ActiveRecord::Migration[7.1]\n  def change\n    create_table :users do |t|\n      t.string :email, null: false\n      t.timestamps\n    end\n  end\nend\n",
};

export const TASK = "rename users.email to users.email_address";

/** A plan that passes every check against RAILS_FILES; `parts` replaces sections to break one check. */
export function planFor(parts: Partial<Record<"steps" | "rollback" | "risks" | "validation" | "current", string>> = {}): string {
  return [
    `# Migration Plan: ${TASK}`,
    "",
    "## Current State",
    parts.current ?? "`users.email` is a non-null string with a unique index (`db/schema.rb:5`, `db/schema.rb:9`).",
    "",
    "## Target State",
    "The column is named `email_address`; `app/models/user.rb` validates the new name.",
    "",
    "## Steps",
    parts.steps ??
      [
        "1. Expand: add `email_address` in `db/migrate/20261128120000_add_email_address_to_users.rb` (new); run `bin/rails db:migrate`.",
        "2. Backfill `email_address` from `email` in batches.",
        "3. Contract: drop `email` once no code reads it.",
      ].join("\n"),
    "",
    "## Rollback",
    parts.rollback ??
      ["3. Re-add `email` and copy back from `email_address`.", "2. Nothing to undo: the backfill only wrote the new column.", "1. Drop `email_address`."].join(
        "\n",
      ),
    "",
    "## Risks",
    parts.risks ?? "- Code still reading `email` during the deploy: keep both columns until step 3.",
    "",
    "## Validation",
    parts.validation ?? "```sql\nSELECT count(*) FROM users WHERE email_address IS NULL;\n```",
    "",
  ].join("\n");
}

export const PLAN = "migration-plans/plan.md";
export const ENV = { ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: BASE_URL };

export interface ScriptedRun {
  result: RunResult;
  events: AgentEvent[];
  requests: RecordedRequest[];
}

/** One planMigration run against the script, on `repo`, with the test key and endpoint and the plan at PLAN. */
export async function runScripted(
  repo: string,
  steps: Step[],
  options: Partial<PlanMigrationOptions> = {},
  hooks?: RunHooks,
): Promise<ScriptedRun> {
  const api = scriptAnthropic(steps);
  const events: AgentEvent[] = [];
  try {
    const result = await planMigration({ task: TASK, repo, out: PLAN, env: ENV, onEvent: (event) => events.push(event), ...options }, hooks);
    return { result, events, requests: api.requests };
  } finally {
    api.close();
  }
}

/** The Write call that puts `markdown` at the plan path. */
export const writePlan = (id: string, markdown: string): Block => toolUse(id, "Write", { file_path: PLAN, content: markdown });

/** The last message of a recorded request. */
export const lastMessage = (request: RecordedRequest) => request.body.messages.at(-1);
