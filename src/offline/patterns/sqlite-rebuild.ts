import type { PlanContext } from "../context.js";
import { cite } from "../code-changes.js";
import { distinctIndexes } from "../distinct-indexes.js";
import { indexShape } from "../index-shape.js";
import { createIndex } from "../sql.js";
import { step, type Step } from "../step.js";

/** SQLite runners that wrap each migration in a transaction and offer no way out of it. */
const NO_SWITCH = new Set(["prisma", "drizzle"]);

/**
 * SQLite cannot change a column's type, nullability or constraints in place (rule 35): the documented 12-step
 * rebuild makes a new table, copies the rows, swaps the names and checks the foreign keys, with foreign keys off.
 */
export function sqliteRebuild(ctx: PlanContext, deploy: string, table: string, change: string, dropped: string | null = null): Step {
  // The survey's database column names; a dropped column is not copied into the new table.
  const columns = [...new Set([...(ctx.survey.table?.columns ?? []), ...ctx.planColumns])].filter((c) => c !== dropped);
  const list = columns.length ? columns.join(", ") : null;
  const source = [...(ctx.survey.table?.declarations ?? []), ...(ctx.survey.column?.declarations ?? [])][0];
  const indexes = [...distinctIndexes(ctx.survey.column?.indexes ?? []), ...ctx.planIndexes].filter((i) => dropped === null || !i.columns.includes(dropped));
  // A runner that wraps every file in a transaction, with no switch, cannot turn foreign keys off or BEGIN again.
  const wrapped = ctx.framework !== null && ctx.framework.transaction.wrapped && NO_SWITCH.has(ctx.framework.id);
  const up = [
    ...(wrapped ? ["PRAGMA defer_foreign_keys = ON;"] : ["PRAGMA foreign_keys = OFF;", "BEGIN;"]),
    `-- ${table}_new: the CREATE TABLE of ${table} exactly as \`sqlite3 "$DB_FILE" ".schema ${table}"\` prints it, renamed, with one change: ${change}`,
    `CREATE TABLE ${table}_new (${list ? `${list} -- with their current definitions` : "-- every column of the current table"});`,
    // Only a dropped column needs a list; otherwise every column is copied, including any the repo's files do not show.
    dropped !== null && list ? `INSERT INTO ${table}_new (${list}) SELECT ${list} FROM ${table};` : `INSERT INTO ${table}_new SELECT * FROM ${table};`,
    `DROP TABLE ${table};`,
    `ALTER TABLE ${table}_new RENAME TO ${table};`,
    ...indexes.map((i) => createIndex("sqlite", table, i.columns, i.unique, i.name ?? `index_${table}_on_${i.columns.join("_")}`, indexShape(i)).up[0]!),
    "PRAGMA foreign_key_check;",
    ...(wrapped ? [] : ["COMMIT;", "PRAGMA foreign_keys = ON;"]),
  ];
  return step(deploy, `Rebuild \`${table}\` with \`${change}\``, [
    `SQLite cannot alter this in place, so the table is rebuilt (rule 35). The database is locked for writes while the rows are copied: run it at a quiet time, and back up the database file first.`,
    ...(wrapped ? [`${ctx.framework!.name} runs the file inside a transaction, so foreign keys are deferred to the commit rather than turned off; if a table references \`${table}\` with ON DELETE CASCADE, run the rebuild with \`sqlite3\` outside the runner instead, or the drop would cascade.`] : []),
    `Take the current definition${source ? ` from ${cite(source)} or` : ""} from \`.schema ${table}\`; recreate every index and trigger of the table after the rename.`,
    ...(dropped !== null && list ? [`The column list is the one the repo shows; compare it with \`PRAGMA table_info(${table});\` before running: a column missing from it would not be copied.`] : []),
  ], "The down migration is the same rebuild with the old definition; or restore the file backup taken before.", {
    migration: { slug: `rebuild_${table}`, up, down: null, noTransaction: !wrapped },
  });
}
