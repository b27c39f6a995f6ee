import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { offlinePlan } from "../../src/offline/plan.js";
import { checkPlan } from "../../src/plan/check.js";
import { checkPlanSafety } from "../../src/rules/check.js";
import { survey } from "../../src/survey/index.js";

interface Expected {
  framework: string;
  database: { engine: string; version: string | null };
  task: string;
  definitions: string[];
  migrationsDir: string;
  latestMigration: string;
  references: string[];
  tests: string[];
  sameName: string[];
}

const APPS_DIR = join(import.meta.dirname, "../fixtures/apps");
const apps: [string, string, string][] = [
  ...readdirSync(APPS_DIR).filter((id) => existsSync(join(APPS_DIR, id, "expected.json")))
    .map((id) => [id, join(APPS_DIR, id), join(APPS_DIR, id, "expected.json")] as [string, string, string]),
  ["shop-rails", join(import.meta.dirname, "../../examples/shop-rails"), join(import.meta.dirname, "../fixtures/examples/shop-rails.expected.json")],
];

const ENGINE_WORDS: Record<string, string> = { postgres: "PostgreSQL", mysql: "MySQL", mariadb: "MariaDB", sqlite: "SQLite" };

describe("the offline plan on every fixture app (real survey)", () => {
  it.each(apps)("%s: passes the plan checks and cites what the app holds", async (_id, root, expectedPath) => {
    const expected = JSON.parse(readFileSync(expectedPath, "utf8")) as Expected;
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
    const root = join(APPS_DIR, id);
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
