import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runScripted } from "../helpers/agent-run.js";
import { BASE_URL, TEST_KEY } from "../helpers/model-api/msw.js";
import { calls, reply, text, toolUse } from "../helpers/model-api/script.js";
import { planFor, RAILS_FILES, writePlan } from "../helpers/rails-app.js";
import { makeTempRepo } from "../helpers/temp-repo.js";

/** What goes over the wire: the cached prefix, the credentials, the transcript, the usage and cost. */

let repo: string;
let removeRepo: () => Promise<void>;
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "agent-transcript-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));
beforeEach(async () => {
  ({ root: repo, cleanup: removeRepo } = await makeTempRepo(RAILS_FILES));
});
afterEach(() => removeRepo());

const fourTurns = () => [
  calls(toolUse("g1", "Glob", { pattern: "**/*.rb" })),
  calls(toolUse("r1", "Read", { file_path: "db/schema.rb" }), toolUse("r2", "Read", { file_path: "app/models/user.rb" })),
  calls(writePlan("w1", planFor())),
  reply([text("done")]),
];

describe("prompt caching", () => {
  it("sends a byte-identical system + tools prefix with top-level cache_control on every request", async () => {
    const { result, requests } = await runScripted(repo, fourTurns());
    expect(result.subtype).toBe("success");
    expect(requests).toHaveLength(4);
    // Everything before "messages" in the body: model, max_tokens, system, tools, cache_control, context management.
    const prefixes = requests.map((request) => request.raw.slice(0, request.raw.indexOf('"messages"')));
    expect(prefixes[0]).toContain('"system"');
    expect(prefixes[0]).toContain('"tools"');
    expect(new Set(prefixes).size).toBe(1);
    for (const request of requests) {
      expect(request.body.cache_control).toEqual({ type: "ephemeral" });
      expect(request.body.stream).toBe(true);
      // Long runs stay inside the context window: old tool results are cleared on the server.
      expect(request.body.context_management.edits[0].type).toBe("clear_tool_uses_20250919");
      expect(request.headers.get("anthropic-beta")).toContain("context-management-2025-06-27");
      expect(request.body.tools.map((tool: { name: string }) => tool.name).sort()).toEqual(["Glob", "Grep", "Read", "Write"]);
    }
    // The per-run facts live in the first user message, not in the cached system prompt.
    expect(requests[0]!.body.system).not.toContain(repo);
    expect(JSON.stringify(requests[0]!.body.messages[0])).toContain("rename users.email to users.email_address");
  });
});

describe("tool definitions", () => {
  it("sends each tool's input side, fields spelled out, only the required ones required", async () => {
    const { requests } = await runScripted(repo, [calls(writePlan("w1", planFor())), reply([text("done")])]);
    const tools = requests[0]!.body.tools as { name: string; input_schema: { required: string[]; properties: object } }[];
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool.input_schema]));
    expect(byName.Read!.required).toEqual(["file_path"]);
    expect(byName.Grep!.required).toEqual(["pattern"]);
    expect(byName.Write!.required.sort()).toEqual(["content", "file_path"]);
    expect(JSON.stringify(tools)).not.toContain("$ref");
    expect(byName.Grep!.properties).toHaveProperty("-n");
  });
});

describe("credentials", () => {
  it("sends the API key as Authorization: Bearer, and no x-api-key", async () => {
    const { requests } = await runScripted(repo, [calls(writePlan("w1", planFor())), reply([text("done")])]);
    for (const request of requests) {
      expect(request.headers.get("authorization")).toBe(`Bearer ${TEST_KEY}`);
      expect(request.headers.get("x-api-key")).toBeNull();
    }
  });

  it("sends ANTHROPIC_AUTH_TOKEN as the bearer when there is no key", async () => {
    const { requests } = await runScripted(repo, [calls(writePlan("w1", planFor())), reply([text("done")])], {
      env: { ANTHROPIC_AUTH_TOKEN: "token-abc", ANTHROPIC_BASE_URL: BASE_URL },
    });
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer token-abc");
  });
});

describe("transcript", () => {
  it("records every request and response body, one JSON object a line, without the key", async () => {
    const file = join(scratch, "run.jsonl");
    const { requests } = await runScripted(repo, fourTurns(), { transcript: file });
    const written = await readFile(file, "utf8");
    expect(written).not.toContain(TEST_KEY);
    expect(written.toLowerCase()).not.toContain("authorization");
    const lines = written.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((line) => line.type)).toEqual(["request", "response", "request", "response", "request", "response", "request", "response"]);
    lines.filter((line) => line.type === "request").forEach((line, i) => expect(line.body).toEqual(requests[i]!.body));
    const responses = lines.filter((line) => line.type === "response");
    expect(responses[0].body).toMatchObject({ role: "assistant", stop_reason: "tool_use" });
    expect(responses[3].body).toMatchObject({ stop_reason: "end_turn", content: [{ type: "text", text: "done" }] });
  });

  it("records an error response body too", async () => {
    const file = join(scratch, "error.jsonl");
    await runScripted(repo, [{ kind: "error", status: 401, type: "authentication_error", message: "invalid key" }], { transcript: file });
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines[1]).toMatchObject({ type: "response", status: 401, body: { error: { type: "authentication_error" } } });
  });
});

describe("usage and cost", () => {
  it("sums usage over every response and prices it with the model's rates", async () => {
    const usage = [
      { input_tokens: 3000, output_tokens: 200, cache_read_input_tokens: 0, cache_creation_input_tokens: 5000 },
      { input_tokens: 400, output_tokens: 1500, cache_read_input_tokens: 5000, cache_creation_input_tokens: 300 },
      { input_tokens: 100, output_tokens: 50, cache_read_input_tokens: 5300, cache_creation_input_tokens: 0 },
    ];
    const { result } = await runScripted(repo, [
      reply([toolUse("g1", "Glob", { pattern: "*.rb" })], "tool_use", usage[0]),
      reply([writePlan("w1", planFor())], "tool_use", usage[1]),
      reply([text("done")], "end_turn", usage[2]),
    ]);
    expect(result.usage).toEqual({ input_tokens: 3500, output_tokens: 1750, cache_read_input_tokens: 10_300, cache_creation_input_tokens: 5300 });
    // claude-sonnet-5-5, USD per million: input 2, output 10, cache write 2.5, cache read 0.1.
    const expected = (3500 * 2 + 1750 * 10 + 5300 * 2.5 + 10_300 * 0.1) / 1_000_000;
    expect(result.total_cost_usd).toBeCloseTo(expected, 9);
  });

  it("reports the cost as null for a model with no known price", async () => {
    const { result } = await runScripted(repo, [calls(writePlan("w1", planFor())), reply([text("done")])], { model: "acme-llm-1" });
    expect(result).toMatchObject({ subtype: "success", model: "acme-llm-1", total_cost_usd: null });
  });
});
