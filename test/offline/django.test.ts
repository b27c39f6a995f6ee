import { describe, expect, it } from "vitest";
import { framework, offlinePlanFor, planSection, task } from "../helpers/survey-builder.js";

const django = framework("django");

describe("offline plan for Django", () => {
  it("rolls each step back to the migration before that step's own file, not all to the same one", async () => {
    const { markdown, errors } = await offlinePlanFor({ framework: django, task: task("add_not_null", { default: "'x'" }), column: { nullable: true } });
    expect(errors).toEqual([]);
    const rollback = planSection(markdown, "Rollback");
    const targets = [...rollback.matchAll(/`python manage\.py migrate core (\w+)` runs the down part of `core\/migrations\/(\w+)\.py`/g)]
      .map((m) => [m[1]!, m[2]!] as const);
    expect(targets.length).toBeGreaterThanOrEqual(3);
    for (const [target, file] of targets) {
      const number = Number(file.slice(0, 4));
      expect(Number(target.slice(0, 4)), `${file} rolls back to ${target}`).toBe(number - 1);
    }
    expect(targets.some(([target]) => target === "0002_alter_user_email")).toBe(true);
  });

  it("reverses a migration with nothing to undo with migrations.RunSQL.noop, not blank SQL", async () => {
    const { markdown } = await offlinePlanFor({ framework: django, task: task("add_not_null", { default: "'x'" }), column: { nullable: true } });
    const steps = planSection(markdown, "Steps");
    const validate = steps.slice(steps.indexOf("VALIDATE CONSTRAINT users_email_not_null"));
    expect(validate.slice(0, validate.indexOf("),"))).toContain("reverse_sql=migrations.RunSQL.noop,");
    expect(steps).not.toMatch(/reverse_sql="""\s*"""/);
  });

  it("does not claim the RunSQL is wrapped in SeparateDatabaseAndState, and says how to keep the model state in step", async () => {
    const { markdown } = await offlinePlanFor({ framework: django, task: task("add_index"), column: { indexes: [] } });
    const steps = planSection(markdown, "Steps");
    expect(steps).not.toContain("wrap the SQL in `migrations.SeparateDatabaseAndState`");
    expect(steps).toContain("makemigrations --dry-run");
  });

  it("leaves reverse_sql out of an irreversible migration, so Django refuses to reverse it", async () => {
    const { markdown } = await offlinePlanFor({ framework: django, task: task("drop_column"), engine: "postgres" });
    const steps = planSection(markdown, "Steps");
    const drop = steps.slice(steps.indexOf("ALTER TABLE users DROP COLUMN email;"));
    expect(drop.slice(0, drop.indexOf("),"))).not.toContain("reverse_sql");
  });
});
