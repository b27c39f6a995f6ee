import { describe, expect, it } from "vitest";
import { offlinePlan } from "../../src/offline/plan.js";
import { parsePlan } from "../../src/plan/parse.js";
import type { PlanDocument } from "../../src/plan/types.js";
import { checkPlanSafety } from "../../src/rules/check.js";
import type { DatabaseEngine, FrameworkId, Operation, ParsedTask } from "../../src/survey/types.js";
import { buildSurvey, framework, task } from "../helpers/survey-builder.js";

function planOf(...steps: string[]): PlanDocument {
  return {
    title: "t",
    sections: {
      currentState: "x", targetState: "x", risks: "x", validation: "x",
      steps: steps.map((text, i) => ({ n: i + 1, text })),
      rollback: steps.map((_, i) => ({ n: i + 1, text: "undo" })),
    },
    citations: [],
    extraSections: {},
  };
}

interface Example {
  name: string;
  steps: string[];
  engine?: DatabaseEngine;
  framework?: FrameworkId;
  version?: string;
  /** The rule each finding must name; empty for a safe plan. */
  rules: number[];
}

const fence = (lang: string, body: string) => "```" + lang + "\n" + body + "\n```";

const UNSAFE: Example[] = [
  { name: "plain CREATE INDEX on an existing table", steps: ["Add the index:\n" + fence("sql", "CREATE INDEX index_users_on_name ON users (name);")], rules: [12] },
  { name: "Rails add_index without algorithm: :concurrently", steps: [fence("ruby", "def change\n  add_index :users, :name\nend")], rules: [12] },
  { name: "Alembic create_index without postgresql_concurrently", steps: [fence("python", "op.create_index('ix_users_name', 'users', ['name'])")], framework: "alembic", rules: [12] },
  { name: "Knex table.index in alterTable", steps: [fence("js", "await knex.schema.alterTable('users', (table) => {\n  table.index(['name']);\n});")], framework: "knex", rules: [12] },
  { name: "unique index without CONCURRENTLY", steps: [fence("sql", "CREATE UNIQUE INDEX users_email_key ON users (email);")], rules: [21] },
  { name: "ADD CONSTRAINT UNIQUE built in place", steps: [fence("sql", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);")], rules: [21] },
  { name: "CONCURRENTLY in a Rails migration without disable_ddl_transaction!", steps: [fence("ruby", "def change\n  add_index :users, :name, algorithm: :concurrently\nend")], rules: [14] },
  { name: "CONCURRENTLY in a Django migration without atomic = False", steps: [fence("python", "operations = [migrations.RunSQL(\"CREATE INDEX CONCURRENTLY ix ON users (name);\")]")], framework: "django", rules: [14] },
  { name: "one-step rename in SQL", steps: [fence("sql", "ALTER TABLE users RENAME COLUMN email TO email_address;")], rules: [2] },
  { name: "one-step rename with Rails rename_column", steps: [fence("ruby", "rename_column :users, :email, :email_address")], rules: [2] },
  { name: "SET NOT NULL without the CHECK NOT VALID path", steps: [fence("sql", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;")], rules: [6] },
  { name: "Rails change_column_null false", steps: [fence("ruby", "change_column_null :users, :email, false")], rules: [6] },
  { name: "foreign key without NOT VALID", steps: [fence("sql", "ALTER TABLE posts ADD CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES users (id);")], rules: [18] },
  { name: "Rails add_foreign_key without validate: false", steps: [fence("ruby", "add_foreign_key :posts, :users, column: :author_id")], rules: [18] },
  { name: "CHECK without NOT VALID", steps: [fence("sql", "ALTER TABLE users ADD CONSTRAINT email_not_blank CHECK (email <> '');")], rules: [20] },
  { name: "type change that rewrites the table", steps: [fence("sql", "ALTER TABLE users ALTER COLUMN id TYPE bigint;")], rules: [4] },
  { name: "drop column before the code stops using it", steps: [fence("sql", "ALTER TABLE users DROP COLUMN email;")], rules: [1] },
  { name: "backfill in the same migration as the DDL", steps: [fence("ruby", "def up\n  add_column :users, :email_address, :string\n  User.update_all('email_address = email')\nend")], rules: [25] },
  { name: "volatile default", steps: [fence("sql", "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();")], rules: [8] },
  { name: "DROP INDEX without CONCURRENTLY", steps: [fence("sql", "DROP INDEX index_users_on_email;")], rules: [13] },
  { name: "VACUUM FULL", steps: [fence("sql", "VACUUM FULL users;")], rules: [17] },
  { name: "json column", steps: [fence("sql", "ALTER TABLE users ADD COLUMN prefs json;")], rules: [28] },
  { name: "MySQL MODIFY without an online clause", steps: [fence("sql", "ALTER TABLE users MODIFY email varchar(320) NOT NULL;")], engine: "mysql", rules: [34] },
  { name: "MySQL ALGORITHM=COPY", steps: [fence("sql", "ALTER TABLE users ADD INDEX ix (name), ALGORITHM=COPY;")], engine: "mysql", rules: [34] },
  { name: "SQLite ALTER COLUMN in place", steps: [fence("sql", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;")], engine: "sqlite", rules: [35] },
];

const SAFE: Example[] = [
  { name: "concurrent index with disable_ddl_transaction!", steps: [fence("ruby", "disable_ddl_transaction!\n\ndef change\n  add_index :users, :name, algorithm: :concurrently\nend")], rules: [] },
  { name: "concurrent index in SQL with Django atomic = False", steps: [fence("python", "atomic = False\noperations = [migrations.RunSQL(\"CREATE INDEX CONCURRENTLY ix ON users (name);\")]")], framework: "django", rules: [] },
  { name: "Alembic autocommit_block with a concurrent index", steps: [fence("python", "with op.get_context().autocommit_block():\n    op.create_index('ix', 'users', ['name'], postgresql_concurrently=True)")], framework: "alembic", rules: [] },
  { name: "goose NO TRANSACTION", steps: [fence("sql", "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY ix ON users (name);")], framework: "goose", rules: [] },
  { name: "index on a table the plan creates", steps: [fence("sql", "CREATE TABLE audit_logs (id bigint PRIMARY KEY, user_id bigint);\nCREATE INDEX ix_audit_user ON audit_logs (user_id);")], rules: [] },
  { name: "NOT NULL through CHECK NOT VALID and VALIDATE", steps: [
    fence("sql", "ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;"),
    fence("sql", "ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;"),
    fence("sql", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_email_nn;"),
  ], rules: [] },
  { name: "foreign key NOT VALID then VALIDATE", steps: [fence("sql", "ALTER TABLE posts ADD CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES users (id) NOT VALID;"), fence("sql", "ALTER TABLE posts VALIDATE CONSTRAINT fk_author;")], rules: [] },
  { name: "Rails add_foreign_key validate: false", steps: [fence("ruby", "add_foreign_key :posts, :users, column: :author_id, validate: false"), fence("ruby", "validate_foreign_key :posts, :users")], rules: [] },
  { name: "unique constraint from a concurrent index", steps: [fence("sql", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;")], rules: [] },
  { name: "varchar widened to text", steps: [fence("sql", "ALTER TABLE users ALTER COLUMN email TYPE text;")], rules: [] },
  { name: "drop after the code stopped using it", steps: ["Remove every use of users.email and add ignored_columns; deploy.", fence("sql", "ALTER TABLE users DROP COLUMN email;")], rules: [] },
  { name: "rename behind a view", steps: [fence("sql", "ALTER TABLE users RENAME COLUMN email TO email_address;\nCREATE VIEW users_v AS SELECT email_address AS email FROM users;")], rules: [] },
  { name: "backfill in its own job", steps: [fence("sql", "ALTER TABLE users ADD COLUMN email_address varchar;"), "From a job:\n" + fence("sql", "UPDATE users SET email_address = email WHERE id IN (SELECT id FROM users WHERE email_address IS NULL LIMIT 10000);")], rules: [] },
  { name: "prose that names the unsafe form without doing it", steps: ["A plain `CREATE INDEX` would block writes, so this plan builds it concurrently:\n" + fence("ruby", "disable_ddl_transaction!\nadd_index :users, :name, algorithm: :concurrently")], rules: [] },
  { name: "MySQL online ALTER", steps: [fence("sql", "ALTER TABLE users ADD INDEX ix (name), ALGORITHM=INPLACE, LOCK=NONE;")], engine: "mysql", rules: [] },
  { name: "Postgres-only forms are not judged when the engine is unknown", steps: [fence("sql", "CREATE INDEX ix ON users (name);")], engine: "unknown", rules: [] },
];

function findings(example: Example): string[] {
  const survey = buildSurvey({
    engine: example.engine ?? "postgres",
    version: example.version ?? "16",
    framework: framework(example.framework ?? "rails"),
    task: task("drop_column"),
  });
  return checkPlanSafety(planOf(...example.steps), survey);
}

describe("checkPlanSafety flags unsafe plans", () => {
  it.each(UNSAFE.map((e) => [e.name, e] as const))("flags %s", (_, example) => {
    const found = findings(example);
    expect(found.length).toBeGreaterThan(0);
    for (const rule of example.rules) expect(found.join("\n")).toContain(`(rule ${rule}:`);
    for (const sentence of found) expect(sentence).toMatch(/^Step \d+ .*\.$/);
  });
});

describe("checkPlanSafety passes safe plans", () => {
  it.each(SAFE.map((e) => [e.name, e] as const))("passes %s", (_, example) => {
    expect(findings(example)).toEqual([]);
  });
});

it("names the step, the table and the rule in one sentence", () => {
  const found = findings({ name: "x", steps: ["Add the column.", fence("sql", "CREATE INDEX ix ON users (name);")], rules: [] });
  expect(found).toEqual(["Step 2 creates an index without CONCURRENTLY on the existing PostgreSQL table users (rule 12: the build blocks writes)."]);
});

describe("the offline plans pass their own safety check", () => {
  const operations: [Operation, Partial<ParsedTask>][] = [
    ["rename_column", { newName: "email_address" }], ["drop_column", {}], ["add_column", { column: "nickname", newType: "text" }],
    ["change_type", { newType: "bigint" }], ["add_index", {}], ["add_not_null", { default: "'x'" }], ["add_unique", {}],
    ["add_foreign_key", { column: "org_id", references: { table: "orgs", column: "id" } }], ["add_check", { text: "add check users.email <> ''" }],
    ["rename_table", { column: null, newName: "accounts" }], ["drop_table", { column: null }], ["backfill", { default: "'x'" }],
  ];
  for (const [operation, details] of operations) {
    for (const engine of ["postgres", "mysql", "sqlite"] as const) {
      it(`${operation} on ${engine}`, () => {
        const survey = buildSurvey({ engine, task: task(operation, details), column: { nullable: true } });
        const markdown = offlinePlan(survey, { planPath: "plan.md", now: new Date("2026-11-28T12:00:00Z") });
        const parsed = parsePlan(markdown);
        expect(checkPlanSafety(planOf(...parsed.steps.map((s) => s.text)), survey)).toEqual([]);
      });
    }
  }
});

describe("the safety check reads only what runs forward, in every framework's syntax", () => {
  const frameworks: FrameworkId[] = ["rails", "django", "alembic", "prisma", "knex", "laravel", "goose", "flyway"];
  const operations: [Operation, Partial<ParsedTask>][] = [
    ["rename_column", { newName: "email_address" }], ["add_column", { column: "nickname", newType: "text" }],
    ["add_unique", {}], ["add_not_null", { default: "'x'" }],
  ];
  for (const id of frameworks) {
    for (const [operation, details] of operations) {
      it(`${operation} in ${id}`, () => {
        const survey = buildSurvey({ framework: framework(id), task: task(operation, details), column: { nullable: true } });
        const markdown = offlinePlan(survey, { planPath: "plan.md", now: new Date("2026-11-28T12:00:00Z") });
        const parsed = parsePlan(markdown);
        expect(checkPlanSafety(planOf(...parsed.steps.map((s) => s.text)), survey)).toEqual([]);
      });
    }
  }
});

it("does not read a migration's down part as a forward step", () => {
  const steps = [fence("ruby", "disable_ddl_transaction!\n\ndef up\n  add_index :users, :name, algorithm: :concurrently\nend\n\ndef down\n  remove_index :users, :name\nend")];
  expect(findings({ name: "down", steps, rules: [] })).toEqual([]);
  const sqlDown = [fence("sql", "ALTER TABLE users ADD COLUMN nickname text;\n-- down\nALTER TABLE users DROP COLUMN email;")];
  expect(findings({ name: "down", steps: sqlDown, rules: [] })).toEqual([]);
});

it("reports every problem of a plan at once, step by step", () => {
  const found = findings({ name: "many", steps: [
    fence("sql", "ALTER TABLE users RENAME COLUMN email TO email_address;"),
    fence("sql", "CREATE INDEX ix ON users (name);\nALTER TABLE users ALTER COLUMN name SET NOT NULL;"),
  ], rules: [] });
  expect(found.map((f) => /^Step (\d+).*\(rule (\d+):/.exec(f)!.slice(1, 3).join("/")).sort()).toEqual(["1/2", "2/12", "2/6"]);
});
