import { describe, expect, it } from "vitest";
import { needsQuotes } from "../../src/offline/identifiers.js";
import { offlinePlan } from "../../src/offline/plan.js";
import { sqlLiteral, sqlType } from "../../src/offline/sql.js";
import { offlinePlanFor, planSection, task } from "../helpers/survey-builder.js";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

describe("which names the SQL quotes", () => {
  it.each([
    ["email", "postgres", false], ["created_at", "postgres", false], ["createdAt", "postgres", true], ["User", "postgres", true],
    ["createdAt", "mysql", false], ["createdAt", "sqlite", false], ["order", "mysql", true], ["user", "postgres", true],
    ["key", "mysql", true], ["rank", "sqlite", true], ["first name", "sqlite", true], ["2fa", "postgres", true],
  ] as const)("%s on %s: %s", (name, dialect, quoted) => {
    expect(needsQuotes(name, dialect)).toBe(quoted);
  });
});

describe("defaults as SQL", () => {
  it.each([
    ['""', "''"], ['"active"', "'active'"], ['"it\'s"', "'it''s'"], ["'x'", "'x'"], ["0", "0"], ["-1.5", "-1.5"],
    ["True", "TRUE"], ["false", "FALSE"], ["nil", "NULL"], ["None", "NULL"], ["now()", "now()"], [":pending", "'pending'"],
    ["-> { \"now()\" }", null], ["uuid()", null], ["Sequelize.NOW", null], ["autoincrement()", null],
  ])("%s → %s", (code, sql) => {
    expect(sqlLiteral(code)).toBe(sql);
  });
});

