/**
 * The offline plan of every fixture app × operation, pinned as snapshots: a change to how the planner reads
 * or writes shows up here as a diff that someone reviews (a fix, or a regression to mend).
 */
import { describe, expect, it } from "vitest";
import { offlinePlan } from "../../src/offline/plan.js";
import { survey } from "../../src/survey/index.js";
import { fixtureApps } from "../helpers/survey-fixtures.js";

const TASKS = [
  "rename users.email to users.email_address",
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
  "backfill users.email with 'none'",
];
const NOW = new Date("2026-11-28T12:00:00Z");

describe("offline plans of every fixture app × operation", () => {
  for (const app of fixtureApps()) {
    it.each(TASKS)(`${app.id}: %s`, async (task) => {
      const found = await survey(app.root, task, { now: NOW });
      expect(offlinePlan(found, { planPath: "migration-plans/plan.md", now: NOW })).toMatchSnapshot();
    });
  }
});
