import { describe, expect, it } from "vitest";
import { survey } from "../../src/survey/index.js";
import { EXAMPLE_ROOT } from "../helpers/survey-fixtures.js";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const TASK = "rename users.email to users.email_address";
const GEMFILE = 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\n';
const CREATE_USERS = "class CreateUsers < ActiveRecord::Migration[7.1]\n  def change\n    create_table :users do |t|\n      t.string :email, null: false\n    end\n  end\nend\n";
const ADD_INDEX = "class AddIndexToUsersEmail < ActiveRecord::Migration[7.1]\n  def change\n    add_index :users, :email, unique: true\n  end\nend\n";
const REMOVE_INDEX = "class RemoveIndexFromUsersEmail < ActiveRecord::Migration[7.1]\n  def change\n    remove_index :users, :email\n  end\nend\n";

const surveyOf = surveyTempRepos();

async function indexesOf(files: Record<string, string>) {
  const result = await surveyOf(files, TASK);
  return result.column?.indexes ?? [];
}

describe("the column's indexes are the ones that exist now", () => {
  it("reports the example's unique index once, from the schema snapshot, with its name", async () => {
    const result = await survey(EXAMPLE_ROOT, TASK);
    expect(result.column?.indexes.map((i) => ({ name: i.name, unique: i.unique, columns: i.columns, at: `${i.where.path}:${i.where.line}` }))).toEqual([
      { name: "index_users_on_email", unique: true, columns: ["email"], at: "db/schema.rb:49" },
    ]);
  });

  it("without a snapshot, drops an index that a later migration removed", async () => {
    const indexes = await indexesOf({
      Gemfile: GEMFILE,
      "db/migrate/20240101000000_create_users.rb": CREATE_USERS,
      "db/migrate/20240102000000_add_index_to_users_email.rb": ADD_INDEX,
      "db/migrate/20240103000000_remove_index_from_users_email.rb": REMOVE_INDEX,
    });
    expect(indexes).toEqual([]);
  });

  it("without a snapshot, keeps an index whose migration drops it only in its down half", async () => {
    const indexes = await indexesOf({
      "knexfile.js": "module.exports = { client: 'pg' };\n",
      "package.json": '{ "dependencies": { "knex": "^3.0.0" } }\n',
      "migrations/20240101000000_create_users.js": "exports.up = (knex) => knex.schema.createTable('users', (table) => {\n  table.string('email').notNullable();\n});\n\nexports.down = (knex) => knex.schema.dropTable('users');\n",
      "migrations/20240102000000_add_unique_email.js": "exports.up = (knex) => knex.schema.alterTable('users', (table) => {\n  table.unique(['email']);\n});\n\nexports.down = (knex) => knex.schema.alterTable('users', (table) => {\n  table.dropUnique(['email']);\n});\n",
    });
    expect(indexes.map((i) => ({ unique: i.unique, columns: i.columns, path: i.where.path }))).toEqual([
      { unique: true, columns: ["email"], path: "migrations/20240102000000_add_unique_email.js" },
    ]);
  });

  it("prefers the snapshot: an index a migration built but the snapshot no longer has is gone", async () => {
    const indexes = await indexesOf({
      Gemfile: GEMFILE,
      "db/migrate/20240101000000_create_users.rb": CREATE_USERS,
      "db/migrate/20240102000000_add_index_to_users_email.rb": ADD_INDEX,
      "db/schema.rb": 'ActiveRecord::Schema[7.1].define(version: 2024_01_03_000000) do\n  create_table "users", force: :cascade do |t|\n    t.string "email", null: false\n  end\nend\n',
    });
    expect(indexes).toEqual([]);
  });

  it("reads the columns of a multi-column index", async () => {
    const indexes = await indexesOf({
      Gemfile: GEMFILE,
      "db/schema.rb": 'ActiveRecord::Schema[7.1].define(version: 2024_01_03_000000) do\n  create_table "users", force: :cascade do |t|\n    t.string "email", null: false\n    t.bigint "org_id"\n    t.index ["org_id", "email"], name: "index_users_on_org_id_and_email", unique: true\n  end\nend\n',
      "db/migrate/20240101000000_create_users.rb": CREATE_USERS,
    });
    expect(indexes.map((i) => ({ name: i.name, columns: i.columns }))).toEqual([{ name: "index_users_on_org_id_and_email", columns: ["org_id", "email"] }]);
  });
});

describe("an index line in a create_table block belongs to that table", () => {
  it("whatever other tables its name mentions (index_statuses_on_account_id beside account_* tables)", async () => {
    const schema = [
      "ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do",
      '  create_table "account_notes", force: :cascade do |t|',
      '    t.bigint "account_id"',
      '    t.index ["account_id"], name: "index_account_notes_on_account_id"',
      "  end",
      "",
      '  create_table "account_aliases", force: :cascade do |t|',
      '    t.bigint "account_id"',
      "  end",
      "",
      '  create_table "statuses", force: :cascade do |t|',
      '    t.bigint "account_id", null: false',
      '    t.index ["account_id"], name: "index_statuses_on_account_id"',
      '    t.index ["reblog_of_id", "account_id"], name: "index_statuses_on_reblog_of_id_and_account_id"',
      "  end",
      "end",
      "",
    ].join("\n");
    const found = await surveyOf({ Gemfile: GEMFILE, "db/schema.rb": schema }, "add an index on statuses.account_id");
    expect(found.column?.indexes.map((i) => i.name)).toEqual(["index_statuses_on_account_id", "index_statuses_on_reblog_of_id_and_account_id"]);
  });
});

describe("Ecto's index with one column as an atom", () => {
  it("unique_index(:sites, :domain) is on (domain), not (sites, domain); NOT NULL read from the migration", async () => {
    const files = {
      "mix.exs": "defmodule App.MixProject do\n  defp deps do\n    [{:ecto_sql, \"~> 3.10\"}, {:postgrex, \">= 0.0.0\"}]\n  end\nend\n",
      "priv/repo/migrations/20240101000000_create_sites.exs": "defmodule App.Repo.Migrations.CreateSites do\n  use Ecto.Migration\n\n  def change do\n    create table(:sites) do\n      add :domain, :string, null: false\n    end\n\n    create unique_index(:sites, :domain)\n  end\nend\n",
    };
    const schema = "defmodule App.Site do\n  use Ecto.Schema\n\n  schema \"sites\" do\n    field :domain, :string\n  end\nend\n";
    const found = await surveyOf({ ...files, "lib/app/site.ex": schema }, "rename sites.domain to sites.hostname");
    expect(found.column?.indexes.map((i) => ({ columns: i.columns, unique: i.unique }))).toEqual([{ columns: ["domain"], unique: true }]);
    // The schema's field gives the type, the migration its NOT NULL.
    expect(found.column).toMatchObject({ type: "string", nullable: false });
  });
});
