import { describe, expect, it } from "vitest";
import type { Operation } from "../../src/survey/types.js";
import { offlinePlanFor, planSection, task } from "../helpers/survey-builder.js";

const NEEDS_THE_COLUMN: Operation[] = ["rename_column", "drop_column", "change_type", "add_index", "add_unique", "add_not_null", "add_foreign_key", "add_check", "backfill"];
const details = { column: "number", columns: ["number"], text: "on users.number", newName: "num", newType: "bigint", default: "'0'", references: { table: "orgs", column: "id" } };

describe("a task on a column the repo does not declare", () => {
  it.each(NEEDS_THE_COLUMN)("%s: writes the honest 'column not found' plan, naming the table's columns, with no migration", async (operation) => {
    const { markdown, errors } = await offlinePlanFor({ task: task(operation, details) });
    expect(errors).toEqual([]);
    const target = planSection(markdown, "Target State");
    expect(target).toContain("Not determined offline: no declaration of the column `users.number` was found in the repo");
    expect(target).toContain("`id`, `email`, `display_name`, `created_at`");
    expect(planSection(markdown, "Steps")).toContain("Restate the task");
    expect(markdown).not.toContain("(new):");
    expect(markdown).not.toContain("ALTER TABLE");
  });

  it("treats column facts with no declaration as not found", async () => {
    const { markdown } = await offlinePlanFor({ task: task("drop_column"), column: { declarations: [] } });
    expect(planSection(markdown, "Target State")).toContain("no declaration of the column `users.email`");
    expect(markdown).not.toContain("(new):");
  });

  it("still plans add_column, whose column does not exist yet", async () => {
    const { markdown, errors } = await offlinePlanFor({ task: task("add_column", { ...details, newType: "text", default: null }) });
    expect(errors).toEqual([]);
    expect(planSection(markdown, "Steps")).toContain("ALTER TABLE users ADD COLUMN number text;");
  });
});

describe("a task on a table the survey found no columns of", () => {
  it("says so instead of listing nothing", async () => {
    const { markdown, errors } = await offlinePlanFor({ found: false, task: task("drop_column", details) });
    expect(errors).toEqual([]);
    expect(planSection(markdown, "Target State")).toContain("the survey found no column of `users` either");
  });
});
