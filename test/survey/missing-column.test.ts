import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { survey } from "../../src/survey/index.js";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const fixtureApp = (name: string) => fileURLToPath(new URL(`../fixtures/apps/${name}`, import.meta.url));

const GEMFILE = 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\n';
const SCHEMA_RB = 'ActiveRecord::Schema[7.1].define(version: 2024_01_03_000000) do\n  create_table "orders", force: :cascade do |t|\n    t.bigint "user_id", null: false\n    t.string "status", default: "pending", null: false\n  end\nend\n';

const surveyOf = surveyTempRepos();

describe("a task naming a column the table does not declare", () => {
  it("reports no column, the table's declaration, and a note listing the columns it has", async () => {
    const result = await surveyOf({ Gemfile: GEMFILE, "db/schema.rb": SCHEMA_RB }, "add unique index on orders.number");
    expect(result.column).toBeNull();
    expect(result.table?.declarations.map((d) => `${d.path}:${d.line}`)).toEqual(["db/schema.rb:2"]);
    expect(result.table?.columns).toEqual(["id", "user_id", "status"]);
    expect(result.notes.find((n) => n.includes("number"))).toBe(
      "The column number is not declared on orders in any schema snapshot, model or migration (the table is declared at db/schema.rb:2; it has the columns id, user_id, status); check the names in the task.",
    );
  });

  it("says when the table is not declared either", async () => {
    const result = await surveyOf({ Gemfile: GEMFILE, "db/schema.rb": SCHEMA_RB }, "drop column invoices.number");
    expect(result.column).toBeNull();
    expect(result.notes.some((n) => n.includes("nor of the table invoices"))).toBe(true);
  });

  it("keeps the column for add_column, where a missing column is the point", async () => {
    const result = await surveyOf({ Gemfile: GEMFILE, "db/schema.rb": SCHEMA_RB }, "add column orders.number string");
    expect(result.column?.column).toBe("number");
    expect(result.table?.columns).toEqual(["id", "user_id", "status"]);
  });

  it("finds the table where a model maps itself to it (Django's db_table) and no migration creates it by name", async () => {
    const result = await survey(fixtureApp("django"), "add unique index on users.nickname");
    expect(result.table?.declarations.map((d) => `${d.path}:${d.line}`)).toEqual(["core/models.py:4"]);
    expect(result.table?.columns).toEqual(["email", "full_name", "is_active", "date_joined"]);
    const other = await survey(fixtureApp("django"), "add unique index on newsletter_subscriptions.nickname");
    expect(other.table?.columns).toEqual(["email", "subscribed_at", "confirmed"]);
  });

  it("reads a create_table call that names its table on the next line (Alembic)", async () => {
    const result = await survey(fixtureApp("alembic"), "add unique index on users.nickname");
    expect(result.table?.declarations.map((d) => `${d.path}:${d.line}`)).toEqual(["migrations/versions/e3b1c2d4f5a6_create_users_table.py:22"]);
    expect(result.table?.columns).toEqual(["id", "email", "full_name", "created_at"]);
  });
});
