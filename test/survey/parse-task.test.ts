import { describe, expect, it } from "vitest";
import { parseTask } from "../../src/survey/task/parse-task.js";
import type { ParsedTask } from "../../src/survey/types.js";

type Expect = Partial<Omit<ParsedTask, "flags">> & { flags?: Partial<ParsedTask["flags"]> };

/** Phrasings people use, and the reading each must get; several are easy to misread on purpose. */
const CASES: [string, Expect][] = [
  ["rename users.email to users.email_address", { operation: "rename_column", table: "users", column: "email", newName: "email_address", newNameProposed: false, unparsed: null }],
  ["rename users.email to email_address", { operation: "rename_column", table: "users", column: "email", newName: "email_address" }],
  ["rename users.email", { operation: "rename_column", table: "users", column: "email", newName: "email_address", newNameProposed: true }],
  ["rename orders.ref", { operation: "rename_column", table: "orders", column: "ref", newName: "ref_new", newNameProposed: true }],
  ["rename column email to email_address on users", { operation: "rename_column", table: "users", column: "email", newName: "email_address" }],
  ["rename the email column on users to email_address", { operation: "rename_column", table: "users", column: "email", newName: "email_address" }],
  ["\"User\".email to email_address", { operation: "rename_column", table: "User", model: null, column: "email", newName: "email_address" }],
  ["rename User.email to emailAddress", { operation: "rename_column", model: "User", table: "users", column: "email", newName: "emailAddress" }],
  ["rename `users`.`email` to `email_address`", { operation: "rename_column", table: "users", column: "email", newName: "email_address" }],
  ["rename public.users.email to email_address", { operation: "rename_column", table: "users", column: "email", newName: "email_address" }],
  ["users.email -> users.email_address", { operation: "rename_column", table: "users", column: "email", newName: "email_address" }],
  ["add an index on orders.created_at concurrently", { operation: "add_index", table: "orders", column: "created_at", flags: { concurrently: true, unique: false }, newName: null }],
  ["add a unique index on users.email", { operation: "add_index", table: "users", column: "email", flags: { unique: true } }],
  ["create an index on orders(created_at, status)", { operation: "add_index", table: "orders", columns: ["created_at", "status"] }],
  ["index orders.customer_id and orders.placed_at", { operation: "add_index", table: "orders", columns: ["customer_id", "placed_at"] }],
  ["make accounts.plan NOT NULL", { operation: "add_not_null", table: "accounts", column: "plan", flags: { notNull: true } }],
  ["make accounts.plan required", { operation: "add_not_null", table: "accounts", column: "plan" }],
  ["add a NOT NULL constraint to accounts.plan", { operation: "add_not_null", table: "accounts", column: "plan" }],
  ["make users.email unique", { operation: "add_unique", table: "users", column: "email", flags: { unique: true } }],
  ["add a unique constraint on users.email", { operation: "add_unique", table: "users", column: "email" }],
  ["drop the legacy_tokens table", { operation: "drop_table", table: "legacy_tokens", column: null }],
  ["drop table legacy_tokens", { operation: "drop_table", table: "legacy_tokens" }],
  ["remove users.legacy_token", { operation: "drop_column", table: "users", column: "legacy_token" }],
  ["remove the legacy_token column from users", { operation: "drop_column", table: "users", column: "legacy_token" }],
  ["drop column nickname from users", { operation: "drop_column", table: "users", column: "nickname" }],
  ["change orders.total from integer to bigint", { operation: "change_type", table: "orders", column: "total", newType: "bigint" }],
  ["change the type of orders.total to numeric(12,2)", { operation: "change_type", table: "orders", column: "total", newType: "numeric(12,2)" }],
  ["convert users.id to uuid", { operation: "change_type", table: "users", column: "id", newType: "uuid" }],
  ["add users.last_login_at timestamptz", { operation: "add_column", table: "users", column: "last_login_at", newType: "timestamptz" }],
  ["add column users.score integer not null default 0", { operation: "add_column", table: "users", column: "score", newType: "integer", default: "0", flags: { notNull: true } }],
  ["add a boolean column archived to projects with default false", { operation: "add_column", table: "projects", column: "archived", newType: "boolean", default: "false" }],
  ["add a foreign key from orders.user_id to users.id", { operation: "add_foreign_key", table: "orders", column: "user_id", references: { table: "users", column: "id" } }],
  ["add a check constraint on orders.total >= 0", { operation: "add_check", table: "orders", column: "total" }],
  ["rename the users table to accounts", { operation: "rename_table", table: "users", newName: "accounts", column: null }],
  ["rename table users to accounts", { operation: "rename_table", table: "users", newName: "accounts" }],
  ["rename table users", { operation: "rename_table", table: "users", newName: "users_new", newNameProposed: true }],
  ["split the users table into users and profiles", { operation: "split_table", table: "users", otherTable: "profiles" }],
  ["merge the profiles table into users", { operation: "merge_tables", table: "profiles", otherTable: "users" }],
  ["backfill users.email_normalized from users.email", { operation: "backfill", table: "users", column: "email_normalized" }],
  ["upgrade from Rails 7.1 to 8.0", { operation: "upgrade", table: null, upgrade: { target: "rails", from: "7.1", to: "8.0" }, unparsed: null }],
  ["upgrade Django to 5.0", { operation: "upgrade", upgrade: { target: "django", from: null, to: "5.0" } }],
  ["upgrade postgres 15 to 16", { operation: "upgrade", upgrade: { target: "postgres", from: "15", to: "16" } }],
  ["rename users.email to email_address; then drop users.legacy", { operation: "rename_column", column: "email", newName: "email_address", unparsed: "drop users.legacy" }],
  ["make the app faster", { operation: "unknown", table: null, unparsed: "make the app faster" }],
];

describe("parseTask", () => {
  it.each(CASES)("reads %j", (text, expected) => {
    const task = parseTask(text);
    const { flags, ...rest } = expected;
    expect(task).toMatchObject(rest);
    if (flags) expect(task.flags).toMatchObject(flags);
    expect(task.text).toBe(text);
  });

  it("keeps an unparsed request whole and says so", () => {
    const task = parseTask("do something clever with the reports");
    expect(task.operation).toBe("unknown");
    expect(task.unparsed).toBe("do something clever with the reports");
  });
});
