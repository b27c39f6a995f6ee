import Anthropic from "@anthropic-ai/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeAnthropic, type FakeAnthropic } from "../helpers/fake-anthropic.js";

/** The fake server is what every end-to-end test trusts: the real SDK must read its replies as the real API's. */

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const toolTurn = {
  message: {
    content: [
      { type: "text", text: "Looking around." },
      { type: "tool_use", id: "toolu_1", name: "Glob", input: { pattern: "**/*.rb" } },
    ],
    stop_reason: "tool_use",
    usage: { input_tokens: 11, output_tokens: 7 },
  },
};

function client(url: string, maxRetries = 0) {
  return new Anthropic({ apiKey: "test-key", baseURL: url, maxRetries });
}

const request = { model: "claude-sonnet-5-5", max_tokens: 100, messages: [{ role: "user" as const, content: "hi" }] };

describe("the fake Messages API", () => {
  it("answers a non-streaming request with the scripted message as JSON", async () => {
    fake = await startFakeAnthropic([toolTurn]);
    const message = await client(fake.url).messages.create(request);
    expect(message.content).toEqual(toolTurn.message.content);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.usage.input_tokens).toBe(11);
    expect(fake.requests[0]!.body.messages[0].content).toBe("hi");
    const { authorization, "x-api-key": apiKey } = fake.requests[0]!.headers;
    expect([authorization, apiKey]).toContain(apiKey === undefined ? "Bearer test-key" : "test-key");
  });

  it("streams the scripted message as SSE that the SDK reassembles exactly", async () => {
    fake = await startFakeAnthropic([toolTurn]);
    const message = await client(fake.url).messages.stream(request).finalMessage();
    expect(message.content).toEqual(toolTurn.message.content);
    expect(message.usage).toMatchObject({ input_tokens: 11, output_tokens: 7 });
  });

  it("returns scripted HTTP errors the SDK retries, then the message", async () => {
    fake = await startFakeAnthropic([
      { status: 529, headers: { "retry-after-ms": "5" } },
      { status: 429, headers: { "retry-after-ms": "5" } },
      toolTurn,
    ]);
    const message = await client(fake.url, 3).messages.create(request);
    expect(message.stop_reason).toBe("tool_use");
    expect(fake.requests).toHaveLength(3);
  });

  it("refuses with 400 once an array script is used up", async () => {
    fake = await startFakeAnthropic([]);
    await expect(client(fake.url).messages.create(request)).rejects.toMatchObject({ status: 400 });
  });

  it("drops the connection when told to", async () => {
    fake = await startFakeAnthropic([{ drop: true }]);
    await expect(client(fake.url).messages.create(request)).rejects.toThrow(/connection/i);
  });

  it("closes even while a request hangs", async () => {
    fake = await startFakeAnthropic([{ hang: true }]);
    const pending = client(fake.url).messages.create(request).catch((error: unknown) => error);
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await fake.close();
    fake = undefined;
    expect(await pending).toBeInstanceOf(Error);
  });
});
