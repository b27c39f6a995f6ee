import { describe, expect, it } from "vitest";
import type { DatabaseEngine, IndexInfo } from "../../src/survey/types.js";
import { framework, offlinePlanFor, planSection, task } from "../helpers/survey-builder.js";

const at = { path: "db/schema.rb", line: 16 };
const index = (name: string, columns: string[], unique: boolean): IndexInfo => ({ name, columns, unique, where: at });

describe("a new index never takes the name of an index the survey found", () => {
  it.each(["postgres", "mysql", "sqlite"] as DatabaseEngine[])("on %s: picks a free name and drops no index it did not build", async (engine) => {
    // index_users_on_email is taken by an index on other columns.
    const { markdown, errors, safety } = await offlinePlanFor({ engine, task: task("add_index"), column: { indexes: [index("index_users_on_email", ["email", "display_name"], false)] } });
    expect(errors).toEqual([]);
    expect(safety).toEqual([]);
    const steps = planSection(markdown, "Steps");
    expect(steps).toMatch(/CREATE INDEX (CONCURRENTLY )?index_users_on_email_2 ON users \(email\);|ADD INDEX index_users_on_email_2 \(email\)/);
    expect(steps).not.toMatch(/DROP INDEX (CONCURRENTLY )?(IF EXISTS )?index_users_on_email;|DROP INDEX index_users_on_email,/);
    expect(steps).not.toContain("IF NOT EXISTS");
  });

  it("names the unique index of add_unique freely too, and attaches that one as the constraint", async () => {
    const { markdown, errors } = await offlinePlanFor({ task: task("add_unique"), column: { indexes: [index("index_users_on_email_unique", ["display_name"], true)] } });
    expect(errors).toEqual([]);
    expect(planSection(markdown, "Steps")).toContain("CREATE UNIQUE INDEX CONCURRENTLY index_users_on_email_unique_2 ON users (email);");
    expect(planSection(markdown, "Steps")).toContain("UNIQUE USING INDEX index_users_on_email_unique_2;");
  });
});

describe("nothing to do when an equivalent index exists", () => {
  it.each([
    ["add_index", index("index_users_on_email", ["email"], false)],
    ["add_index", index("users_email_key", ["email"], true)],
    ["add_unique", index("users_email_key", ["email"], true)],
  ] as const)("%s with %s present proposes no migration and says how to confirm it", async (operation, existing) => {
    const { markdown, errors } = await offlinePlanFor({ task: task(operation), column: { indexes: [existing] } });
    expect(errors).toEqual([]);
    expect(markdown).not.toContain("(new):");
    expect(planSection(markdown, "Target State")).toContain(`\`${existing.name}\``);
    expect(planSection(markdown, "Target State")).toContain("Nothing to do.");
    expect(planSection(markdown, "Validation")).toContain(`indexname = '${existing.name}'`);
  });

  it("still builds a unique index when only a plain index covers the column", async () => {
    const { markdown } = await offlinePlanFor({ task: task("add_unique"), column: { indexes: [index("index_users_on_email", ["email"], false)] } });
    expect(planSection(markdown, "Steps")).toContain("CREATE UNIQUE INDEX CONCURRENTLY index_users_on_email_unique ON users (email);");
  });
});

describe("the UNIQUE constraint's rollback", () => {
  it("says the constraint's drop takes the index with it, and does not rebuild it inside a transaction", async () => {
    const { markdown } = await offlinePlanFor({ task: task("add_unique"), column: { indexes: [] } });
    const steps = planSection(markdown, "Steps");
    const attach = steps.slice(steps.indexOf("Attach the index as a UNIQUE constraint"));
    expect(attach).not.toMatch(/CREATE UNIQUE INDEX index_users_on_email_unique/);
    expect(planSection(markdown, "Rollback")).toContain("Postgres drops its index with it");
    expect(markdown).not.toContain("keeps the index");
  });
});

describe("index names in the framework's convention", () => {
  it("names a Prisma index as Prisma would and says what to declare in schema.prisma", async () => {
    const prisma = framework("prisma", { schemaFiles: ["prisma/schema.prisma"] });
    const { markdown, errors } = await offlinePlanFor({ framework: prisma, task: task("add_index"), column: { indexes: [] } });
    expect(errors).toEqual([]);
    const steps = planSection(markdown, "Steps");
    expect(steps).toContain("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);");
    expect(steps).toContain('`@@index([email], map: "users_email_idx")`');
    expect(steps).toContain("`prisma/schema.prisma`");
  });

  it("keeps the Rails convention for Rails", async () => {
    const { markdown } = await offlinePlanFor({ task: task("add_index"), column: { indexes: [] } });
    expect(planSection(markdown, "Steps")).toContain("CREATE INDEX CONCURRENTLY index_users_on_email ON users (email);");
    expect(markdown).not.toContain("@@index");
  });
});
