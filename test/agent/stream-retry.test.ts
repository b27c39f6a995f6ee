import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, makeRepo, planFor, RAILS_FILES, removeRepo, reply, runScripted, text, writePlan, type Step } from "../helpers/msw-anthropic.js";

/** The SDK retries requests that fail before the reply starts; a reply that breaks off mid-stream is sent again here. */

let repo: string;
beforeEach(async () => {
  repo = await makeRepo(RAILS_FILES);
});
afterEach(() => removeRepo(repo));

const broken = (how: "error-event" | "drop"): Step => ({ kind: "broken", how });

describe("replies that break off mid-stream", () => {
  it.each(["error-event", "drop"] as const)("sends the same turn again after a %s, and the run succeeds", async (how) => {
    const { result, requests } = await runScripted(repo, [
      calls(writePlan("w1", planFor())),
      broken(how),
      reply([text("done")]),
    ]);
    expect(result).toMatchObject({ subtype: "success", result: "done" });
    expect(requests).toHaveLength(3);
    // The retry carries exactly the history the broken request did: no half reply is kept.
    expect(requests[2]!.body.messages).toEqual(requests[1]!.body.messages);
  });

  it("survives four broken replies in a row", async () => {
    const { result } = await runScripted(repo, [
      broken("error-event"),
      broken("drop"),
      broken("error-event"),
      broken("drop"),
      calls(writePlan("w1", planFor())),
      reply([text("done")]),
    ]);
    expect(result.subtype).toBe("success");
  }, 30_000);

  it("gives up with a one-line error after the fifth broken reply in a row", async () => {
    const { result, requests } = await runScripted(repo, Array.from({ length: 6 }, () => broken("error-event")));
    expect(requests).toHaveLength(5);
    expect(result).toMatchObject({ subtype: "error_during_execution", is_error: true });
    expect(result.error).toMatch(/stayed overloaded/);
    expect(result.error).not.toContain("\n");
  }, 30_000);
});
