import { describe, expect, it } from "vitest";
import { offlinePlan } from "../../src/offline/plan.js";
import { survey } from "../../src/survey/index.js";
import { FIXTURE_APPS_DIR } from "../helpers/survey-fixtures.js";
import { join } from "node:path";

const NOW = new Date("2026-11-28T12:00:00Z");
const DRIZZLE = join(FIXTURE_APPS_DIR, "drizzle");

async function planFor(task: string): Promise<string> {
  return offlinePlan(await survey(DRIZZLE, task), { planPath: "migration-plans/plan.md", now: NOW });
}

describe("the SQLite rebuild on the Drizzle app copies the rows by database column names", () => {
  it("a type change copies every column of users, those the repo does not show included", async () => {
    const markdown = await planFor("change users.email to text");
    expect(markdown).toContain("INSERT INTO users_new SELECT * FROM users;");
    expect(markdown).toContain("CREATE TABLE users_new (id, email, name, created_at -- with their current definitions");
  });

  it("a drop copies every column but the dropped one, and does not rebuild its index", async () => {
    const markdown = await planFor("drop users.email");
    expect(markdown).toContain("INSERT INTO users_new (id, name, created_at) SELECT id, name, created_at FROM users;");
    expect(markdown).toContain("compare it with `PRAGMA table_info(users);` before running");
    expect(markdown).not.toMatch(/CREATE UNIQUE INDEX \w+ ON users \(email\)/);
  });
});
