import { describe, expect, it } from "vitest";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const GEMFILE = 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\n';
const TASK = "add a foreign key from orders.user_id to users";
const CREATE_ORDERS = (refs: string) => `class CreateOrders < ActiveRecord::Migration[7.1]\n  def change\n    create_table :orders do |t|\n      ${refs}\n      t.integer :total_cents, null: false\n    end\n  end\nend\n`;

const surveyOf = surveyTempRepos();

async function foreignKeysOf(files: Record<string, string>, task = TASK) {
  const result = await surveyOf(files, task);
  return (result.column?.foreignKeys ?? []).map((fk) => ({ column: fk.column, toTable: fk.toTable, at: `${fk.where.path}:${fk.where.line}` }));
}

describe("the column's existing foreign key is found where the table declares it", () => {
  it("schema.rb: `add_foreign_key \"orders\", \"users\"` below the tables", async () => {
    const schema = 'ActiveRecord::Schema[7.1].define(version: 2024_01_03_000000) do\n  create_table "orders", force: :cascade do |t|\n    t.bigint "user_id", null: false\n  end\n\n  create_table "users", force: :cascade do |t|\n    t.string "email"\n  end\n\n  add_foreign_key "orders", "users"\nend\n';
    expect(await foreignKeysOf({ Gemfile: GEMFILE, "db/schema.rb": schema })).toEqual([{ column: "user_id", toTable: "users", at: "db/schema.rb:10" }]);
  });

  it("a migration's `t.references :user, foreign_key: true`", async () => {
    const files = { Gemfile: GEMFILE, "db/migrate/20240101000000_create_orders.rb": CREATE_ORDERS("t.references :user, null: false, foreign_key: true") };
    expect(await foreignKeysOf(files)).toEqual([{ column: "user_id", toTable: "users", at: "db/migrate/20240101000000_create_orders.rb:4" }]);
  });

  it("not `t.references` without foreign_key, nor another table's foreign key to users", async () => {
    const files = {
      Gemfile: GEMFILE,
      "db/migrate/20240101000000_create_orders.rb": CREATE_ORDERS("t.references :user, null: false"),
      "db/migrate/20240102000000_create_carts.rb": "class CreateCarts < ActiveRecord::Migration[7.1]\n  def change\n    create_table :carts do |t|\n      t.references :user, foreign_key: true\n    end\n    add_foreign_key :payments, :users\n  end\nend\n",
    };
    expect(await foreignKeysOf(files)).toEqual([]);
  });

  it("CREATE TABLE: a table-level `FOREIGN KEY (user_id) REFERENCES users (id)`", async () => {
    const sql = "-- migrate:up\nCREATE TABLE orders (\n  id bigserial PRIMARY KEY,\n  user_id bigint NOT NULL,\n  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id)\n);\n\n-- migrate:down\nDROP TABLE orders;\n";
    expect(await foreignKeysOf({ "db/migrations/20240101000000_create_orders.sql": sql })).toEqual([
      { column: "user_id", toTable: "users", at: "db/migrations/20240101000000_create_orders.sql:5" },
    ]);
  });

  it("not one a later migration removed, nor one only a down method adds back", async () => {
    const create = CREATE_ORDERS("t.references :user, null: false, foreign_key: true");
    const remove = "class DropOrdersUserFk < ActiveRecord::Migration[7.1]\n  def up\n    remove_foreign_key :orders, :users\n  end\n\n  def down\n    add_foreign_key :orders, :users\n  end\nend\n";
    const files = { Gemfile: GEMFILE, "db/migrate/20240101000000_create_orders.rb": create, "db/migrate/20240201000000_drop_orders_user_fk.rb": remove };
    expect(await foreignKeysOf(files)).toEqual([]);
    const readd = "class ReaddFk < ActiveRecord::Migration[7.1]\n  def change\n    add_foreign_key :orders, :users, validate: false\n  end\nend\n";
    expect(await foreignKeysOf({ ...files, "db/migrate/20240301000000_readd_fk.rb": readd })).toEqual([
      { column: "user_id", toTable: "users", at: "db/migrate/20240301000000_readd_fk.rb:3" },
    ]);
  });

  it("a removal of another column's foreign key leaves this one", async () => {
    const create = CREATE_ORDERS("t.references :user, null: false, foreign_key: true");
    const remove = "class DropFk < ActiveRecord::Migration[7.1]\n  def change\n    remove_foreign_key :orders, column: :coupon_id\n  end\nend\n";
    expect(await foreignKeysOf({ Gemfile: GEMFILE, "db/migrate/20240101000000_create_orders.rb": create, "db/migrate/20240201000000_drop_fk.rb": remove })).toEqual([
      { column: "user_id", toTable: "users", at: "db/migrate/20240101000000_create_orders.rb:4" },
    ]);
  });
});
