import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../../src/plan/parse.js";
import { planText } from "../helpers/plan-repo.js";

describe("parsePlan", () => {
  it("reads the title without its 'Migration Plan:' prefix", () => {
    expect(parsePlan(planText()).title).toBe("rename users.email to users.email_address");
  });

  it("keeps a title that has no prefix as written, and null when there is no title line", () => {
    expect(parsePlan("# Rename the column\n\n## Steps\n1. x").title).toBe("Rename the column");
    expect(parsePlan("## Steps\n1. x").title).toBeNull();
  });

  it("finds the six sections in document order, with their bodies trimmed", () => {
    const plan = parsePlan(planText());
    expect(plan.sections.map((s) => s.key)).toEqual([
      "currentState", "targetState", "steps", "rollback", "risks", "validation",
    ]);
    expect(plan.sections[1]!.body).toBe("The column is `users.email_address`; no code reads `users.email`.");
  });

  it("accepts numbered headings, any letter case, emphasis and a trailing colon", () => {
    const plan = parsePlan("## 1. current state\nx\n## 2) TARGET STATE:\ny\n## **Rollback**\n1. z");
    expect(plan.sections.map((s) => s.key)).toEqual(["currentState", "targetState", "rollback"]);
  });

  it("numbers steps by the written number, across ### sub-headings", () => {
    const plan = parsePlan(planText());
    expect(plan.steps.map((s) => s.n)).toEqual([1, 2, 3]);
    expect(plan.steps[2]!.text).toBe(
      "Drop `users.email` in `db/migrate/20261128130000_remove_email_from_users.rb` (new).",
    );
  });

  it("reads rollback items in any order by their written numbers", () => {
    expect(parsePlan(planText()).rollback.map((r) => r.n)).toEqual([3, 2, 1]);
  });

  it("keeps continuation lines and nested lists inside their step", () => {
    const plan = parsePlan("## Steps\n1. Add the column:\n   ```ruby\n   add_column :users, :x\n   ```\n   1. nested\n2. Deploy.");
    expect(plan.steps.map((s) => s.n)).toEqual([1, 2]);
    expect(plan.steps[0]!.text).toBe("Add the column:\n```ruby\nadd_column :users, :x\n```\n1. nested");
  });

  it("does not take numbered lines or headings inside code fences as structure", () => {
    const plan = parsePlan("## Steps\n1. Run:\n```\n## Rollback\n2. not a step\n```\n## Risks\nlocks");
    expect(plan.sections.map((s) => s.key)).toEqual(["steps", "risks"]);
    expect(plan.steps.map((s) => s.n)).toEqual([1]);
  });

  it("reads '### Step N:' sub-headings as steps when the section has no numbered list", () => {
    const plan = parsePlan("## Steps\n### Step 1: expand\nAdd it.\n### Step 2 — contract\nDrop it.\n## Risks\nr");
    expect(plan.steps).toEqual([
      { n: 1, text: "expand\nAdd it." },
      { n: 2, text: "contract\nDrop it." },
    ]);
  });

  it("keeps other ## sections as extra sections, by name", () => {
    const plan = parsePlan(planText({ extra: "## Checklist\n- [ ] backup\n\n## 8. Evidence\nseen" }));
    expect(plan.extraSections).toEqual({ Checklist: "- [ ] backup", Evidence: "seen" });
  });

  it("finds citations with (new) marks anywhere in the plan", () => {
    const plan = parsePlan(planText());
    expect(plan.citations.map((c) => [c.written, c.new])).toEqual([
      ["db/schema.rb:14", false],
      ["app/models/user.rb:1-2", false],
      ["db/migrate/20261128120000_add_email_address_to_users.rb", true],
      ["app/models/user.rb", false],
      ["db/migrate/20261128130000_remove_email_from_users.rb", true],
    ]);
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("#", " ", "\n", "1", ".", "`", "~", "a", ":", "/", "-", "(new)", "x.rb") }), (text) => {
        const plan = parsePlan(text);
        expect(Array.isArray(plan.sections)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string(), (text) => void parsePlan(text)), { numRuns: 500 });
  });

  it("finds every written step number of a generated Steps list", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 12 }), (numbers) => {
        const steps = numbers.map((n) => `${n}. do step ${n}`).join("\n");
        expect(parsePlan(`## Steps\n${steps}\n`).steps.map((s) => s.n)).toEqual(numbers);
      }),
    );
  });
});

describe("parsePlan: loose step forms, when a section has no numbered list", () => {
  it("reads lines that start with 'Step N' as items", () => {
    const plan = parsePlan("## Rollback\n- **Step 2:** revert the model.\n- Step 1 — roll back the migration.\n  Then redeploy.");
    expect(plan.rollback).toEqual([
      { n: 2, text: "revert the model." },
      { n: 1, text: "roll back the migration.\nThen redeploy." },
    ]);
  });

  it("prefers a numbered list over 'Step N' lines", () => {
    const plan = parsePlan("## Steps\n1. Add the column.\n   Step 4 comes later.\n2. Backfill.");
    expect(plan.steps.map((s) => s.n)).toEqual([1, 2]);
  });
});

describe("parsePlan: code nested in list items", () => {
  it("treats a deeply indented fence as code, so a # comment in it is no heading", () => {
    const plan = parsePlan("## Steps\n1. Run:\n   - in psql:\n       ```sql\n# not a heading\n## Rollback\n       ```\n2. Deploy.\n## Risks\nr");
    expect(plan.sections.map((s) => s.key)).toEqual(["steps", "risks"]);
    expect(plan.steps.map((s) => s.n)).toEqual([1, 2]);
  });
});
