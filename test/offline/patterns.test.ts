import { describe, expect, it } from "vitest";
import { offlinePlan } from "../../src/offline/plan.js";
import { checkPlan } from "../../src/plan/check.js";
import { parsePlan } from "../../src/plan/parse.js";
import type { DatabaseEngine, Operation, ParsedTask } from "../../src/survey/types.js";
import { buildSurvey, framework, repoForSurvey, task, type SurveyOptions } from "../helpers/survey-builder.js";

const NOW = new Date("2026-11-28T12:00:00Z");
const ENGINES: DatabaseEngine[] = ["postgres", "mysql", "sqlite", "unknown"];

/** Each operation with the task details a person would give for it. */
const OPERATIONS: [Operation, Partial<ParsedTask>][] = [
  ["rename_column", { newName: "email_address" }],
  ["drop_column", {}],
  ["add_column", { column: "nickname", columns: ["nickname"], newType: "text" }],
  ["change_type", { newType: "bigint" }],
  ["add_index", {}],
  ["add_not_null", { default: "'unknown@example.com'" }],
  ["add_unique", {}],
  ["add_foreign_key", { column: "org_id", columns: ["org_id"], references: { table: "orgs", column: "id" } }],
  ["add_check", { text: "add check constraint users.email <> ''" }],
  ["rename_table", { column: null, columns: [], newName: "accounts" }],
  ["drop_table", { column: null, columns: [] }],
  ["split_table", { columns: ["email"], otherTable: "user_contacts" }],
  ["merge_tables", { columns: ["email"], otherTable: "profiles" }],
  ["backfill", { default: "'none'" }],
  ["upgrade", { table: null, column: null, columns: [], upgrade: { target: "rails", from: "7.1", to: "8.0" } }],
];

/** The facts of a column the task names other than users.email, so its plan is a real one, not "column not found". */
const COLUMN_FACTS: Partial<Record<Operation, SurveyOptions["column"]>> = {
  add_foreign_key: { column: "org_id", type: "bigint", nullable: true, indexes: [] },
};

async function planFor(options: SurveyOptions) {
  const survey = buildSurvey(options);
  const markdown = offlinePlan(survey, { planPath: "migration-plans/plan.md", now: NOW });
  const repo = await repoForSurvey(survey);
  try {
    const { errors } = await checkPlan(markdown, repo.root);
    return { survey, markdown, errors, parsed: parsePlan(markdown) };
  } finally {
    await repo.cleanup();
  }
}

const section = (markdown: string, name: string) => markdown.split(`## ${name}\n`)[1]!.split(/\n## /)[0]!;

describe("offline plan: every operation on every database passes the plan checks", () => {
  for (const [operation, details] of OPERATIONS) {
    for (const engine of ENGINES) {
      it(`${operation} on ${engine}`, async () => {
        const { markdown, errors, parsed } = await planFor({ engine, task: task(operation, details), column: COLUMN_FACTS[operation] });
        expect(errors).toEqual([]);
        expect(markdown.startsWith(`# Migration Plan: ${details.text ?? `${operation.replace(/_/g, " ")} users.email`}\n`)).toBe(true);
        expect(parsed.steps.length).toBeGreaterThan(0);
        expect(parsed.rollback.map((r) => r.n).sort()).toEqual(parsed.steps.map((s) => s.n).sort());
        expect(markdown).not.toMatch(/<[a-z ]+>|TODO|\.\.\.\s*\)/i);
      });
    }
  }
});

