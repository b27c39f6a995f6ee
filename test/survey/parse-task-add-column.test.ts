import { describe, expect, it } from "vitest";
import { parseTask } from "../../src/survey/task/parse-task.js";

/** cli.md's own example and its neighbours: flags and types between the article and the new column's name. */
describe("parseTask reads `add a <flags> <name> column to <table>`", () => {
  it.each([
    ["add a NOT NULL plan column to accounts", { table: "accounts", column: "plan", notNull: true, newType: null }],
    ["add a nullable archived_at column to users", { table: "users", column: "archived_at", notNull: false, newType: null }],
    ["add column plan to accounts", { table: "accounts", column: "plan", notNull: false, newType: null }],
    ["add a non-null boolean active column to accounts", { table: "accounts", column: "active", notNull: true, newType: "boolean" }],
    ["add a new text bio column to users", { table: "users", column: "bio", notNull: false, newType: "text" }],
  ])("%j", (text, expected) => {
    const task = parseTask(text);
    expect({ operation: task.operation, table: task.table, column: task.column, notNull: task.flags.notNull, newType: task.newType, unparsed: task.unparsed })
      .toEqual({ operation: "add_column", ...expected, unparsed: null });
  });
});
