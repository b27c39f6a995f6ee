import { describe, expect, it } from "vitest";
import { survey } from "../../src/survey/index.js";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const GEMFILE = 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\n';
const SCHEMA_RB = `ActiveRecord::Schema[7.1].define(version: 2024_01_03_000000) do
  create_table "newsletter_subscriptions", force: :cascade do |t|
    t.string "email", null: false
    t.index ["email"], name: "index_newsletter_subscriptions_on_email", unique: true
  end

  create_table "orders", force: :cascade do |t|
    t.bigint "user_id", null: false
    t.datetime "placed_at"
    t.datetime "created_at", null: false
    t.index ["user_id"], name: "index_orders_on_user_id"
  end

  create_table "users", force: :cascade do |t|
    t.string "email", null: false
    t.string "name", null: false
    t.string "nickname"
    t.boolean "admin", default: false, null: false
    t.index ["email"], name: "index_users_on_email", unique: true
  end
end
`;

const surveyOf = surveyTempRepos();

describe("a column called name", () => {
  it("gets no index of another table from `t.index …, name: \"…\"` lines", async () => {
    const result = await surveyOf({ Gemfile: GEMFILE, "db/schema.rb": SCHEMA_RB }, "drop column users.name");
    expect(result.column?.indexes).toEqual([]);
  });

  it("still gets its own table's index that lists it", async () => {
    const schema = SCHEMA_RB.replace('t.index ["email"], name: "index_users_on_email"', 't.index ["name"], name: "index_users_on_name"');
    const result = await surveyOf({ Gemfile: GEMFILE, "db/schema.rb": schema }, "drop column users.name");
    expect(result.column?.indexes.map((i) => ({ name: i.name, columns: i.columns }))).toEqual([{ name: "index_users_on_name", columns: ["name"] }]);
  });
});

describe("nullability is read from the column's own declaration", () => {
  it("schema.rb: a column without null: false next to one with it is nullable", async () => {
    const result = await surveyOf({ Gemfile: GEMFILE, "db/schema.rb": SCHEMA_RB }, "make orders.placed_at NOT NULL");
    expect(result.column?.nullable).toBe(true);
  });

  it("schema.rb: a column with null: false between nullable ones is NOT NULL", async () => {
    const result = await surveyOf({ Gemfile: GEMFILE, "db/schema.rb": SCHEMA_RB }, "make users.name NOT NULL");
    expect(result.column?.nullable).toBe(false);
  });

  it("CREATE TABLE: a column without NOT NULL between NOT NULL ones is nullable", async () => {
    const sql = "-- migrate:up\nCREATE TABLE orders (\n  id bigserial PRIMARY KEY,\n  user_id bigint NOT NULL,\n  placed_at timestamptz,\n  total_cents integer NOT NULL\n);\n\n-- migrate:down\nDROP TABLE orders;\n";
    const result = await surveyOf({ "db/migrations/20240101000000_create_orders.sql": sql }, "make orders.placed_at NOT NULL");
    expect(result.column?.nullable).toBe(true);
    const other = await survey(result.root, "make orders.total_cents NOT NULL");
    expect(other.column?.nullable).toBe(false);
  });

  it("Django: null=True on the field (even split over lines) reads nullable, next to a NOT NULL field", async () => {
    const models = "from django.db import models\n\n\nclass Order(models.Model):\n    number = models.CharField(max_length=20)\n    placed_at = models.DateTimeField(\n        blank=True,\n        null=True,\n    )\n    total = models.IntegerField()\n";
    const files = { "manage.py": "import django\n", "shop/__init__.py": "", "shop/models.py": models, "shop/migrations/__init__.py": "", "shop/migrations/0001_initial.py": "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n    operations = []\n" };
    const result = await surveyOf(files, "make shop_order.placed_at NOT NULL");
    expect(result.column?.nullable).toBe(true);
    const total = await survey(result.root, "make shop_order.total NOT NULL");
    expect(total.column?.nullable).toBe(false);
  });

  it("Prisma: an optional field next to a required one reads nullable", async () => {
    const schema = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\nmodel Order {\n  id       Int       @id @default(autoincrement())\n  number   String\n  placedAt DateTime? @map("placed_at")\n  total    Int\n}\n';
    const files = { "package.json": '{ "dependencies": { "@prisma/client": "^5.0.0" }, "devDependencies": { "prisma": "^5.0.0" } }\n', "prisma/schema.prisma": schema };
    const result = await surveyOf(files, "make Order.placedAt NOT NULL");
    expect(result.column?.nullable).toBe(true);
    const total = await survey(result.root, "make Order.total NOT NULL");
    expect(total.column?.nullable).toBe(false);
  });
});

