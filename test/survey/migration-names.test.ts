import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { survey } from "../../src/survey/index.js";
import { nextPrefix } from "../../src/survey/migration-name.js";
import type { Survey } from "../../src/survey/types.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

const NOW = new Date("2026-11-28T12:00:00Z");
const APPS = join(import.meta.dirname, "../fixtures/apps");

describe("the prefix of the next migration follows the latest's style", () => {
  it.each([
    ["20240310120000_create_x.rb", "20261128120000"],
    ["20991231235959_future.rb", "20991231235960"],
    ["2024_03_25_120000_create_x.php", "2026_11_28_120000"],
    ["1710856800000-CreateX.ts", String(NOW.getTime())],
    ["0003_newslettersubscription.py", "0004"],
    ["000009_x.up.sql", "000010"],
    ["003-create-x.yaml", "004"],
  ])("after %s comes %s", (latest, next) => {
    expect(nextPrefix(latest, NOW)).toBe(next);
  });
});

describe("the example path of a new migration for the task, per framework", () => {
  const cases: [string, RegExp][] = [
    ["rails", /^db\/migrate\/20261128120000_rename_users_email_to_email_address\.rb$/],
    ["django", /^core\/migrations\/0004_rename_users_email_to_email_address\.py$/],
    ["prisma", /^prisma\/migrations\/20261128120000_rename_users_email_to_email_address\/migration\.sql$/],
    ["drizzle", /^drizzle\/0003_rename_users_email_to_email_address\.sql$/],
    ["laravel", /^database\/migrations\/2026_11_28_120000_rename_users_email_to_email_address\.php$/],
    ["golang-migrate", /^db\/migrations\/000004_rename_users_email_to_email_address\.up\.sql$/],
    ["flyway", /^src\/main\/resources\/db\/migration\/V3__rename_users_email_to_email_address\.sql$/],
    ["typeorm", /^src\/migrations\/\d{13}-RenameUsersEmailToEmailAddress\.ts$/],
    ["sequelize", /^migrations\/20261128120000-rename-users-email-to-email-address\.js$/],
  ];
  it.each(cases)("%s", async (id, pattern) => {
    const result = await survey(join(APPS, id), "rename users.email to users.email_address", { now: NOW });
    expect(result.frameworks.find((f) => f.id === id)?.newMigration.example).toMatch(pattern);
  });
});

describe("a table-level task", () => {
  let repo: TempRepo;
  let result: Survey;
  beforeAll(async () => {
    repo = await makeTempRepo({}, { copy: { ".": join(APPS, "rails") } });
    result = await survey(repo.root, "drop the newsletter_subscriptions table");
  });
  afterAll(() => repo.cleanup());

  it("lists the table's model, history and references without a column", () => {
    expect(result.task.operation).toBe("drop_table");
    expect(result.column).toBeNull();
    expect(result.table?.models.map((m) => m.name)).toEqual(["NewsletterSubscription"]);
    expect(result.history.map((h) => h.path)).toEqual(["db/migrate/20240310120000_create_newsletter_subscriptions.rb"]);
    expect(result.references.code.map((r) => r.path)).toContain("app/models/newsletter_subscription.rb");
    expect(result.references.code.map((r) => r.path)).not.toContain("app/models/user.rb");
  });
});
