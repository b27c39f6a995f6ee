import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/agent/client.js";
import { MAX_RETRIES } from "../../src/agent/constants.js";
import { startFakeAnthropic, type FakeAnthropic } from "../helpers/model-api/http.js";
import { apiError, reply, text } from "../helpers/model-api/script.js";

/** The SDK client of a run: its retries, and the wait between them that a retry policy sets. */

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const request = { model: "claude-sonnet-5-5", max_tokens: 100, messages: [{ role: "user" as const, content: "hi" }] };

describe("createClient", () => {
  it("retries MAX_RETRIES times by default", () => {
    expect(createClient({ apiKey: "k", baseURL: "http://127.0.0.1:9" }).maxRetries).toBe(MAX_RETRIES);
  });

  it("asks the retry policy how long to wait before each retry the server names no wait for", async () => {
    fake = await startFakeAnthropic([apiError(529), apiError(500), { kind: "drop" }, reply([text("hi")])]);
    const asked: number[] = [];
    const client = createClient({ apiKey: "k", baseURL: fake.url, retry: { maxRetries: 3, delayMs: (n) => (asked.push(n), 0) } });
    const message = await client.messages.create(request);
    expect(message.content).toEqual([{ type: "text", text: "hi" }]);
    expect(fake.requests).toHaveLength(4);
    // This fails if the SDK stops asking the method the policy replaces.
    expect(asked).toEqual([1, 2, 3]);
  });

  it("waits as long as the server's Retry-After says, without asking the policy", async () => {
    fake = await startFakeAnthropic([apiError(429, undefined, undefined, { "retry-after-ms": "5" }), reply([text("hi")])]);
    const asked: number[] = [];
    const client = createClient({ apiKey: "k", baseURL: fake.url, retry: { maxRetries: 1, delayMs: (n) => (asked.push(n), 0) } });
    await client.messages.create(request);
    expect(fake.requests).toHaveLength(2);
    expect(asked).toEqual([]);
  });

  it("gives up after the policy's retries", async () => {
    fake = await startFakeAnthropic([apiError(500), apiError(500), apiError(500)]);
    const client = createClient({ apiKey: "k", baseURL: fake.url, retry: { maxRetries: 1, delayMs: () => 0 } });
    await expect(client.messages.create(request)).rejects.toMatchObject({ status: 500 });
    expect(fake.requests).toHaveLength(2);
  });
});
