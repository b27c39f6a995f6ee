import type { PlanContext } from "../context.js";
import { batchedUpdate, BATCH_SIZE } from "../sql.js";
import { step } from "../step.js";
import type { Pattern } from "./pattern.js";

/** How each framework runs a one-off batched job, so the backfill stays out of a DDL migration (rule 25). */
const JOB_HINTS: Partial<Record<string, string>> = {
  rails: "a rake task or `bin/rails runner` script that runs the statement below in a loop",
  django: "a management command looping over primary-key ranges (or `RunPython` with `atomic = False` and a `reverse_code`)",
  alembic: "a script using the app's session, committing after each batch",
  laravel: "an artisan command that runs the statement below in a loop",
  ecto: "a `mix` task looping with `Repo.update_all` over id ranges",
};

export function backfill(ctx: PlanContext, table: string, column: string): Pattern {
  const value = ctx.taskDefault;
  const job = JOB_HINTS[ctx.framework?.id ?? ""] ?? "a small script or job that runs the statement in a loop";
  const snapshot = `${table}_${column}_before_backfill`;
  return {
    target: [value === null
      ? `\`${table}.${column}\` is filled as the task describes ("${ctx.survey.task.text}"), in batches, without long locks.`
      : `\`${table}.${column}\` holds \`${value}\` where it was NULL.`],
    steps: [
      step("Before the backfill", "Keep the current values", ["So the backfill can be undone:", "", "```sql", `CREATE TABLE ${snapshot} AS SELECT id, ${column} FROM ${table};`, "```"], `Drop the copy when done: \`DROP TABLE ${snapshot};\``),
      step("Backfill", `Update \`${table}\` in batches of ${BATCH_SIZE.toLocaleString("en")} rows`, [
        `Run it from ${job}, outside any migration that changes the schema, pausing between batches; it is idempotent, so it can stop and resume:`,
        "", "```sql",
        value === null
          ? `-- the task's rule for the new value is not a literal the plan could parse: write it as the SET expression\n${batchedUpdate(ctx.dialect, table, `${column} = ${column}`, `${column} IS NULL`)}`
          : batchedUpdate(ctx.dialect, table, `${column} = ${value}`, `${column} IS NULL`),
        "```",
      ], `Irreversible in place; the way back is to restore the old values from \`${snapshot}\` by id, in batches.`, { irreversible: true }),
    ],
    validation: [
      { title: "Nothing left to fill (expect 0)", sql: `SELECT count(*) FROM ${table} WHERE ${column} IS NULL;` },
      { title: "Row parity with the copy (expect equal counts)", sql: `SELECT (SELECT count(*) FROM ${table}) AS live, (SELECT count(*) FROM ${snapshot}) AS copied;` },
    ],
    alternatives: [],
    caveats: value === null ? ["The task does not give the value as a literal; the SET expression in the backfill step must be written from the task's words."] : [],
  };
}
