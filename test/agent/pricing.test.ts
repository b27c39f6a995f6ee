import { describe, expect, it } from "vitest";
import { costUsd, priceFor } from "../../src/agent/pricing.js";

const p = (input: number, output: number, cacheWrite: number, cacheRead: number) => ({ input, output, cacheWrite, cacheRead });

describe("priceFor: every row of the cli.md table", () => {
  it.each([
    ["claude-sonnet-5-5", p(2, 10, 2.5, 0.1)],
    ["claude-sonnet-5-0", p(2, 10, 2.5, 0.2)],
    ["claude-sonnet-5-2", p(2, 10, 2.5, 0.2)],
    ["claude-sonnet-5", p(2, 10, 2.5, 0.2)],
    ["claude-sonnet-4-5", p(3, 15, 3.75, 0.3)],
    ["claude-sonnet-4-20250514", p(3, 15, 3.75, 0.3)],
    ["claude-3-7-sonnet-20250219", p(3, 15, 3.75, 0.3)],
    ["claude-3-5-sonnet-20241022", p(3, 15, 3.75, 0.3)],
    ["claude-opus-5-5", p(4, 20, 5, 0.2)],
    ["claude-opus-4-5", p(5, 25, 6.25, 0.5)],
    ["claude-opus-4-6", p(5, 25, 6.25, 0.5)],
    ["claude-opus-5-0", p(5, 25, 6.25, 0.5)],
    ["claude-opus-5", p(5, 25, 6.25, 0.5)],
    ["claude-opus-4-20250514", p(15, 75, 18.75, 1.5)],
    ["claude-opus-4-1", p(15, 75, 18.75, 1.5)],
    ["claude-haiku-5-5", p(0.1, 0.5, 0.125, 0.01)],
    ["claude-haiku-4-5", p(1, 5, 1.25, 0.1)],
  ])("prices %s", (model, price) => {
    expect(priceFor(model)).toEqual(price);
  });

  it("ignores a date suffix", () => {
    expect(priceFor("claude-sonnet-4-5-20250929")).toEqual(priceFor("claude-sonnet-4-5"));
    expect(priceFor("claude-opus-4-1-20250805")).toEqual(priceFor("claude-opus-4-1"));
    expect(priceFor("claude-haiku-4-5-20251001")).toEqual(priceFor("claude-haiku-4-5"));
  });

  it.each(["gpt-5", "claude-opus-5-2", "claude-opus-4-3", "claude-haiku-3-5", "claude-3-haiku-20240307", "claude-sonnet-6-0", "my-sonnet", ""])(
    "has no price for %j",
    (model) => expect(priceFor(model)).toBeNull(),
  );
});

describe("costUsd", () => {
  const usage = { input_tokens: 1_000_000, output_tokens: 100_000, cache_creation_input_tokens: 200_000, cache_read_input_tokens: 3_000_000 };

  it("adds input, output, cache write and cache read at their rates", () => {
    // sonnet 5.5: 2 + 0.1*10 + 0.2*2.5 + 3*0.1
    expect(costUsd("claude-sonnet-5-5", usage)).toBe(3.8);
    // opus 4.1: 15 + 7.5 + 3.75 + 4.5
    expect(costUsd("claude-opus-4-1-20250805", usage)).toBe(30.75);
  });

  it("is null for a model not in the table, never a guess", () => {
    expect(costUsd("some-other-model", usage)).toBeNull();
  });

  it("is zero for no usage", () => {
    expect(costUsd("claude-haiku-5-5", { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 })).toBe(0);
  });
});