describe("offline SQL quotes what the database would otherwise fold or refuse", () => {
  it("quotes a camelCase column in every statement on Postgres, and not in prose", async () => {
    const { markdown, errors, safety } = await offlinePlanFor({
      task: task("add_not_null", { column: "createdAt", columns: ["createdAt"], text: "make users.createdAt NOT NULL", default: "now()" }),
      column: { column: "createdAt", nullable: true, indexes: [] },
    });
    expect(errors).toEqual([]);
    expect(safety).toEqual([]);
    const steps = planSection(markdown, "Steps");
    expect(steps).toContain('CHECK ("createdAt" IS NOT NULL) NOT VALID');
    expect(steps).toContain('ALTER TABLE users ALTER COLUMN "createdAt" SET NOT NULL;');
    expect(steps).toContain('SET "createdAt" = now()');
    expect(steps).not.toMatch(/[^"]createdAt IS NULL/);
    expect(planSection(markdown, "Validation")).toContain('WHERE "createdAt" IS NULL');
    expect(steps).toContain("Make the code always write `createdAt`");
  });

  it("quotes a reserved table name on MySQL with backticks", async () => {
    const { markdown } = await offlinePlanFor({ engine: "mysql", version: "8.0", task: task("add_index", { table: "order", text: "add an index on order.email" }), column: { indexes: [] } });
    expect(planSection(markdown, "Steps")).toContain("ALTER TABLE `order` ADD INDEX");
  });

  it("restates a code default as a SQL literal when MySQL's MODIFY must keep it", async () => {
    const { markdown } = await offlinePlanFor({ engine: "mysql", version: "8.0", task: task("add_not_null"), column: { nullable: true, default: '""' } });
    expect(planSection(markdown, "Steps")).toContain("DEFAULT '' NOT NULL");
    expect(planSection(markdown, "Steps")).not.toContain('DEFAULT ""');
  });
});

describe("a Prisma model on Postgres", () => {
  const surveyOf = surveyTempRepos();

  it("plans on the table \"User\" with its columns quoted", async () => {
    const files = {
      "package.json": '{ "dependencies": { "@prisma/client": "^5.0.0" }, "devDependencies": { "prisma": "^5.0.0" } }\n',
      "prisma/schema.prisma": 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\nmodel User {\n  id        Int       @id @default(autoincrement())\n  createdAt DateTime?\n}\n',
      "prisma/migrations/20240101000000_init/migration.sql": 'CREATE TABLE "User" (\n    "id" SERIAL NOT NULL,\n    "createdAt" TIMESTAMP(3),\n    CONSTRAINT "User_pkey" PRIMARY KEY ("id")\n);\n',
      "src/user.ts": "export const stamp = (u: { createdAt: Date }) => u.createdAt.toISOString();\n",
    };
    const found = await surveyOf(files, "make User.createdAt NOT NULL");
    const markdown = offlinePlan(found, { planPath: "migration-plans/plan.md", now: new Date("2026-11-28T12:00:00Z") });
    const steps = planSection(markdown, "Steps");
    expect(steps).toContain('ALTER TABLE "User" ALTER COLUMN "createdAt" SET NOT NULL;');
    expect(steps).not.toMatch(/TABLE User\b/);
    const index = planSection(offlinePlan(await surveyOf(files, "add an index on User.createdAt"), { planPath: "migration-plans/plan.md", now: new Date("2026-11-28T12:00:00Z") }), "Steps");
    // Prisma's own name for the index, kept in its case, as the schema's @@index will name it.
    expect(index).toContain('CREATE INDEX CONCURRENTLY "User_createdAt_idx" ON "User" ("createdAt");');
  });
});

describe("SQL types from the code's", () => {
  it.each([
    ["String(64)", "mysql", "varchar(64)"], ["sa.String(length=64)", "postgres", "varchar(64)"], ["string", "mysql", "varchar(255)"],
    ["String(64)", "sqlite", "text"], ["integer", "postgres", "integer"], ["VARCHAR(80)", "postgres", "VARCHAR(80)"],
  ] as const)("%s on %s is %s", (type, dialect, sql) => {
    expect(sqlType(type, dialect)).toBe(sql);
  });
});

describe("SQL each database accepts", () => {
  it("MySQL: a TEXT column's default is an expression", async () => {
    const { markdown } = await offlinePlanFor({ engine: "mysql", version: "8.0", task: task("add_column", { column: "nickname", columns: ["nickname"], newType: "text", default: "''" }) });
    expect(planSection(markdown, "Steps")).toContain("ADD COLUMN nickname text DEFAULT ('')");
    const { markdown: maria } = await offlinePlanFor({ engine: "mariadb", version: "11", task: task("add_column", { column: "nickname", columns: ["nickname"], newType: "text", default: "''" }) });
    expect(planSection(maria, "Steps")).toContain("ADD COLUMN nickname text DEFAULT ''");
  });

  it("MySQL: a conversion check casts to SIGNED, not to the column type", async () => {
    const { markdown } = await offlinePlanFor({ engine: "mysql", version: "8.0", task: task("change_type", { newType: "bigint" }), column: { type: "integer" } });
    expect(planSection(markdown, "Validation")).toContain("CAST(email AS SIGNED)");
  });

  it("Postgres: timestamp to timestamptz reads the old values as UTC, not in the session's zone", async () => {
    const { markdown } = await offlinePlanFor({ task: task("change_type", { newType: "timestamptz" }), column: { type: "datetime" } });
    expect(planSection(markdown, "Steps")).toContain("email AT TIME ZONE 'UTC'");
    expect(planSection(markdown, "Steps")).not.toContain("CAST(email AS timestamptz)");
  });
});

describe("what the old column had, the new one keeps", () => {
  it("a type change gives the new column the old default and makes its foreign key again before the drop", async () => {
    const fk = { column: "email", toTable: "accounts", toColumn: "id", where: { path: "db/schema.rb", line: 20 } };
    const { markdown, errors } = await offlinePlanFor({ task: task("change_type", { newType: "bigint" }), column: { type: "integer", default: "0", foreignKeys: [fk] } });
    expect(errors).toEqual([]);
    const steps = planSection(markdown, "Steps");
    expect(steps).toContain("ALTER TABLE users ALTER COLUMN email_bigint SET DEFAULT 0;");
    expect(steps).toContain("ALTER TABLE users ADD CONSTRAINT fk_users_email_bigint FOREIGN KEY (email_bigint) REFERENCES accounts (id) NOT VALID;");
    expect(steps.indexOf("fk_users_email_bigint")).toBeLessThan(steps.indexOf("DROP COLUMN email;"));
  });

  it("a new foreign key says what its ON DELETE does, since the task does not", async () => {
    const { markdown } = await offlinePlanFor({ task: task("add_foreign_key", { references: { table: "accounts", column: "id" } }) });
    expect(planSection(markdown, "Risks")).toContain("the constraint takes the default (NO ACTION), so such deletes fail");
  });

  it("a foreign key the repo already declares is not added again", async () => {
    const fk = { column: "email", toTable: "accounts", toColumn: "id", where: { path: "db/schema.rb", line: 20 } };
    const { markdown, errors } = await offlinePlanFor({ task: task("add_foreign_key", { references: { table: "accounts", column: "id" } }), column: { foreignKeys: [fk] } });
    expect(errors).toEqual([]);
    expect(planSection(markdown, "Target State")).toContain("which the repo says it already does (`db/schema.rb:20`)");
    expect(planSection(markdown, "Steps")).not.toContain("ADD CONSTRAINT");
  });
});

describe("an index with a method, operator class or condition", () => {
  it("is built again with them on the new column, and restored with them on rollback", async () => {
    const index = {
      name: "index_users_on_email_trgm", columns: ["email"], unique: false,
      where: { path: "db/schema.rb", line: 16, text: 't.index ["email"], name: "index_users_on_email_trgm", opclass: :gin_trgm_ops, using: :gin, where: "(email IS NOT NULL)"' },
    };
    const { markdown, errors } = await offlinePlanFor({ task: task("rename_column", { newName: "email_address" }), column: { indexes: [index] } });
    expect(errors).toEqual([]);
    const steps = planSection(markdown, "Steps");
    expect(steps).toContain("ON users USING gin (email_address gin_trgm_ops) WHERE (email_address IS NOT NULL);");
    expect(steps).toContain("CREATE INDEX CONCURRENTLY index_users_on_email_trgm ON users USING gin (email gin_trgm_ops) WHERE (email IS NOT NULL);");
  });

  it("reads the shape off SQL too", async () => {
    const { indexShape } = await import("../../src/offline/index-shape.js");
    const text = "CREATE INDEX index_issues_on_title_trigram ON public.issues USING gin (title gin_trgm_ops) WHERE (title IS NOT NULL);";
    expect(indexShape({ name: "i", columns: ["title"], unique: false, where: { path: "db/structure.sql", line: 1, text } })).toEqual({ using: "gin", opclass: "gin_trgm_ops", where: "(title IS NOT NULL)" });
  });
});
