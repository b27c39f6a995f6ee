import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultPlanPath, slugify } from "../../src/plan/path.js";

describe("slugify", () => {
  it("turns the cli.md example into its slug", () => {
    expect(slugify("rename users.email to users.email_address")).toBe("rename-users-email-to-users-email-address");
  });

  it("lower-cases and collapses runs of other characters, trimming the ends", () => {
    expect(slugify("  Add a NOT NULL `plan` column -- to Accounts!! ")).toBe("add-a-not-null-plan-column-to-accounts");
  });

  it("cuts a long task at a word, within 50 characters", () => {
    const task = "add a not null plan column to accounts and backfill it from the billing table";
    expect(slugify(task)).toBe("add-a-not-null-plan-column-to-accounts-and");
  });

  it("keeps a word that ends exactly at the 50th character", () => {
    const task = `${"a".repeat(45)} bcde fgh`;
    expect(slugify(task)).toBe(`${"a".repeat(45)}-bcde`);
  });

  it("cuts a single word longer than the limit at the limit", () => {
    expect(slugify("x".repeat(80))).toBe("x".repeat(50));
  });

  it("falls back to 'plan' when nothing of a-z0-9 remains", () => {
    expect(slugify("переименовать")).toBe("plan");
  });

  it("always gives 1-50 characters of a-z0-9 and inner single dashes", () => {
    fc.assert(
      fc.property(fc.string(), (task) => {
        const slug = slugify(task);
        expect(slug.length).toBeGreaterThan(0);
        expect(slug.length).toBeLessThanOrEqual(50);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
    );
  });
});

describe("defaultPlanPath", () => {
  let root: string;
  beforeEach(async () => void (root = await mkdtemp(join(tmpdir(), "plan-path-"))));
  afterEach(() => rm(root, { recursive: true, force: true }));
  const now = new Date(2026, 10, 28, 23, 30); // local time: the date is the local one
  const task = "rename users.email to users.email_address";

  it("gives migration-plans/<local date>-<slug>.md relative to the root", async () => {
    expect(await defaultPlanPath(root, task, now)).toBe(
      "migration-plans/2026-11-28-rename-users-email-to-users-email-address.md",
    );
  });

  it("adds -2, then -3, before .md when earlier plans exist", async () => {
    await mkdir(join(root, "migration-plans"));
    const first = await defaultPlanPath(root, task, now);
    await writeFile(join(root, first), "earlier plan");
    const second = await defaultPlanPath(root, task, now);
    expect(second).toBe("migration-plans/2026-11-28-rename-users-email-to-users-email-address-2.md");
    await writeFile(join(root, second), "second plan");
    expect(await defaultPlanPath(root, task, now)).toBe(
      "migration-plans/2026-11-28-rename-users-email-to-users-email-address-3.md",
    );
  });

  it("pads month and day", async () => {
    expect(await defaultPlanPath(root, "x", new Date(2027, 0, 5, 9))).toBe("migration-plans/2027-01-05-x.md");
  });
});