describe("offline plan: the safe pattern per database", () => {
  it("builds a Postgres index CONCURRENTLY, alone in a migration with the framework's no-transaction switch", async () => {
    const { markdown } = await planFor({ task: task("add_index"), column: { indexes: [] } });
    const steps = section(markdown, "Steps");
    expect(steps).toContain("CREATE INDEX CONCURRENTLY index_users_on_email ON users (email);");
    expect(steps).toContain("disable_ddl_transaction!");
    expect(section(markdown, "Validation")).toContain("indisvalid");
  });

  it.each([
    ["django", "atomic = False"],
    ["alembic", "autocommit_block()"],
    ["knex", "exports.config = { transaction: false }"],
    ["goose", "-- +goose NO TRANSACTION"],
    ["flyway", "executeInTransaction=false"],
    ["laravel", "$withinTransaction = false"],
  ] as const)("writes the %s no-transaction switch around a concurrent index", async (id, optOut) => {
    const { markdown, errors } = await planFor({ task: task("add_index"), framework: framework(id), column: { indexes: [] } });
    expect(errors).toEqual([]);
    expect(section(markdown, "Steps")).toContain(optOut);
    expect(section(markdown, "Steps")).toContain("CONCURRENTLY");
  });

  it("uses ALGORITHM=INPLACE, LOCK=NONE for a MySQL index and gh-ost for a MySQL type change", async () => {
    const index = await planFor({ engine: "mysql", version: "8.0", task: task("add_index"), column: { indexes: [] } });
    expect(section(index.markdown, "Steps")).toContain("ALTER TABLE users ADD INDEX index_users_on_email (email), ALGORITHM=INPLACE, LOCK=NONE;");
    expect(index.markdown).not.toContain("CONCURRENTLY");
    const type = await planFor({ engine: "mysql", version: "8.0", task: task("change_type", { newType: "text" }) });
    // users.email is NOT NULL: MODIFY must restate it, or the type change would make it nullable.
    expect(section(type.markdown, "Steps")).toMatch(/gh-ost .*--alter="MODIFY email text NOT NULL"/);
    expect(section(type.markdown, "Steps")).toContain("ALTER TABLE users MODIFY email text NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;");
    expect(section(type.markdown, "Steps")).toContain("ALGORITHM=INPLACE, LOCK=NONE");
  });

  it("adds a MySQL 8 column with ALGORITHM=INSTANT", async () => {
    const { markdown } = await planFor({ engine: "mysql", version: "8.0", task: task("add_column", { column: "nickname", newType: "text" }) });
    expect(markdown).toContain("ALTER TABLE users ADD COLUMN nickname text, ALGORITHM=INSTANT;");
  });

  it.each(["add_not_null", "change_type", "add_check", "add_foreign_key"] as const)("rebuilds the SQLite table for %s", async (operation) => {
    const details = OPERATIONS.find(([op]) => op === operation)![1];
    const { markdown } = await planFor({ engine: "sqlite", task: task(operation, details), column: { ...COLUMN_FACTS[operation], nullable: true } });
    const steps = section(markdown, "Steps");
    expect(steps).toContain("PRAGMA foreign_keys = OFF;");
    expect(steps).toContain("CREATE TABLE users_new");
    // Every column is copied, including any the repo's files do not show.
    expect(steps).toContain("INSERT INTO users_new SELECT * FROM users;");
    expect(steps).toContain("ALTER TABLE users_new RENAME TO users;");
    expect(steps).toContain("PRAGMA foreign_key_check;");
  });

  it("makes a Postgres column NOT NULL through CHECK NOT VALID, VALIDATE, SET NOT NULL, then drops the check", async () => {
    const { markdown } = await planFor({ task: task("add_not_null", { default: "'x'" }), column: { nullable: true } });
    const steps = section(markdown, "Steps");
    const order = ["CHECK (email IS NOT NULL) NOT VALID", "VALIDATE CONSTRAINT users_email_not_null", "ALTER COLUMN email SET NOT NULL", "DROP CONSTRAINT users_email_not_null;"]
      .map((text) => steps.indexOf(text));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(section(markdown, "Validation")).toContain("SELECT count(*) FROM users WHERE email IS NULL;");
  });

  it("proposes no migration when the repo already declares the column NOT NULL, and says how to confirm it", async () => {
    const { markdown, errors } = await planFor({ task: task("add_not_null", { default: "'x'" }) });
    expect(errors).toEqual([]);
    expect(section(markdown, "Target State")).toContain("already is (`db/schema.rb:12`)");
    expect(markdown).not.toContain("(new):");
    expect(section(markdown, "Validation")).toContain("is_nullable");
  });

  it("keeps the validated check instead of SET NOT NULL before Postgres 12", async () => {
    const { markdown } = await planFor({ version: "11", task: task("add_not_null", { default: "'x'" }), column: { nullable: true } });
    expect(section(markdown, "Steps")).not.toContain("SET NOT NULL;");
    expect(section(markdown, "Steps")).toContain("Keep the validated check");
  });

  it("adds a Postgres foreign key NOT VALID and validates it in a later migration", async () => {
    const { markdown } = await planFor({ task: task("add_foreign_key", { column: "org_id", references: { table: "orgs", column: "id" } }), column: { column: "org_id", type: "bigint", nullable: true, indexes: [] } });
    const steps = section(markdown, "Steps");
    expect(steps).toContain("ADD CONSTRAINT fk_users_org_id FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;");
    expect(steps.indexOf("VALIDATE CONSTRAINT fk_users_org_id")).toBeGreaterThan(steps.indexOf("NOT VALID;"));
    expect(steps).toContain("CREATE INDEX CONCURRENTLY index_users_on_org_id");
  });

  it("builds a Postgres unique index concurrently after a duplicate check, then attaches it as a constraint", async () => {
    const { markdown } = await planFor({ task: task("add_unique"), column: { indexes: [] } });
    expect(section(markdown, "Steps")).toContain("CREATE UNIQUE INDEX CONCURRENTLY index_users_on_email_unique ON users (email);");
    expect(section(markdown, "Steps")).toContain("UNIQUE USING INDEX index_users_on_email_unique");
    expect(section(markdown, "Validation")).toContain("GROUP BY email HAVING count(*) > 1");
  });

  it("renames a column over several deploys, dropping the old column last and calling the drop irreversible", async () => {
    const { markdown, parsed } = await planFor({ task: task("rename_column", { newName: "email_address" }) });
    expect(markdown.match(/^### Deploy \d/gm)?.length).toBeGreaterThanOrEqual(3);
    const last = parsed.steps.at(-1)!;
    expect(last.text).toContain("ALTER TABLE users DROP COLUMN email;");
    expect(parsed.rollback.find((r) => r.n === last.n)!.text).toMatch(/irreversible/i);
    expect(section(markdown, "Steps")).toContain("SET email_address = email");
    expect(section(markdown, "Target State")).toContain("alias_attribute :email_address, :email");
    expect(section(markdown, "Validation")).toContain("WHERE email IS NOT NULL AND email_address IS NULL");
  });

  it("renames a table behind an updatable view on Postgres, and says SQLite views cannot take writes", async () => {
    const pg = await planFor({ task: task("rename_table", { column: null, newName: "accounts" }) });
    expect(pg.markdown).toContain("CREATE VIEW users AS SELECT * FROM accounts;");
    const sqlite = await planFor({ engine: "sqlite", task: task("rename_table", { column: null, newName: "accounts" }) });
    expect(sqlite.markdown).not.toContain("CREATE VIEW users");
    expect(sqlite.markdown).toContain("SQLite views are read-only");
  });

  it("says what it does not know when the database engine is unknown", async () => {
    const { markdown } = await planFor({ engine: "unknown", task: task("add_index"), column: { indexes: [] } });
    expect(markdown).toContain("The database engine is unknown");
    expect(section(markdown, "Risks")).toContain("The database engine was not found");
  });

  it("gives an honest plan with no migration for a task it could not parse", async () => {
    const { markdown, errors } = await planFor({ task: task("unknown", { text: "make the thing faster", unparsed: "make the thing faster" }) });
    expect(errors).toEqual([]);
    expect(section(markdown, "Target State")).toContain('Not determined offline');
    expect(section(markdown, "Target State")).toContain('"make the thing faster"');
    expect(markdown).not.toMatch(/\(new\):/);
  });

  it("warns that a table the survey did not find must be checked", async () => {
    const { markdown, errors } = await planFor({ found: false, task: task("drop_column") });
    expect(errors).toEqual([]);
    expect(section(markdown, "Current State")).toContain("not found in the repo");
  });
});

describe("offline plan: the repo's own terms", () => {
  it("cites every reference file, tests apart, the unclear ones apart as check", async () => {
    const { markdown, survey } = await planFor({ task: task("drop_column") });
    const current = section(markdown, "Current State");
    for (const ref of survey.references.code) expect(current).toContain(ref.path);
    expect(current.indexOf("**Tests:**")).toBeLessThan(current.indexOf("spec/models/user_spec.rb"));
    expect(current.indexOf("**Check")).toBeLessThan(current.indexOf("app/models/newsletter_subscription.rb"));
    expect(section(markdown, "Steps")).toContain("`app/serializers/user_serializer.rb:2`");
    expect(section(markdown, "Validation")).toContain("`spec/models/user_spec.rb:5`");
  });

  it("names new migrations by the framework's convention after the latest one, each marked (new)", async () => {
    const rails = await planFor({ task: task("rename_column", { newName: "email_address" }) });
    const railsPaths = [...rails.markdown.matchAll(/`(db\/migrate\/(\d{14})_\w+\.rb)` \(new\)/g)];
    expect(railsPaths.length).toBeGreaterThan(3);
    const stamps = railsPaths.map((m) => m[2]!);
    expect(stamps.every((s) => s > "20240201120000")).toBe(true);
    expect(new Set(stamps).size).toBe(new Set(railsPaths.map((m) => m[1])).size);
    const django = await planFor({ task: task("add_index"), framework: framework("django"), column: { indexes: [] } });
    expect(django.markdown).toContain("`core/migrations/0003_add_index_users_on_email.py` (new)");
    expect(django.markdown).toContain('dependencies = [("core", "0002_alter_user_email")]');
    const flyway = await planFor({ task: task("add_index"), framework: framework("flyway"), column: { indexes: [] } });
    expect(flyway.markdown).toContain("`db/migration/V2__add_index_users_on_email.sql` (new)");
  });

  it("gives plain SQL when no migration framework was found", async () => {
    const { markdown, errors } = await planFor({ framework: null, task: task("add_index"), column: { indexes: [] } });
    expect(errors).toEqual([]);
    expect(markdown).toContain("No migration framework was found");
    expect(markdown).not.toContain("(new):");
  });

  it("never prints credentials from the survey", async () => {
    const survey = buildSurvey({ task: task("add_index"), column: { indexes: [] } });
    survey.notes.push("DATABASE_URL=postgres://admin:hunter2@db.internal/app is set in .env.example");
    survey.column!.declarations[0]!.text = "url: postgres://admin:hunter2@db/app";
    const markdown = offlinePlan(survey, { planPath: "plan.md", now: NOW });
    expect(markdown).toContain("admin:***@");
    expect(markdown).not.toContain("hunter2");
  });

  it("writes an upgrade plan in the framework's own commands", async () => {
    const { markdown } = await planFor({ task: task("upgrade", { table: null, column: null, upgrade: { target: "rails", from: "7.1", to: "8.0" } }) });
    expect(section(markdown, "Steps")).toContain('gem "rails", "~> 8.0"');
    expect(section(markdown, "Steps")).toContain("bin/rails app:update");
  });
});

describe("offline plan: SQLite rebuild inside a runner that always wraps", () => {
  it("defers foreign keys instead of a BEGIN the runner's transaction would refuse", async () => {
    const drizzle = { ...framework("prisma"), id: "drizzle" as const, name: "Drizzle" };
    const { markdown, errors } = await planFor({ engine: "sqlite", framework: drizzle, task: task("add_not_null", { default: "'x'" }), column: { nullable: true } });
    expect(errors).toEqual([]);
    const steps = section(markdown, "Steps");
    expect(steps).toContain("PRAGMA defer_foreign_keys = ON;");
    expect(steps).not.toContain("BEGIN;");
    expect(steps).toContain("outside the runner");
  });
});

describe("offline plan: MySQL versions", () => {
  it.each([
    ["mysql", "8.0", "ALGORITHM=INSTANT"], ["mysql", "5.7", "ALGORITHM=INPLACE, LOCK=NONE"],
    ["mariadb", "10.11", "ALGORITHM=INSTANT"], ["mariadb", "10.2", "ALGORITHM=INPLACE, LOCK=NONE"],
    ["mysql", null, "ALGORITHM=INPLACE, LOCK=NONE"],
  ] as const)("adds a column on %s %s with %s", async (engine, version, clause) => {
    const { markdown } = await planFor({ engine, version, task: task("add_column", { column: "nickname", newType: "text" }) });
    expect(markdown).toContain(`ALTER TABLE users ADD COLUMN nickname text, ${clause};`);
  });
});

describe("offline plan: NOT NULL columns with a constant default", () => {
  it("adds them NOT NULL in one statement on Postgres 11+, with no CHECK ceremony", async () => {
    const { markdown } = await planFor({ task: task("add_column", { column: "status", newType: "text", default: "'active'", flags: { notNull: true, unique: false, concurrently: false } }) });
    expect(markdown).toContain("ALTER TABLE users ADD COLUMN status text DEFAULT 'active' NOT NULL;");
    expect(markdown).not.toContain("NOT VALID;");
  });

  it("takes the NOT VALID path when there is no default", async () => {
    const { markdown } = await planFor({ task: task("add_column", { column: "status", newType: "text", flags: { notNull: true, unique: false, concurrently: false } }) });
    expect(markdown).toContain("ALTER TABLE users ADD COLUMN status text;");
    const steps = section(markdown, "Steps");
    expect(steps.indexOf("Backfill the existing rows of `status`")).toBeGreaterThan(-1);
    expect(steps.indexOf("Backfill the existing rows of `status`")).toBeLessThan(steps.indexOf("CHECK (status IS NOT NULL) NOT VALID;"));
    expect(section(markdown, "Risks")).toContain("The value for existing rows of the new NOT NULL column is not in the task.");
  });
});

describe("offline plan: split and merge", () => {
  it("splits columns into a new table with a copy keyed on the old row", async () => {
    const { markdown } = await planFor({ task: task("split_table", { columns: ["email"], otherTable: "user_contacts" }) });
    expect(markdown).toContain("CREATE TABLE user_contacts (id bigint PRIMARY KEY, user_id bigint NOT NULL UNIQUE REFERENCES users (id), email text);");
    expect(markdown).toContain("INSERT INTO user_contacts (id, user_id, email) SELECT id, id, email FROM users t WHERE NOT EXISTS");
  });

  it("says it cannot write the copy when the task names no columns, rather than leaving a blank", async () => {
    const { markdown, errors } = await planFor({ task: task("merge_tables", { column: null, columns: [], otherTable: "profiles" }) });
    expect(errors).toEqual([]);
    expect(section(markdown, "Target State")).toContain("the task does not list the columns to move");
    expect(markdown).not.toContain("(new):");
  });
});
