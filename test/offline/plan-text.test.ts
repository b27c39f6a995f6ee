import { describe, expect, it } from "vitest";
import { framework, offlinePlanFor, planSection, task } from "../helpers/survey-builder.js";

describe("Rollback for forward-only frameworks", () => {
  it.each([
    ["prisma", "npx prisma migrate dev --create-only --name revert_"],
    ["drizzle", "npx drizzle-kit generate --custom --name=revert_"],
  ] as const)("%s: gives the reverse SQL and how to apply it, not a command that 'runs the down part'", async (id, create) => {
    const fw = id === "drizzle" ? { ...framework("prisma"), id: "drizzle" as const, name: "Drizzle" } : framework(id);
    const { markdown, errors } = await offlinePlanFor({ framework: fw, task: task("add_not_null", { default: "'x'" }), column: { nullable: true } });
    expect(errors).toEqual([]);
    const rollback = planSection(markdown, "Rollback");
    expect(rollback).not.toContain("runs the down part");
    expect(rollback).toContain("applies migrations forward only");
    expect(rollback).toContain(create);
    expect(rollback).toContain("`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_not_null;`");
  });

  it("keeps the framework's command for frameworks with a down part", async () => {
    const { markdown } = await offlinePlanFor({ task: task("add_not_null", { default: "'x'" }), column: { nullable: true } });
    expect(planSection(markdown, "Rollback")).toContain("`bin/rails db:rollback STEP=1` runs the down part of");
  });
});

describe("Point of no return", () => {
  it("does not call the steps before an irreversible first step undoable", async () => {
    const { markdown } = await offlinePlanFor({ task: task("add_unique"), column: { indexes: [] } });
    const rollback = planSection(markdown, "Rollback");
    expect(rollback).toContain("Point of no return: step 1:");
    expect(rollback).not.toContain("every step before it");
    expect(rollback).toContain("the steps after it can be undone as above");
  });
});

describe("Risks", () => {
  it("claims a lock timeout only when the plan's migrations set one, and Postgres sets it LOCAL inside a transaction", async () => {
    const index = await offlinePlanFor({ task: task("add_index"), column: { indexes: [] } });
    expect(planSection(index.markdown, "Risks")).not.toContain("the migrations above set");
    const notNull = await offlinePlanFor({ task: task("add_not_null", { default: "'x'" }), column: { nullable: true } });
    expect(planSection(notNull.markdown, "Risks")).toContain("the migrations above set a 5s lock timeout");
    expect(planSection(notNull.markdown, "Steps")).toContain("SET LOCAL lock_timeout = '5s';");
    const none = await offlinePlanFor({ task: task("add_not_null", { default: "'x'" }) });
    expect(planSection(none.markdown, "Risks")).not.toContain("Lock queue");
  });

  it("says once that other services may share the database when the survey already notes it", async () => {
    const { survey } = await offlinePlanFor({ task: task("drop_column") });
    expect(survey.notes).toEqual([]);
    const noted = await offlinePlanFor({ task: task("drop_column"), notes: ["Table sizes, traffic and other services or repos that share this database cannot be seen from the repo."] });
    expect(planSection(noted.markdown, "Risks")).not.toContain("**Other services may share this database**");
    expect(planSection(noted.markdown, "Risks")).toContain("share this database cannot be seen");
    const unnoted = await offlinePlanFor({ task: task("drop_column") });
    expect(planSection(unnoted.markdown, "Risks")).toContain("**Other services may share this database**");
  });
});

describe("Validation", () => {
  it("ends a check with one full stop", async () => {
    const { markdown } = await offlinePlanFor({ task: task("unknown", { text: "make it faster", unparsed: "make it faster" }) });
    expect(markdown).not.toContain("..");
  });
});

describe("Rails upgrade route", () => {
  it("goes through every release in between and names the Ruby the target needs", async () => {
    const { markdown, errors } = await offlinePlanFor({ task: task("upgrade", { table: null, column: null, columns: [], upgrade: { target: "rails", from: "7.1", to: "8.0" } }) });
    expect(errors).toEqual([]);
    const steps = planSection(markdown, "Steps");
    expect(steps).toContain("go through Rails 7.2 first");
    expect(steps).toContain("Rails 8.0 needs Ruby 3.2.0 or newer");
  });

  it("adds no detour between consecutive releases", async () => {
    const { markdown } = await offlinePlanFor({ task: task("upgrade", { table: null, column: null, columns: [], upgrade: { target: "rails", from: "7.2", to: "8.0" } }) });
    expect(planSection(markdown, "Steps")).not.toContain("go through");
  });
});

describe("Risks of a plain index", () => {
  it("leaves out rule 16 (each index build stands alone) and rule 37 on a Postgres past 14", async () => {
    const { markdown } = await offlinePlanFor({ version: "16", task: task("add_index"), column: { indexes: [] } });
    expect(planSection(markdown, "Risks")).not.toContain("**Rule 16,");
    expect(planSection(markdown, "Risks")).not.toContain("**Rule 37,");
  });

  it("keeps rule 37 on Postgres 14, whose first minors corrupt concurrent index builds", async () => {
    const { markdown } = await offlinePlanFor({ version: "14", task: task("add_index"), column: { indexes: [] } });
    expect(planSection(markdown, "Risks")).toContain("**Rule 37,");
  });
});
