import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { survey } from "../../src/survey/index.js";
import type { Survey } from "../../src/survey/types.js";

interface Expected {
  framework: string;
  database: { engine: string; version: string | null };
  task: string;
  table: string;
  column: string;
  definitions: string[];
  migrationsDir: string;
  latestMigration: string;
  history: string[];
  references: string[];
  tests: string[];
  sameName: string[];
}

const APPS_DIR = join(import.meta.dirname, "../fixtures/apps");
const apps: [string, string, string][] = readdirSync(APPS_DIR)
  .filter((id) => existsSync(join(APPS_DIR, id, "expected.json")))
  .map((id) => [id, join(APPS_DIR, id), join(APPS_DIR, id, "expected.json")]);
const example = join(import.meta.dirname, "../../examples/shop-rails");
const exampleExpected = join(import.meta.dirname, "../fixtures/examples/shop-rails.expected.json");
if (existsSync(example) && existsSync(exampleExpected)) apps.push(["examples/shop-rails", example, exampleExpected]);

const paths = (cites: { path: string }[]) => [...new Set(cites.map((c) => c.path))];

describe.each(apps)("the survey of the %s app", (_id, dir, expectedFile) => {
  const expected = JSON.parse(readFileSync(expectedFile, "utf8")) as Expected;
  let result: Survey;
  beforeAll(async () => {
    result = await survey(dir, expected.task);
  });

  it("parses the task to the app's table and column", () => {
    expect(result.task.table).toBe(expected.table);
    expect(result.task.column).toBe(expected.column);
  });

  it("detects the framework, and no other", () => {
    expect(result.frameworks.map((f) => f.id)).toEqual([expected.framework]);
  });

  it("reads the database engine and version from the config", () => {
    expect({ engine: result.database.engine, version: result.database.version }).toEqual(expected.database);
  });

  it("finds the migrations folder and the latest migration", () => {
    const framework = result.frameworks.find((f) => f.id === expected.framework)!;
    expect(framework.migrationsDirs).toContain(expected.migrationsDir);
    expect(framework.latestMigration).toBe(expected.latestMigration);
    expect(framework.newMigration.example.startsWith(expected.migrationsDir + "/")).toBe(true);
  });

  it("cites where the column is declared", () => {
    const declared = paths(result.column?.declarations ?? []);
    for (const file of expected.definitions) expect(declared).toContain(file);
    for (const cite of result.column?.declarations ?? []) expect(cite.line).toBeGreaterThan(0);
  });

  it("lists the migrations that created or changed the column, oldest first", () => {
    expect(paths(result.history)).toEqual(expected.history);
  });

  it("finds every reference in code, with tests apart", () => {
    const code = paths(result.references.code);
    const tests = paths(result.references.tests);
    for (const file of expected.references) expect(code).toContain(file);
    for (const file of expected.tests) expect(tests).toContain(file);
    for (const file of expected.tests) expect(code).not.toContain(file);
  });

  it("keeps uses of the same name on another table apart from the references", () => {
    const code = paths(result.references.code);
    const apart = paths(result.references.sameNameOrUnclear);
    for (const file of expected.sameName) {
      expect(code).not.toContain(file);
      expect(apart).toContain(file);
    }
  });
});