describe("earlier plans in the repo", () => {
  it("are not read as code that uses the column", async () => {
    const plan = "# Migration plan: rename users.name\n\nCurrent State: users.name is used by user.name in app/models/user.rb\n";
    const files = { Gemfile: GEMFILE, "db/schema.rb": SCHEMA_RB, "app/models/user.rb": "class User < ApplicationRecord\n  def label = name\nend\n", "migration-plans/2026-01-01-rename-users-name.md": plan };
    const result = await surveyOf(files, "rename users.name to users.full_name");
    const all = [...result.references.code, ...result.references.tests, ...result.references.sameNameOrUnclear].map((r) => r.path);
    expect(all).toContain("app/models/user.rb");
    expect(all.filter((p) => p.startsWith("migration-plans/"))).toEqual([]);
  });

  it("leave out the file a run is about to write, wherever --out puts it", async () => {
    const plan = "# Migration plan: rename users.name\n\nCurrent State: users.name is used by user.name\n";
    const files = { Gemfile: GEMFILE, "db/schema.rb": SCHEMA_RB, "app/models/user.rb": "class User < ApplicationRecord\n  def label = name\nend\n", "docs/plan.md": plan };
    const paths = (found: Awaited<ReturnType<typeof survey>>) => [...found.references.code, ...found.references.tests, ...found.references.sameNameOrUnclear].map((r) => r.path);
    const seen = await surveyOf(files, "rename users.name to users.full_name");
    expect(paths(seen)).toContain("docs/plan.md");
    const skipped = await survey(seen.root, "rename users.name to users.full_name", { skip: ["docs/plan.md"] });
    expect(paths(skipped)).toContain("app/models/user.rb");
    expect(paths(skipped)).not.toContain("docs/plan.md");
    expect(skipped.fileCount).toBe(seen.fileCount - 1);
  });
});

describe("uniqueness said false is not unique", () => {
  const settings = "INSTALLED_APPS = ['shop']\n";
  const djangoFiles = (field: string) => ({
    "manage.py": "import django\n", "app/settings.py": settings, "shop/__init__.py": "", "shop/migrations/__init__.py": "",
    "shop/migrations/0001_initial.py": "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    initial = True\n    operations = []\n",
    "shop/models.py": `from django.db import models\n\n\nclass Order(models.Model):\n    number = ${field}\n    total = models.IntegerField(unique=True)\n`,
  });

  it("Django: unique=False on the field", async () => {
    const result = await surveyOf(djangoFiles("models.CharField(max_length=20, unique=False)"), "make shop_order.number NOT NULL");
    expect(result.column?.indexes).toEqual([]);
    const total = await survey(result.root, "make shop_order.total NOT NULL");
    expect(total.column?.indexes.map((i) => i.unique)).toEqual([true]);
  });

  it("Alembic: create_index(…, unique=False) is a plain index", async () => {
    const version = [
      '"""add index\n\nRevision ID: a1\nRevises:\n"""', "from alembic import op", "import sqlalchemy as sa", "",
      'revision = "a1"', "down_revision = None", "", "", "def upgrade():",
      '    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("number", sa.String(20), nullable=False))',
      '    op.create_index("ix_orders_number", "orders", ["number"], unique=False)', "",
    ].join("\n");
    const files = { "alembic.ini": "[alembic]\nscript_location = migrations\n", "migrations/env.py": "from alembic import context\n", "migrations/versions/a1_add_index.py": version };
    const result = await surveyOf(files, "make orders.number NOT NULL");
    expect(result.column?.indexes.map((i) => ({ name: i.name, unique: i.unique }))).toEqual([{ name: "ix_orders_number", unique: false }]);
  });
});

describe("plans written elsewhere with --out", () => {
  it("are not code either, wherever they are", async () => {
    const plan = "# Migration Plan: rename users.name\n\nCurrent State: users.name is used by user.name\n";
    const files = { Gemfile: GEMFILE, "db/schema.rb": SCHEMA_RB, "app/models/user.rb": "class User < ApplicationRecord\n  def label = name\nend\n", "notes/rename-name.md": plan, "docs/guide.md": "# Guide\n\nusers.name holds the display name.\n" };
    const found = await surveyOf(files, "rename users.name to users.full_name");
    const paths = [...found.references.code, ...found.references.tests, ...found.references.sameNameOrUnclear].map((r) => r.path);
    expect(paths).toContain("app/models/user.rb");
    expect(paths).toContain("docs/guide.md");
    expect(paths).not.toContain("notes/rename-name.md");
  });
});
