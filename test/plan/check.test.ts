import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPlan } from "../../src/plan/check.js";
import { PLAN_REPO_FILES, planText } from "../helpers/plan-repo.js";
import { makeTempRepo } from "../helpers/temp-repo.js";

let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ root, cleanup } = await makeTempRepo(PLAN_REPO_FILES)));
afterAll(() => cleanup());

const errorsOf = async (markdown: string) => (await checkPlan(markdown, root)).errors;

describe("checkPlan: sections", () => {
  it("passes a good plan", async () => {
    expect(await errorsOf(planText())).toEqual([]);
  });

  it("names a missing section", async () => {
    const plan = planText().replace("## Rollback\n", "## Undo\n");
    expect(await errorsOf(plan)).toEqual(['Section "## Rollback" is missing.']);
  });

  it("names a section that appears twice", async () => {
    expect(await errorsOf(planText({ extra: "## Risks\n- more" }))).toEqual([
      'Section "## Risks" appears 2 times; keep one.',
    ]);
  });

  it("names a section out of order", async () => {
    const plan = [
      "# Migration Plan: x",
      "## Current State\na",
      "## Target State\nb",
      "## Rollback\n1. undo",
      "## Steps\n1. do",
      "## Risks\nc",
      "## Validation\nd",
    ].join("\n");
    expect(await errorsOf(plan)).toEqual(['Section "## Steps" must come before "## Rollback".']);
  });

  it("names an empty section", async () => {
    expect(await errorsOf(planText({ risks: "  \n" }))).toEqual(['Section "## Risks" is empty.']);
  });

  it("accepts numbered headings in any letter case", async () => {
    const plan = planText()
      .replace("## Current State", "## 1. CURRENT STATE")
      .replace("## Target State", "## 2. target state")
      .replace("## Steps", "## 3. Steps")
      .replace("## Rollback", "## 4) rollback");
    expect(await errorsOf(plan)).toEqual([]);
  });

  it("names a code block that runs on over the next headings, before the sections it hides", async () => {
    const errors = await errorsOf(planText({ targetState: "Target.\n```sql\nALTER TABLE users;" }));
    expect(errors[0]).toBe(
      'The code block from line 10 to line 31 hides the heading "## Steps"; close the block where its code ends.',
    );
    expect(errors).toContain('Section "## Steps" is missing.');
  });

  it("names a code block that is never closed when it hides sections", async () => {
    const errors = await errorsOf(planText({ targetState: "```sql\nSELECT 1;", validation: "Count the rows." }));
    expect(errors[0]).toBe("The code block opened at line 9 is never closed, so everything after it reads as code.");
  });

  it("lets an unclosed code block at the very end pass, as it hides nothing", async () => {
    expect(await errorsOf(planText({ validation: "```sql\nSELECT 1;" }))).toEqual([]);
  });

  it("allows extra sections anywhere", async () => {
    const plan = planText().replace("## Target State", "## Assumptions\nPostgres.\n\n## Target State");
    expect(await errorsOf(plan)).toEqual([]);
  });
});

describe("checkPlan: steps and rollback", () => {
  it("names a step number used twice", async () => {
    const steps = "1. Add `db/migrate/20261128120000_add.rb` (new).\n2. Write both.\n2. Drop.";
    expect(await errorsOf(planText({ steps, rollback: "2. a\n1. b" }))).toEqual([
      'Step 2 is numbered more than once; number the steps uniquely across "## Steps".',
    ]);
  });

  it("names a step without its rollback item", async () => {
    expect(await errorsOf(planText({ rollback: "3. irreversible: restore from backup.\n1. roll back." }))).toEqual([
      "Step 2 has no Rollback item numbered 2.",
    ]);
  });

  it("says once when Rollback has no numbered items, rather than once per step", async () => {
    expect(await errorsOf(planText({ rollback: "Run `bin/rails db:rollback` for each deploy." }))).toEqual([
      'Section "## Rollback" has no numbered items; number each item like the step it undoes ("1. …").',
    ]);
  });

  it("finds rollback items under ### sub-headings", async () => {
    const rollback = "### Deploy 2\n3. Irreversible: restore from backup.\n### Deploy 1\n2. Revert.\n1. Roll back.";
    expect(await errorsOf(planText({ rollback }))).toEqual([]);
  });

  it("says when Steps has no numbered items", async () => {
    expect(await errorsOf(planText({ steps: "- add the column\n- drop the old one" }))).toEqual([
      'Section "## Steps" has no numbered steps; write them as "1. …", "2. …".',
    ]);
  });
});

