import { cite } from "../code-changes.js";
import type { PlanContext } from "../context.js";
import { batchedUpdate, mysqlOnline, sqlType } from "../sql.js";
import { step, type Step } from "../step.js";
import { sqliteRebuild } from "./sqlite-rebuild.js";
import { codeStep, ddl, type Pattern } from "./pattern.js";

/** Postgres from 12 uses a validated CHECK to skip the scan of SET NOT NULL (rule 6). */
const PG_SET_NOT_NULL_USES_CHECK = 12;

/** The migrations that make an existing column NOT NULL without a long lock, per database. */
export function notNullSteps(ctx: PlanContext, table: string, column: string, deploy: string): Step[] {
  const check = `${table}_${column}_not_null`.slice(0, 63);
  if (ctx.dialect === "postgres") {
    const keepCheck = ctx.major !== null && ctx.major < PG_SET_NOT_NULL_USES_CHECK;
    return [
      step(deploy, `Add \`CHECK (${column} IS NOT NULL) NOT VALID\``, [
        "NOT VALID takes only a brief lock: existing rows are not scanned, new writes are checked (rule 6).",
      ], "The down migration drops the check.", {
        migration: ddl(`add_${check}_check`, [`ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${column} IS NOT NULL) NOT VALID;`], [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${check};`], ctx),
      }),
      step(deploy, `Validate the check in its own migration`, [
        "VALIDATE scans the table under SHARE UPDATE EXCLUSIVE: reads and writes go on.",
      ], "Nothing to undo: validation changes no data (the previous rollback drops the check).", {
        migration: ddl(`validate_${check}`, [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${check};`], [], ctx),
      }),
      keepCheck
        ? step(deploy, "Keep the validated check as the NOT NULL guarantee", [
            `Before Postgres ${PG_SET_NOT_NULL_USES_CHECK}, \`SET NOT NULL\` scans the table under ACCESS EXCLUSIVE even with the check; the validated check enforces the same rule without that scan.`,
          ], "Nothing to undo.")
        : step(deploy, `\`SET NOT NULL\`, then drop the check`, [
            `Postgres ${PG_SET_NOT_NULL_USES_CHECK}+ sees the validated check and skips the full scan.`,
          ], "The down migration drops NOT NULL and restores the check.", {
            migration: ddl(`set_${column}_not_null_on_${table}`, [
              `ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL;`,
              `ALTER TABLE ${table} DROP CONSTRAINT ${check};`,
            ], [
              `ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${column} IS NOT NULL) NOT VALID;`,
              `ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL;`,
            ], ctx),
          }),
    ];
  }
  const type = sqlType(ctx.survey.column?.type ?? null, ctx.dialect);
  if (ctx.dialect === "mysql") {
    // MODIFY replaces the whole column definition: keep its default.
    const def = ctx.survey.column?.column === column && ctx.columnDefault ? ` DEFAULT ${ctx.columnDefault}` : "";
    return [step(deploy, `Make \`${column}\` NOT NULL online`, [
      "ALGORITHM=INPLACE, LOCK=NONE rebuilds the table in place while writes continue; MySQL refuses (rather than locking) if it cannot. On a large table run the same ALTER through gh-ost or pt-online-schema-change (rule 34).",
      "Strict SQL mode must be on, or MySQL would silently turn NULLs into zero values.",
      `MODIFY replaces the whole definition of the column: compare it with \`SHOW CREATE TABLE ${table}\` and restate anything else it has (CHARACTER SET, COLLATE, COMMENT), or it is lost.`,
    ], "The down migration makes it nullable again.", {
      migration: ddl(`set_${column}_not_null_on_${table}`, [`ALTER TABLE ${table} MODIFY ${column} ${type}${def} NOT NULL, ${mysqlOnline(false)};`], [`ALTER TABLE ${table} MODIFY ${column} ${type}${def} NULL, ${mysqlOnline(false)};`], ctx),
    })];
  }
  if (ctx.dialect === "sqlite") return [sqliteRebuild(ctx, deploy, table, `${column} ${type} NOT NULL`)];
  return [step(deploy, `Make \`${column}\` NOT NULL`, [
    "The database engine is unknown, so this plan cannot say whether this statement scans or rewrites the table under a lock: check your engine's documentation first (on Postgres use the CHECK … NOT VALID path, on MySQL ALGORITHM=INPLACE, LOCK=NONE, on SQLite a table rebuild).",
  ], "The down migration makes it nullable again.", {
    migration: ddl(`set_${column}_not_null_on_${table}`, [`ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL;`], [`ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL;`], ctx),
  })];
}

/** The add_not_null operation: stop writing NULLs, backfill them, then the migrations above. */
export function addNotNull(ctx: PlanContext, table: string, column: string): Pattern {
  const declared = ctx.survey.column;
  if (declared?.nullable === false && declared.column === column) {
    const where = declared.declarations[0];
    return {
      target: [`\`${table}.${column}\` is NOT NULL — which the repo says it already is${where ? ` (${cite(where)})` : ""}.`],
      steps: [step("Before any change", "Confirm the live database matches the repo", [
        "The schema in the repo already declares the column NOT NULL, so no migration is proposed. Run the query in Validation against production: if it reports `YES`, the repo and the database disagree, and this plan should be rerun once the schema file reflects the database.",
      ], "Nothing to undo: no change is made.")],
      validation: [{ title: "The live column's nullability (expect NO)", sql: ctx.dialect === "sqlite" ? `PRAGMA table_info('${table}');` : `SELECT is_nullable FROM information_schema.columns WHERE table_name = '${table}' AND column_name = '${column}';` }],
      alternatives: [], caveats: [],
    };
  }
  const value = ctx.taskDefault ?? ctx.columnDefault;
  const fill = value === null
    ? [`The task gives no value for existing NULL rows and the column has no default: decide one (or delete those rows) before this step; the query in Validation counts them.`]
    : ["Run this from a job or console, repeating until it updates 0 rows:", "", "```sql", batchedUpdate(ctx.dialect, table, `${column} = ${value}`, `${column} IS NULL`), "```"];
  const steps: Step[] = [
    codeStep(ctx, "Deploy 1 — stop writing NULLs", `Make the code always write \`${column}\``, [
      `Validate presence of \`${column}\` in the model and give every insert path a value, so no new NULLs appear while the constraint is built.`,
    ], "Redeploy the previous release."),
    step("Deploy 1 — stop writing NULLs", `Backfill the NULLs of \`${table}.${column}\` in batches`, fill, `Irreversible for the rows it fills: the old NULLs are not kept. The way back: keep their ids first (\`CREATE TABLE ${table}_${column}_nulls AS SELECT id FROM ${table} WHERE ${column} IS NULL;\`) and set them back to NULL from that table.`, { irreversible: true }),
    ...notNullSteps(ctx, table, column, "Deploy 2 — enforce"),
  ];
  return {
    target: [`\`${table}.${column}\` is NOT NULL, enforced by the database.`],
    steps,
    validation: [{ title: "No NULLs left before the constraint is validated (expect 0)", sql: `SELECT count(*) FROM ${table} WHERE ${column} IS NULL;` }],
    alternatives: [],
    caveats: value === null ? ["The value for existing NULL rows is not in the task."] : [],
  };
}
