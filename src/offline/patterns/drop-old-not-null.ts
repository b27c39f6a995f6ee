import type { PlanContext } from "../context.js";
import { mysqlOnline, sqlType } from "../sql.js";
import { step, type Step } from "../step.js";
import { ddl } from "./pattern.js";
import { sqliteRebuild } from "./sqlite-rebuild.js";

/**
 * Before the code stops writing a NOT NULL column, the column must accept NULL, or every INSERT of the new
 * release fails (expand/contract, rule 1). Postgres drops NOT NULL in the catalog alone; the rollback adds a
 * CHECK … NOT VALID instead of SET NOT NULL, so undoing it never scans the table.
 */
export function dropOldNotNull(ctx: PlanContext, deploy: string, table: string, column: string): Step {
  const before = "Run this migration, and let it finish, before the code of the next step is deployed: that code no longer writes the column, and a NOT NULL column would make every insert fail.";
  const declared = ctx.survey.column;
  if (ctx.dialect === "postgres") {
    const check = `${table}_${column}_not_null`.slice(0, 63);
    return step(deploy, `Let \`${table}.${column}\` accept NULL`, [
      before, "`DROP NOT NULL` changes only the catalog: no scan, no rewrite; the brief lock is bounded by the lock timeout.",
    ], `The down migration adds \`CHECK (${column} IS NOT NULL) NOT VALID\`, so new rows need a value again without a scan of the table; rows written without it meanwhile must be backfilled from the new column before that check is validated.`, {
      migration: ddl(`allow_null_${column}_on_${table}`, [`ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL;`], [`ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${column} IS NOT NULL) NOT VALID;`], ctx),
    });
  }
  if (ctx.dialect === "sqlite") {
    const rebuilt = sqliteRebuild(ctx, deploy, table, `${column} without NOT NULL`);
    return { ...rebuilt, body: [before, ...rebuilt.body] };
  }
  const type = sqlType(declared?.type ?? null, ctx.dialect);
  if (ctx.dialect === "mysql") {
    // MODIFY restates the whole column: keep its default, or it is lost.
    const def = ctx.columnDefault ? ` DEFAULT ${ctx.columnDefault}` : "";
    return step(deploy, `Let \`${table}.${column}\` accept NULL`, [
      before, `MODIFY restates the whole column: copy its current definition from \`SHOW CREATE TABLE ${table}\` (charset, collation, comment) into this statement with only NOT NULL removed. ALGORITHM=INPLACE, LOCK=NONE keeps writes going (rule 34).`,
    ], "The down migration makes it NOT NULL again; backfill the rows written without it first, or it fails.", {
      migration: ddl(`allow_null_${column}_on_${table}`, [`ALTER TABLE ${table} MODIFY ${column} ${type}${def} NULL, ${mysqlOnline(false)};`], [`ALTER TABLE ${table} MODIFY ${column} ${type}${def} NOT NULL, ${mysqlOnline(false)};`], ctx),
    });
  }
  return step(deploy, `Let \`${table}.${column}\` accept NULL`, [
    before, "The database engine is unknown: check in its documentation that dropping NOT NULL does not rewrite the table.",
  ], "The down migration makes it NOT NULL again; backfill the rows written without it first, or it fails.", {
    migration: ddl(`allow_null_${column}_on_${table}`, [`ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL;`], [`ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL;`], ctx),
  });
}
