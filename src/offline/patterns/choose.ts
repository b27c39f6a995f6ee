import type { PlanContext } from "../context.js";
import { step } from "../step.js";
import { backfill } from "./backfill.js";
import { addColumn, changeType, dropColumn, renameColumn } from "./columns.js";
import { addCheck, addForeignKey } from "./constraints.js";
import { addIndex, addUnique } from "./indexes.js";
import { addNotNull } from "./not-null.js";
import type { Pattern } from "./pattern.js";
import { dropTable, moveColumns, movedColumns, renameTable } from "./tables.js";
import { upgrade } from "./upgrade.js";

/** The safe pattern for the task's operation (rules.md), or an honest plan that says what it cannot settle. */
export function choosePattern(ctx: PlanContext): Pattern {
  const { table, column } = ctx;
  const op = ctx.survey.task.operation;
  if (op === "upgrade") return upgrade(ctx);
  if (op === "unknown") return cannotPlan(ctx, "the task could not be read as one of the operations this tool plans offline");
  if (!table) return cannotPlan(ctx, "the task names no table the survey could identify");
  if (op === "rename_table") return renameTable(ctx, table);
  if (op === "drop_table") return dropTable(ctx, table);
  if (op === "split_table" || op === "merge_tables") {
    if (movedColumns(ctx).length === 0) return cannotPlan(ctx, "the task does not list the columns to move");
    return moveColumns(ctx, table, op === "merge_tables");
  }
  if (!column) return cannotPlan(ctx, `the task names no column of \`${table}\``);
  // Only add_column creates its column; every other operation needs one the repo declares, or the plan would be a guess.
  if (op !== "add_column" && !declared(ctx, column)) return cannotPlan(ctx, columnNotFound(ctx, table, column));
  switch (op) {
    case "rename_column": return renameColumn(ctx, table, column);
    case "drop_column": return dropColumn(ctx, table, column);
    case "add_column": return addColumn(ctx, table, column);
    case "change_type": return changeType(ctx, table, column);
    case "add_index": return ctx.survey.task.flags.unique ? addUnique(ctx, table, column) : addIndex(ctx, table, column);
    case "add_unique": return addUnique(ctx, table, column);
    case "add_not_null": return addNotNull(ctx, table, column);
    case "add_foreign_key": return addForeignKey(ctx, table, column);
    case "add_check": return addCheck(ctx, table, column);
    case "backfill": return backfill(ctx, table, column);
  }
}

function declared(ctx: PlanContext, column: string): boolean {
  const found = ctx.survey.column;
  return found !== null && found.column === column && found.declarations.length > 0;
}

function columnNotFound(ctx: PlanContext, table: string, column: string): string {
  const columns = ctx.survey.table?.table === table ? ctx.survey.table.columns : [];
  const has = columns.length
    ? `; the columns the survey found on \`${table}\` are ${columns.map((c) => `\`${c}\``).join(", ")}`
    : `; the survey found no column of \`${table}\` either: check the table's name`;
  return `no declaration of the column \`${table}.${column}\` was found in the repo${has}`;
}

function cannotPlan(ctx: PlanContext, reason: string): Pattern {
  const unparsed = ctx.survey.task.unparsed;
  return {
    target: [`Not determined offline: ${reason}${unparsed ? ` (not understood: "${unparsed}")` : ""}.`],
    steps: [
      step("Before any change", "Restate the task", [
        "Write it as one operation on a named table and column, for example `rename users.email to users.email_address`, `add a unique index on orders.number`, `make users.name NOT NULL`, and run the offline plan again; or run without `--offline` so a model can read the repo and plan it.",
      ], "Nothing to undo: no change is made."),
    ],
    validation: [{ title: "No change is made by this plan, so there is nothing to validate yet." }],
    alternatives: [],
    caveats: [`This plan does not propose migrations: ${reason}.`],
  };
}
