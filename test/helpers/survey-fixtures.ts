import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The ground truth of a fixture app (test/fixtures/README.md); paths are relative to the app folder. */
export interface FixtureExpected {
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

export interface FixtureApp {
  id: string;
  root: string;
  expected: FixtureExpected;
}

const FIXTURES = join(import.meta.dirname, "../fixtures");
export const FIXTURE_APPS_DIR = join(FIXTURES, "apps");
export const EXAMPLE_ROOT = join(import.meta.dirname, "../../examples/shop-rails");

function load(id: string): FixtureExpected {
  return JSON.parse(readFileSync(join(FIXTURES, "expected", `${id}.json`), "utf8")) as FixtureExpected;
}

/** Every fixture app with its ground truth, kept outside the app in test/fixtures/expected/<id>.json. */
export function fixtureApps(): FixtureApp[] {
  const apps = readdirSync(FIXTURE_APPS_DIR).sort().map((id) => ({ id, root: join(FIXTURE_APPS_DIR, id), expected: load(id) }));
  if (existsSync(EXAMPLE_ROOT)) apps.push({ id: "shop-rails", root: EXAMPLE_ROOT, expected: load("shop-rails") });
  return apps;
}
