import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { streamRetryDelayMs } from "../../src/agent/stream-retry.js";
import { defaultHooks } from "../../src/default-hooks.js";
import { runScripted } from "../helpers/agent-run.js";
import { calls, reply, type Step, text } from "../helpers/model-api/script.js";
import { planFor, RAILS_FILES, writePlan } from "../helpers/rails-app.js";
import { makeTempRepo } from "../helpers/temp-repo.js";

/** The SDK retries requests that fail before the reply starts; a reply that breaks off mid-stream is sent again here. */

let repo: string;
let removeRepo: () => Promise<void>;
beforeEach(async () => {
  ({ root: repo, cleanup: removeRepo } = await makeTempRepo(RAILS_FILES));
});
afterEach(() => removeRepo());

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
  });

  it("gives up with a one-line error after the fifth broken reply in a row", async () => {
    const { result, requests } = await runScripted(repo, Array.from({ length: 6 }, () => broken("error-event")));
    expect(requests).toHaveLength(5);
    expect(result).toMatchObject({ subtype: "error_during_execution", is_error: true });
    expect(result.error).toMatch(/stayed overloaded/);
    expect(result.error).not.toContain("\n");
  });
});

describe("the wait before a resend", () => {
  it("asks the run's retry policy before each resend, counting the failures in a row", async () => {
    const asked: number[] = [];
    const retry = { maxRetries: 0, delayMs: (failure: number) => (asked.push(failure), 0) };
    const { result } = await runScripted(
      repo,
      [broken("drop"), broken("error-event"), calls(writePlan("w1", planFor())), broken("drop"), reply([text("done")])],
      {},
      { ...defaultHooks(), retry },
    );
    expect(result.subtype).toBe("success");
    // A reply that arrives whole starts the count again.
    expect(asked).toEqual([1, 2, 1]);
  });

  it("backs off exponentially by default: 0.5 s, doubling, at most 8 s", () => {
    expect([1, 2, 3, 4, 5, 6].map(streamRetryDelayMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });
});