describe("checkPlan: citations", () => {
  const withCitation = (text: string) => planText({ targetState: `Target. ${text}` });

  it("names a citation of a file that does not exist", async () => {
    const [error] = await errorsOf(withCitation("See `app/models/account.rb:3`."));
    expect(error).toMatch(/^Citation `app\/models\/account\.rb:3` does not resolve: there is no file app\/models\/account\.rb/);
  });

  it("names a line past the end of the file, with the file's length", async () => {
    expect(await errorsOf(withCitation("`db/schema.rb:400`"))).toEqual([
      "Citation `db/schema.rb:400` does not resolve: db/schema.rb has 20 lines.",
    ]);
  });

  it("accepts a range inside the file and rejects one that runs past it or backwards", async () => {
    expect(await errorsOf(withCitation("`db/schema.rb:1-20`"))).toEqual([]);
    expect(await errorsOf(withCitation("`db/schema.rb:18-21`"))).toEqual([
      "Citation `db/schema.rb:18-21` does not resolve: db/schema.rb has 20 lines.",
    ]);
    expect(await errorsOf(withCitation("`db/schema.rb:9-3`"))).toEqual([
      "Citation `db/schema.rb:9-3` does not resolve: the range ends before it starts.",
    ]);
  });

  it("does not check a path marked (new), in any of its mentions", async () => {
    const text = "Create `db/migrate/20261128140000_x.rb` (new), then edit db/migrate/20261128140000_x.rb:3.";
    expect(await errorsOf(withCitation(text))).toEqual([]);
  });

  it("rejects a path outside the root", async () => {
    expect(await errorsOf(withCitation("`../outside.rb`"))).toEqual([
      "Citation `../outside.rb` does not resolve: the path is outside the repository; cite paths relative to its root.",
    ]);
  });

  it("rejects a secret file even when it exists", async () => {
    const secret = await makeTempRepo({ ...PLAN_REPO_FILES, ".env.production.json": "{}\n", "config/.env.example.yml": "a: 1\n" });
    try {
      const { errors } = await checkPlan(withCitation("`.env.production.json`"), secret.root);
      expect(errors).toEqual([
        "Citation `.env.production.json` does not resolve: it is a secret file, which this run may not read.",
      ]);
    } finally {
      await secret.cleanup();
    }
  });

  it("does not take commands, folders or table.column names for citations", async () => {
    const text = "Run `bin/rails db:migrate` in `db/migrate`, rename `users.email`, on Node.js, see https://example.com/a/b.rb.";
    const result = await checkPlan(withCitation(text), root);
    expect(result.errors).toEqual([]);
    expect(result.plan!.citations.map((c) => c.path)).not.toContain("b.rb");
  });

  it("names a folder that looks like a file", async () => {
    const repo = await makeTempRepo({ ...PLAN_REPO_FILES, "config/routes.rb/keep.txt": "" });
    try {
      const { errors } = await checkPlan(withCitation("`config/routes.rb`"), repo.root);
      expect(errors).toEqual(["Citation `config/routes.rb` does not resolve: config/routes.rb is a folder, not a file."]);
    } finally {
      await repo.cleanup();
    }
  });
});

describe("checkPlan: JSON form", () => {
  it("gives the plan's JSON form", async () => {
    const { plan } = await checkPlan(planText({ extra: "## Checklist\n- [ ] backup" }), root);
    expect(plan).toEqual({
      title: "rename users.email to users.email_address",
      sections: {
        currentState: "`users.email` is a string column (`db/schema.rb:14`), read by `app/models/user.rb:1-2`.",
        targetState: "The column is `users.email_address`; no code reads `users.email`.",
        steps: [
          { n: 1, text: "Add the column in `db/migrate/20261128120000_add_email_address_to_users.rb` (new); run `bin/rails db:migrate`." },
          { n: 2, text: "Write both columns from `app/models/user.rb`." },
          { n: 3, text: "Drop `users.email` in `db/migrate/20261128130000_remove_email_from_users.rb` (new)." },
        ],
        rollback: [
          { n: 3, text: "Irreversible without a backup: re-add the column and backfill it from `email_address`." },
          { n: 2, text: "Revert the model change." },
          { n: 1, text: "`bin/rails db:rollback` drops the new column." },
        ],
        risks: "- Backfill on a large table holds locks: batch it in 10k rows.",
        validation: "```sql\nSELECT count(*) FROM users WHERE email_address IS NULL;\n```",
      },
      citations: [
        { path: "db/schema.rb", line: 14, endLine: null, new: false, exists: true },
        { path: "app/models/user.rb", line: 1, endLine: 2, new: false, exists: true },
        { path: "db/migrate/20261128120000_add_email_address_to_users.rb", line: null, endLine: null, new: true, exists: false },
        { path: "app/models/user.rb", line: null, endLine: null, new: false, exists: true },
        { path: "db/migrate/20261128130000_remove_email_from_users.rb", line: null, endLine: null, new: true, exists: false },
      ],
      extraSections: { Checklist: "- [ ] backup" },
    });
  });

  it("marks a citation that does not resolve as not existing", async () => {
    const { plan } = await checkPlan(planText({ risks: "Locks; see `db/schema.rb:99`." }), root);
    expect(plan!.citations).toContainEqual({ path: "db/schema.rb", line: 99, endLine: null, new: false, exists: false });
  });

  it("gives no JSON form while a section is missing, yet still reports every error", async () => {
    const result = await checkPlan(planText().replace("## Validation", "## Checks"), root);
    expect(result.plan).toBeNull();
    expect(result.errors).toEqual(['Section "## Validation" is missing.']);
  });
});

describe("checkPlan: any text", () => {
  it("never rejects, and lists errors for text that is not a plan", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom("## Steps\n", "1. ", "db/schema.rb:", "9", "\n", "x", "`", "(new)") }), async (text) => {
        const result = await checkPlan(text, root);
        expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
