import { describe, expect, it } from "vitest";
import { offlinePlan } from "../../src/offline/plan.js";
import type { Survey } from "../../src/survey/types.js";
import { planSection } from "../helpers/survey-builder.js";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const surveyOf = surveyTempRepos();

const planFrom = (found: Survey) => offlinePlan(found, { planPath: "migration-plans/plan.md", now: new Date("2026-11-28T12:00:00Z") });
const planOf = async (files: Record<string, string>, task: string) => planFrom(await surveyOf(files, task));
/** The migration files a plan's Steps create, each of which must be under `folder`. */
const expectCreatedIn = (plan: string, folder: RegExp) => {
  const created = [...planSection(plan, "Steps").matchAll(/Create `([^`]+)` \(new\)/g)].map((m) => m[1]!);
  expect(created.length).toBeGreaterThan(0);
  for (const path of created) expect(path).toMatch(folder);
};

const migration = (name: string, body: string) => `class ${name} < ActiveRecord::Migration[7.1]\n  def change\n    ${body}\n  end\nend\n`;

describe("a repo with several migration folders", () => {
  it("puts the new migration in the folder of the table's history, after the latest there", async () => {
    const files = {
      Gemfile: 'gem "rails", "~> 7.1"\ngem "pg"\n',
      "config/database.yml": "production:\n  primary:\n    adapter: postgresql\n  cache:\n    adapter: postgresql\n    migrations_paths: db/cache_migrate\n",
      "db/migrate/20240101000000_create_users.rb": migration("CreateUsers", "create_table :users do |t|\n      t.string :email\n    end"),
      "db/migrate/20240201000000_add_name_to_users.rb": migration("AddNameToUsers", "add_column :users, :name, :string"),
      "db/cache_migrate/20250101000000_create_solid_cache_entries.rb": migration("CreateSolidCacheEntries", "create_table :solid_cache_entries do |t|\n      t.binary :key\n    end"),
    };
    const found = await surveyOf(files, "add an index on users.email");
    expect(found.frameworks.find((f) => f.id === "rails")?.migrationsDirs).toEqual(expect.arrayContaining(["db/migrate", "db/cache_migrate"]));
    expectCreatedIn(planFrom(found), /^db\/migrate\/2026/);
  });
});

describe("Rails' db/post_migrate", () => {
  it("is a later phase of the same database: new migrations go to db/migrate even when the last change was a post-migration", async () => {
    const files = {
      Gemfile: 'gem "rails", "~> 7.1"\ngem "pg"\n',
      "db/migrate/20240101000000_create_users.rb": migration("CreateUsers", "create_table :users do |t|\n      t.string :email\n      t.string :legacy_email\n    end"),
      "db/post_migrate/20240301000000_remove_old_email_index.rb": migration("RemoveOldEmailIndex", "remove_index :users, :email, name: :index_users_on_email_old"),
      "db/migrate/20240201000000_create_orders.rb": migration("CreateOrders", "create_table :orders do |t|\n      t.string :number\n    end"),
    };
    expectCreatedIn(await planOf(files, "add an index on users.email"), /^db\/migrate\/2026/);
  });
});

describe("Ecto with several repos", () => {
  it("names the repo of the table's folder in the run and rollback commands", async () => {
    const exs = (module: string, body: string) => `defmodule ${module} do\n  use Ecto.Migration\n\n  def change do\n    ${body}\n  end\nend\n`;
    const files = {
      "mix.exs": "defmodule Shop.MixProject do\n  defp deps do\n    [{:ecto_sql, \"~> 3.10\"}, {:postgrex, \">= 0.0.0\"}]\n  end\nend\n",
      "config/config.exs": "import Config\n\nconfig :shop,\n  ecto_repos: [Shop.Repo, Shop.IngestRepo]\n",
      "priv/repo/migrations/20240101000000_create_users.exs": exs("Shop.Repo.Migrations.CreateUsers", "create table(:users) do\n      add :email, :string\n    end"),
      "priv/ingest_repo/migrations/20250101000000_create_events.exs": exs("Shop.IngestRepo.Migrations.CreateEvents", "create table(:events) do\n      add :name, :string\n    end"),
    };
    const plan = await planOf(files, "add an index on users.email");
    expect(planSection(plan, "Steps")).toContain("mix ecto.migrate -r Shop.Repo");
    expect(planSection(plan, "Steps")).toMatch(/Create `priv\/repo\/migrations\/2026/);
    expect(planSection(plan, "Rollback")).toContain("mix ecto.rollback -r Shop.Repo --step 1");
    expect(planSection(plan, "Rollback")).not.toContain("IngestRepo");
    expect(planSection(plan, "Steps")).toContain("defmodule Shop.Repo.Migrations.");
  });
});

describe("a column with no history yet", () => {
  it("Django: goes to the app of the table's model, after that app's latest migration", async () => {
    const migration = (deps: string) => `from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [${deps}]\n    operations = []\n`;
    const files = {
      "manage.py": "import django\n",
      "shop/account/__init__.py": "", "shop/account/migrations/__init__.py": "",
      "shop/account/models.py": "from django.db import models\n\n\nclass User(models.Model):\n    email = models.EmailField()\n",
      "shop/account/migrations/0001_initial.py": migration(""),
      "shop/account/migrations/0002_user_email.py": migration('("account", "0001_initial")'),
      "shop/product/__init__.py": "", "shop/product/migrations/__init__.py": "",
      "shop/product/models.py": "from django.db import models\n\n\nclass Product(models.Model):\n    name = models.CharField(max_length=50)\n",
      "shop/product/migrations/0001_initial.py": migration(""),
      "shop/product/migrations/0002_more.py": migration('("product", "0001_initial")'),
      "shop/product/migrations/0003_even_more.py": migration('("product", "0002_more")'),
    };
    const plan = await planOf(files, "add column account_user.nickname text");
    expectCreatedIn(plan, /^shop\/account\/migrations\/0003_/);
    expect(planSection(plan, "Steps")).toContain('("account", "0002_user_email")');
  });

  it("Rails: the newest migration being a post-migration does not send new ones to db/post_migrate", async () => {
    const files = {
      Gemfile: 'gem "rails", "~> 7.1"\ngem "pg"\n',
      "db/schema.rb": 'ActiveRecord::Schema[7.1].define(version: 2024_05_01_000000) do\n  create_table "users", force: :cascade do |t|\n    t.string "email"\n  end\nend\n',
      "db/migrate/20240101000000_create_users.rb": migration("CreateUsers", "create_table :users do |t|\n      t.string :email\n    end"),
      "db/post_migrate/20240501000000_remove_old_thing.rb": migration("RemoveOldThing", "remove_column :accounts, :old_thing, :string"),
    };
    expectCreatedIn(await planOf(files, "add column users.nickname text"), /^db\/migrate\/2026/);
  });
});
