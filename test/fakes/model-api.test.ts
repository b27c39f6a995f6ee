import Anthropic from "@anthropic-ai/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeAnthropic } from "../helpers/model-api/http.js";
import { BASE_URL, scriptAnthropic } from "../helpers/model-api/msw.js";
import { apiError, calls, text, toolUse, type RecordedRequest, type Script } from "../helpers/model-api/script.js";

/**
 * The two Messages-API fakes are what every run test trusts: the real SDK must read their answers to the same
 * script as the real API's, in process (msw) and over node:http alike.
 */

interface Served {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void> | void;
}

const transports: Record<string, (script: Script) => Promise<Served>> = {
  msw: async (script) => ({ url: BASE_URL, ...scriptAnthropic(script) }),
  "node:http": startFakeAnthropic,
};

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

const toolTurn = calls(text("Looking around."), toolUse("toolu_1", "Glob", { pattern: "**/*.rb" }));

function client(url: string, maxRetries = 0) {
  return new Anthropic({ apiKey: "test-key", baseURL: url, maxRetries });
}

const request = { model: "claude-sonnet-5-5", max_tokens: 100, messages: [{ role: "user" as const, content: "hi" }] };

describe.each(Object.keys(transports))("the fake Messages API over %s", (name) => {
  const serve = async (script: Script) => (served = await transports[name]!(script));

  it("answers a non-streaming request with the scripted message as JSON", async () => {
    const { url, requests } = await serve([toolTurn]);
    const message = await client(url).messages.create(request);
    expect(message.content).toEqual(toolTurn.content);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.usage.input_tokens).toBe(toolTurn.usage.input_tokens);
    expect(requests[0]!.body.messages[0].content).toBe("hi");
    const apiKey = requests[0]!.headers.get("x-api-key");
    expect([requests[0]!.headers.get("authorization"), apiKey]).toContain(apiKey === null ? "Bearer test-key" : "test-key");
  });

  it("streams the scripted message as SSE that the SDK reassembles exactly", async () => {
    const { url } = await serve([toolTurn]);
    const message = await client(url).messages.stream(request).finalMessage();
    expect(message.content).toEqual(toolTurn.content);
    expect(message.usage).toMatchObject({ input_tokens: toolTurn.usage.input_tokens, output_tokens: toolTurn.usage.output_tokens });
  });

  it("answers with a scripted HTTP error the SDK reads as the API's", async () => {
    const { url } = await serve([apiError(404, "not_found_error", "model: claude-nope")]);
    await expect(client(url).messages.create(request)).rejects.toMatchObject({ status: 404, error: { error: { type: "not_found_error" } } });
  });

  it("refuses with 400 once a list script is used up", async () => {
    const { url } = await serve([]);
    await expect(client(url).messages.create(request)).rejects.toMatchObject({ status: 400 });
  });

  it("drops the connection when told to", async () => {
    const { url } = await serve([{ kind: "drop" }]);
    await expect(client(url).messages.create(request)).rejects.toThrow(/connection/i);
  });

  it("breaks a streamed reply off mid-way when told to", async () => {
    for (const how of ["error-event", "drop"] as const) {
      const { url } = await serve([{ kind: "broken", how }]);
      await expect(client(url).messages.stream(request).finalMessage()).rejects.toThrow();
      await served?.close();
    }
  });

  it("starts a reply that never ends, until the client gives up", async () => {
    const controller = new AbortController();
    const { url } = await serve([{ kind: "hang" }]);
    const stream = client(url).messages.stream(request, { signal: controller.signal });
    const started = new Promise<void>((resolve) => stream.on("streamEvent", (event) => event.type === "message_start" && resolve()));
    const pending = stream.finalMessage().catch((error: unknown) => error);
    await started;
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
  });
});

describe("the node:http fake", () => {
  it("returns scripted HTTP errors the SDK retries, then the message", async () => {
    const fake = await startFakeAnthropic([
      apiError(529, undefined, undefined, { "retry-after-ms": "5" }),
      apiError(429, undefined, undefined, { "retry-after-ms": "5" }),
      toolTurn,
    ]);
    served = fake;
    const message = await client(fake.url, 3).messages.create(request);
    expect(message.stop_reason).toBe("tool_use");
    expect(fake.requests).toHaveLength(3);
  });

  it("closes even while a request hangs", async () => {
    const fake = await startFakeAnthropic([{ kind: "hang" }]);
    const pending = client(fake.url).messages.create(request).catch((error: unknown) => error);
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await fake.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
