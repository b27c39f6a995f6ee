import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runScripted } from "../helpers/agent-run.js";
import { calls, lastMessage, reply, text } from "../helpers/model-api/script.js";
import { PLAN, planFor, RAILS_FILES, writePlan } from "../helpers/rails-app.js";
import { makeTempRepo } from "../helpers/temp-repo.js";

/** When the model stops, the plan must exist and pass the checks of plan-format.md, or it is sent back. */

let repo: string;
let removeRepo: () => Promise<void>;
beforeEach(async () => {
  ({ root: repo, cleanup: removeRepo } = await makeTempRepo(RAILS_FILES));
});
afterEach(() => removeRepo());

const BROKEN: { check: string; markdown: string; problem: RegExp }[] = [
  { check: "a missing section", markdown: planFor().replace(/## Risks\n.*\n\n/, ""), problem: /Risks.*missing/ },
  {
    check: "a step without its rollback item",
    markdown: planFor({ rollback: "3. Re-add `email`.\n2. Nothing to undo." }),
    problem: /Step 1 has no Rollback/,
  },
  {
    check: "steps numbered twice",
    markdown: planFor({ steps: "1. Add the column.\n1. Backfill it.\n3. Drop the old one." }),
    problem: /Step 1 is numbered more than once/,
  },
  {
    check: "a citation that does not resolve",
    markdown: planFor({ current: "`users.email` is defined in `db/structure.sql:4`." }),
    problem: /db\/structure\.sql/,
  },
  {
    check: "a cited line past the end of the file",
    markdown: planFor({ current: "`users.email` is defined at `db/schema.rb:400`." }),
    problem: /db\/schema\.rb:400/,
  },
];

describe("plan checks and repair", () => {
  it.each(BROKEN)("sends the model back to fix $check, then succeeds", async ({ markdown, problem }) => {
    const { result, events, requests } = await runScripted(repo, [
      calls(writePlan("w1", markdown)),
      reply([text("written")]),
      calls(writePlan("w2", planFor())),
      reply([text("fixed")]),
    ]);
    expect(result).toMatchObject({ subtype: "success", is_error: false, num_turns: 4, result: "fixed", plan_errors: [] });
    const repairs = events.filter((event) => event.type === "repair");
    expect(repairs).toHaveLength(1);
    expect((repairs[0] as { problems: string[] }).problems.join("\n")).toMatch(problem);
    // The repair goes to the model as a user message after its own closing reply, and names the problem.
    const sent = requests[2]!.body.messages;
    expect(sent.at(-2)).toMatchObject({ role: "assistant", content: [expect.objectContaining({ type: "text", text: "written" })] });
    expect(lastMessage(requests[2]!).role).toBe("user");
    expect(String(lastMessage(requests[2]!).content)).toMatch(problem);
    expect(String(lastMessage(requests[2]!).content)).toContain(PLAN);
  });

  it("treats ending without writing the plan as a repair", async () => {
    const { result, events, requests } = await runScripted(repo, [
      reply([text("Here is my plan in chat instead.")]),
      calls(writePlan("w1", planFor())),
      reply([text("now on disk")]),
    ]);
    expect(result).toMatchObject({ subtype: "success", num_turns: 3 });
    expect(events).toContainEqual({ type: "repair", problems: [expect.stringContaining(PLAN)] });
    expect(String(lastMessage(requests[1]!).content)).toContain("No plan was written");
  });

  it("ends with error_invalid_plan after three repairs, leaving the last plan on disk with its failures", async () => {
    const bad = planFor({ rollback: "3. Re-add `email`." });
    const again = (n: number) => [calls(writePlan(`w${n}`, bad)), reply([text(`attempt ${n}`)])];
    const { result, events, requests } = await runScripted(repo, [...again(1), ...again(2), ...again(3), ...again(4), ...again(5)]);
    expect(requests).toHaveLength(8);
    expect(result).toMatchObject({ subtype: "error_invalid_plan", is_error: true, plan_path: PLAN, num_turns: 8 });
    expect(result.error).toMatch(/after 3 repairs/);
    expect(result.plan_errors).toEqual(expect.arrayContaining([expect.stringMatching(/Step 1 has no Rollback/), expect.stringMatching(/Step 2/)]));
    expect(events.filter((event) => event.type === "repair")).toHaveLength(3);
    expect(await readFile(join(repo, PLAN), "utf8")).toBe(bad);
  });
});
