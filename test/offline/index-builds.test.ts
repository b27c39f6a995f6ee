import { describe, expect, it } from "vitest";
import { offlinePlan } from "../../src/offline/plan.js";
import { parsePlan } from "../../src/plan/parse.js";
import { survey } from "../../src/survey/index.js";
import type { DatabaseEngine, IndexInfo } from "../../src/survey/types.js";
import { buildSurvey } from "../helpers/survey-builder.js";
import { EXAMPLE_ROOT } from "../helpers/survey-fixtures.js";

const NOW = new Date("2026-11-28T12:00:00Z");
const CREATE_INDEX = /CREATE\s+UNIQUE\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(\w+)|ADD\s+UNIQUE\s+INDEX\s+(\w+)/g;

/** The index names each step's text builds; a SQLite table rebuild makes its indexes again, which is not a second build. */
function builtPerStep(markdown: string): string[][] {
  const plan = parsePlan(markdown);
  return plan.steps.filter((step) => !/^\*\*Rebuild /.test(step.text)).map((step) => [...step.text.matchAll(CREATE_INDEX)].map((m) => m[1] ?? m[2] ?? ""));
}

describe("the offline plan builds each index once", () => {
  it("on the example, renaming users.email builds the new unique index in one step only", async () => {
    const found = await survey(EXAMPLE_ROOT, "rename users.email to users.email_address");
    const markdown = offlinePlan(found, { planPath: "migration-plans/plan.md", now: NOW });
    const steps = builtPerStep(markdown).filter((names) => names.includes("index_users_on_email_address_unique"));
    expect(steps).toHaveLength(1);
  });

  const same: IndexInfo[] = [
    { name: null, columns: ["email"], unique: true, where: { path: "db/migrate/20240201120000_add_index_to_users_email.rb", line: 3 } },
    { name: "index_users_on_email", columns: ["email"], unique: true, where: { path: "db/schema.rb", line: 16 } },
    { name: "index_users_on_email", columns: ["email"], unique: true, where: { path: "db/schema.rb", line: 16 } },
  ];
  it.each<DatabaseEngine>(["postgres", "mysql", "sqlite"])("%s: a survey that lists one index three times still gets one build and one drop", (engine) => {
    const markdown = offlinePlan(buildSurvey({ engine, column: { indexes: same } }), { planPath: "migration-plans/plan.md", now: NOW });
    const builds = builtPerStep(markdown).flat();
    expect(builds.filter((name) => name === "index_users_on_email_address_unique")).toHaveLength(1);
    expect(parsePlan(markdown).steps.filter((s) => /Drop the index `index_users_on_email`/.test(s.text))).toHaveLength(engine === "postgres" ? 1 : 0);
  });
});
