import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { offlinePlan } from "../../src/offline/plan.js";
import { checkPlan } from "../../src/plan/check.js";
import { checkPlanSafety } from "../../src/rules/check.js";
import { survey } from "../../src/survey/index.js";
import { FIXTURE_APPS_DIR, fixtureApps } from "../helpers/survey-fixtures.js";

const apps = fixtureApps().map((app) => [app.id, app.root, app.expected] as const);

const ENGINE_WORDS: Record<string, string> = { postgres: "PostgreSQL", mysql: "MySQL", mariadb: "MariaDB", sqlite: "SQLite" };

describe("the offline plan on every fixture app (real survey)", () => {
  it.each(apps)("%s: passes the plan checks and cites what the app holds", async (_id, root, expected) => {
    const found = await survey(root, expected.task);
    const markdown = offlinePlan(found, { planPath: "migration-plans/plan.md", now: new Date("2026-11-28T12:00:00Z") });
    const { errors } = await checkPlan(markdown, root);
    expect(errors).toEqual([]);
    const framework = found.frameworks.find((f) => f.id === expected.framework);
    expect(framework, `the survey finds ${expected.framework}`).toBeDefined();
    expect(markdown).toContain(framework!.name);
    expect(markdown).toContain(ENGINE_WORDS[expected.database.engine] ?? expected.database.engine);
    expect(markdown).toContain(`\`${expected.migrationsDir}/\``);
    for (const path of [...expected.definitions, ...expected.references, ...expected.tests, ...expected.sameName]) {
      expect(markdown, `cites ${path}`).toContain(path);
    }
    expect(markdown).toMatch(/\(new\)/);
  });
});

const TASKS = [
  "drop users.email",
  "add an index on users.email",
  "add a unique constraint on users.email",
  "make users.email not null",
  "change users.email to text",
  "add column users.nickname text",
  "add a foreign key users.org_id references orgs.id",
  "add check constraint users.email <> ''",
  "rename table users to accounts",
  "drop table users",
  "backfill users.email with default 'none'",
];
const SAMPLE_APPS = ["rails", "laravel", "drizzle", "goose", "prisma", "django"];

describe("every operation on fixture apps of each database (real survey)", () => {
  for (const id of SAMPLE_APPS) {
    const root = join(FIXTURE_APPS_DIR, id);
    it.each(TASKS)(`${id}: %s passes the plan checks and its own safety check`, async (text) => {
      const found = await survey(root, text);
      expect(found.task.operation).not.toBe("unknown");
      const markdown = offlinePlan(found, { planPath: "migration-plans/plan.md", now: new Date("2026-11-28T12:00:00Z") });
      const { errors, plan } = await checkPlan(markdown, root);
      expect(errors).toEqual([]);
      expect(checkPlanSafety(plan!, found)).toEqual([]);
    });
  }
});

describe("the offline plan's reference lists (real survey)", () => {
  it.each([["laravel", "app/Http/Controllers/UserController.php"], ["django", "core/views.py"], ["shop-rails", "app/controllers/users_controller.rb"]])(
    "%s: lists %s under Controllers and API handlers, not under Views and templates",
    async (id, controller) => {
      const app = apps.find(([appId]) => appId === id)!;
      const found = await survey(app[1], app[2].task);
      const markdown = offlinePlan(found, { planPath: "migration-plans/plan.md", now: new Date("2026-11-28T12:00:00Z") });
      const current = markdown.slice(markdown.indexOf("## Current State"), markdown.indexOf("## Target State"));
      const section = current.slice(current.indexOf("**Controllers and API handlers:**"));
      expect(current).toContain("**Controllers and API handlers:**");
      expect(section.slice(0, section.indexOf("\n\n"))).toContain(controller);
    },
  );
});

/** A column each app declares nullable, and what its NOT NULL migration must contain on that app's database. */
const NULLABLE = [
  ["rails", "make users.last_sign_in_at not null", "ADD CONSTRAINT users_last_sign_in_at_not_null CHECK (last_sign_in_at IS NOT NULL) NOT VALID;"],
  ["laravel", "make users.remember_token not null", "MODIFY remember_token"],
  ["drizzle", "make users.name not null", "name text NOT NULL"],
] as const;

describe("NOT NULL on a nullable column of a fixture app (real survey)", () => {
  it.each(NULLABLE)("%s: %s proposes the migrations, passing the plan checks and its own safety check", async (id, text, statement) => {
    const root = join(FIXTURE_APPS_DIR, id);
    const found = await survey(root, text);
    const markdown = offlinePlan(found, { planPath: "migration-plans/plan.md", now: new Date("2026-11-28T12:00:00Z") });
    const { errors, plan } = await checkPlan(markdown, root);
    expect(errors).toEqual([]);
    expect(checkPlanSafety(plan!, found)).toEqual([]);
    const steps = markdown.slice(markdown.indexOf("## Steps"), markdown.indexOf("## Rollback"));
    expect(markdown).not.toContain("which the repo says it already is");
    expect(steps).toContain("(new):");
    expect(steps).toContain(statement);
  });
});
