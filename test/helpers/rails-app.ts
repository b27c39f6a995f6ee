import { toolUse, type Block } from "./model-api/script.js";

/** A small Rails-like app (a schema with a users table, a model, a migration) and a plan that passes every check in it. */

/** `db/schema.rb` has 12 lines; `users.email` is on line 5, its unique index on line 9. */
export const RAILS_FILES: Record<string, string> = {
  "Gemfile": 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\ngem "pg"\n',
  "config/database.yml": "production:\n  adapter: postgresql\n  database: shop\n",
  "db/schema.rb": [
    "ActiveRecord::Schema[7.1].define(version: 2024_01_05_090000) do",
    '  enable_extension "plpgsql"',
    "",
    '  create_table "users", force: :cascade do |t|',
    '    t.string "email", null: false',
    '    t.string "name"',
    '    t.datetime "created_at", null: false',
    '    t.datetime "updated_at", null: false',
    '    t.index ["email"], name: "index_users_on_email", unique: true',
    "  end",
    "",
    "end",
  ].join("\n") + "\n",
  "app/models/user.rb": "class User < ApplicationRecord\n  validates :email, presence: true\nend\n",
  "db/migrate/20240105090000_create_users.rb":
    "class CreateUsers < ActiveRecord::Migration[7.1]\n  def change\n    create_table :users do |t|\n      t.string :email, null: false\n      t.timestamps\n    end\n  end\nend\n",
};

export const TASK = "rename users.email to users.email_address";
export const PLAN = "migration-plans/plan.md";

/** A plan that passes every check against RAILS_FILES; `parts` replaces sections to break one check. */
export function planFor(parts: Partial<Record<"steps" | "rollback" | "risks" | "validation" | "current", string>> = {}, task = TASK): string {
  return [
    `# Migration Plan: ${task}`,
    "",
    "## Current State",
    parts.current ?? "`users.email` is a non-null string with a unique index (`db/schema.rb:5`, `db/schema.rb:9`).",
    "",
    "## Target State",
    "The column is named `email_address`; `app/models/user.rb` validates the new name.",
    "",
    "## Steps",
    parts.steps ??
      [
        "1. Expand: add `email_address` in `db/migrate/20261128120000_add_email_address_to_users.rb` (new); run `bin/rails db:migrate`.",
        "2. Backfill `email_address` from `email` in batches.",
        "3. Contract: drop `email` once no code reads it.",
      ].join("\n"),
    "",
    "## Rollback",
    parts.rollback ??
      ["3. Re-add `email` and copy back from `email_address`.", "2. Nothing to undo: the backfill only wrote the new column.", "1. Drop `email_address`."].join(
        "\n",
      ),
    "",
    "## Risks",
    parts.risks ?? "- Code still reading `email` during the deploy: keep both columns until step 3.",
    "",
    "## Validation",
    parts.validation ?? "```sql\nSELECT count(*) FROM users WHERE email_address IS NULL;\n```",
    "",
  ].join("\n");
}

/** The Write call that puts `markdown` at the plan path. */
export const writePlan = (id: string, markdown: string, path = PLAN): Block => toolUse(id, "Write", { file_path: path, content: markdown });
