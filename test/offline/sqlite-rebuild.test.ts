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

describe("a rename on SQLite, rebuild after rebuild", () => {
  it("keeps the column and the index the plan added, and drops the old column by a rebuild", async () => {
    const markdown = await planFor("rename users.email to users.email_address");
    const inserts = [...markdown.matchAll(/INSERT INTO users_new[^;]*;/g)].map((m) => m[0]);
    expect(inserts.at(-1)).toBe("INSERT INTO users_new (id, name, created_at, email_address) SELECT id, name, created_at, email_address FROM users;");
    const rebuilds = markdown.split(/\n\d+\. \*\*/).filter((step) => step.startsWith("Rebuild `users`"));
    expect(rebuilds.length).toBeGreaterThanOrEqual(2);
    for (const rebuild of rebuilds) expect(rebuild).toContain("CREATE UNIQUE INDEX index_users_on_email_address_unique ON users (email_address);");
    expect(markdown).not.toContain("ALTER TABLE users DROP COLUMN email;");
  });
});
