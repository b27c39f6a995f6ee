/** A small Rails-like repo for citation checks (`db/schema.rb` has 20 lines), and plans that cite it. */
export const PLAN_REPO_FILES: Record<string, string> = {
  "db/schema.rb": Array.from({ length: 20 }, (_, i) => `# schema line ${i + 1}`).join("\n") + "\n",
  "app/models/user.rb": "class User < ApplicationRecord\nend\n",
  "db/migrate/20240101000000_create_users.rb": "class CreateUsers < ActiveRecord::Migration[7.1]\nend\n",
  "package.json": "{}\n",
};

export interface PlanParts {
  title: string;
  currentState: string;
  targetState: string;
  steps: string;
  rollback: string;
  risks: string;
  validation: string;
  extra: string;
}

/** A plan that passes every check against PLAN_REPO_FILES; override a part to break one thing. */
export const GOOD_PLAN_PARTS: PlanParts = {
  title: "# Migration Plan: rename users.email to users.email_address",
  currentState: "`users.email` is a string column (`db/schema.rb:14`), read by `app/models/user.rb:1-2`.",
  targetState: "The column is `users.email_address`; no code reads `users.email`.",
  steps: [
    "### Deploy 1: expand",
    "1. Add the column in `db/migrate/20261128120000_add_email_address_to_users.rb` (new); run `bin/rails db:migrate`.",
    "2. Write both columns from `app/models/user.rb`.",
    "### Deploy 2: contract",
    "3. Drop `users.email` in `db/migrate/20261128130000_remove_email_from_users.rb` (new).",
  ].join("\n"),
  rollback: [
    "3. Irreversible without a backup: re-add the column and backfill it from `email_address`.",
    "2. Revert the model change.",
    "1. `bin/rails db:rollback` drops the new column.",
  ].join("\n"),
  risks: "- Backfill on a large table holds locks: batch it in 10k rows.",
  validation: "```sql\nSELECT count(*) FROM users WHERE email_address IS NULL;\n```",
  extra: "",
};

export function planText(overrides: Partial<PlanParts> = {}): string {
  const p = { ...GOOD_PLAN_PARTS, ...overrides };
  return [
    p.title,
    "",
    "Postgres 16, Rails 7.1.",
    "",
    "## Current State",
    p.currentState,
    "",
    "## Target State",
    p.targetState,
    "",
    "## Steps",
    p.steps,
    "",
    "## Rollback",
    p.rollback,
    "",
    "## Risks",
    p.risks,
    "",
    "## Validation",
    p.validation,
    "",
    p.extra,
  ].join("\n");
}
