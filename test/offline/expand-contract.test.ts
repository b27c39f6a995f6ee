import { describe, expect, it } from "vitest";
import type { DatabaseEngine } from "../../src/survey/types.js";
import { offlinePlanFor, planSection, task } from "../helpers/survey-builder.js";

const TASKS = [
  task("rename_column", { newName: "email_address" }),
  task("change_type", { newType: "bigint" }),
];
const STATEMENT: Record<DatabaseEngine & ("postgres" | "mysql" | "unknown"), string> = {
  postgres: "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;",
  mysql: "ALTER TABLE users MODIFY email varchar(255) NULL, ALGORITHM=INPLACE, LOCK=NONE;",
  unknown: "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;",
};

describe("expand/contract on a NOT NULL column", () => {
  for (const theTask of TASKS) {
    // MySQL changes a type in place online (gh-ost), without expand/contract.
    for (const engine of theTask.operation === "change_type" ? (["postgres", "unknown"] as const) : (["postgres", "mysql", "unknown"] as const)) {
      it(`${theTask.operation} on ${engine}: drops NOT NULL on the old column before the code stops writing it`, async () => {
        const { markdown, errors, safety } = await offlinePlanFor({ engine, version: engine === "mysql" ? "8.0" : "16", task: theTask });
        expect(errors).toEqual([]);
        expect(safety).toEqual([]);
        const steps = planSection(markdown, "Steps");
        const allowNull = steps.indexOf(STATEMENT[engine]);
        const stopWriting = steps.indexOf("**Stop writing `email`.**");
        expect(allowNull).toBeGreaterThan(0);
        expect(stopWriting).toBeGreaterThan(allowNull);
      });
    }
  }

  it("on SQLite rebuilds the table without NOT NULL before the code stops writing the old column", async () => {
    const { markdown, errors } = await offlinePlanFor({ engine: "sqlite", task: TASKS[0]! });
    expect(errors).toEqual([]);
    const steps = planSection(markdown, "Steps");
    expect(steps.indexOf("with `email without NOT NULL`")).toBeGreaterThan(0);
    expect(steps.indexOf("**Stop writing `email`.**")).toBeGreaterThan(steps.indexOf("with `email without NOT NULL`"));
  });

  it("rolls the Postgres step back with a CHECK NOT VALID, not a scanning SET NOT NULL", async () => {
    const { markdown } = await offlinePlanFor({ task: TASKS[0]! });
    const steps = planSection(markdown, "Steps");
    const allowNull = steps.slice(steps.indexOf("Let `users.email` accept NULL"), steps.indexOf("**Stop writing `email`.**"));
    expect(allowNull).toContain("ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;");
    expect(allowNull).not.toContain("ALTER COLUMN email SET NOT NULL");
  });

  it("adds no such step when the old column is already nullable", async () => {
    const { markdown } = await offlinePlanFor({ task: TASKS[0]!, column: { nullable: true } });
    expect(markdown).not.toContain("DROP NOT NULL;");
    expect(markdown).not.toContain("accept NULL");
  });

  it("says in Target State that a type change ends with the new column in place of the old one", async () => {
    const { markdown } = await offlinePlanFor({ task: TASKS[1]! });
    expect(planSection(markdown, "Target State")).toContain("the plan ends with `email` dropped and `email_bigint` in its place");
  });
});

describe("MySQL MODIFY restates the column", () => {
  it("keeps the default of a column made NOT NULL", async () => {
    const { markdown } = await offlinePlanFor({ engine: "mysql", version: "8.0", task: task("add_not_null", { default: "'x'" }), column: { nullable: true, default: "'none'" } });
    expect(planSection(markdown, "Steps")).toContain("ALTER TABLE users MODIFY email varchar(255) DEFAULT 'none' NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;");
  });
});
