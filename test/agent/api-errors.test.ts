import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { describeApiError } from "../../src/agent/api-errors.js";
import { summarize, toolResultText } from "../../src/agent/tool-events.js";

const context = { model: "claude-sonnet-5-5", baseURL: "https://api.example.test" };
const apiError = (status: number, type: string, message: string) =>
  Anthropic.APIError.generate(status, { type: "error", error: { type, message } }, undefined, new Headers());

describe("describeApiError", () => {
  it.each([
    [401, "authentication_error", /API key was rejected \(401\)/],
    [403, "permission_error", /not allowed.*\(403\)/],
    [404, "not_found_error", /"claude-sonnet-5-5" was not found \(404\)/],
    [429, "rate_limit_error", /429.*after repeated retries/],
    [529, "overloaded_error", /overloaded \(529\) after repeated retries/],
    [500, "api_error", /500 after repeated retries/],
  ])("maps status %i to one line that says what happened", (status, type, expected) => {
    const message = describeApiError(apiError(status, type, "details\nmore details"), context);
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });

  it("says the network is down, naming the endpoint, on a connection error", () => {
    const message = describeApiError(new Anthropic.APIConnectionError({ message: "fetch failed" }), context);
    expect(message).toContain("https://api.example.test");
    expect(message).toMatch(/network/);
  });

  it("says a reply broke off with the error type the stream carried", () => {
    const midStream = new Anthropic.APIError(undefined, { type: "error", error: { type: "api_error", message: "Internal" } }, undefined, new Headers(), "api_error");
    expect(describeApiError(midStream, context)).toBe("The model API broke off its reply with api_error: Internal.");
  });

  it("keeps the first line of anything else", () => {
    expect(describeApiError(new Error("boom\n    at stack"), context)).toBe("boom");
  });
});

describe("tool result summaries", () => {
  it("is the first non-empty line of the result", () => {
    expect(summarize("\nFound 3 files\na.rb\nb.rb")).toBe("Found 3 files");
    expect(summarize("12\tclass User\n13\t  has_many :orders\n\n(2 more lines: use offset 14)")).toBe("2 lines from line 12");
  });

  it("cuts a long line to fit one line of progress", () => {
    expect(summarize("x".repeat(500)).length).toBe(200);
  });

  it("reads the text of block content", () => {
    expect(toolResultText([{ type: "text", text: "one" }, { type: "image" }, { type: "text", text: "two" }])).toBe("one\ntwo");
  });
});
