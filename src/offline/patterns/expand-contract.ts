import type { PlanContext } from "../context.js";
import { dualWriteHint, ignoreColumnHint } from "../orm-hints.js";
import { batchedUpdate, createIndex, dropIndex, freeIndexName, mysqlOnline } from "../sql.js";
import { step, type Step } from "../step.js";
import { distinctIndexes } from "../distinct-indexes.js";
import { indexShape } from "../index-shape.js";
import { dropOldNotNull } from "./drop-old-not-null.js";
import { notNullSteps } from "./not-null.js";
import { sqliteRebuild } from "./sqlite-rebuild.js";
import { cite } from "../code-changes.js";
import { notValidThenValidate } from "./constraints.js";
import { codeStep, concurrent, ddl, mysqlAddColumnClause, type Pattern } from "./pattern.js";

/**
 * Expand/contract (rules 1, 2, 4, 25): add the new column, write both, backfill, build its indexes, switch reads,
 * stop writing the old one, drop it. Used for a rename and for a type change that would rewrite the table.
 */
export function expandContract(ctx: PlanContext, table: string, from: string, to: string, type: string, copy: string): Pattern {
  const { dialect } = ctx;
  const fw = ctx.framework?.id;
  const old = ctx.survey.column;
  const addClause = dialect === "mysql" ? `, ${mysqlAddColumnClause(ctx)}` : "";
  const steps: Step[] = [];
  const D1 = "Deploy 1 — expand";
  const D2 = "Deploy 2 — backfill and index";
  const D3 = "Deploy 3 — switch reads";
  const D4 = "Deploy 4 — contract";

  // The old column's default goes to the new one once it exists: existing rows stay NULL for the backfill, and inserts
  // that leave the column out keep getting a value (else they fail once the new column is NOT NULL).
  ctx.planColumns.push(to);
  const keepDefault = old?.column === from && ctx.columnDefault ? [`ALTER TABLE ${table} ALTER COLUMN ${to} SET DEFAULT ${ctx.columnDefault};`] : [];
  steps.push(step(D1, `Add \`${table}.${to}\`, nullable`, [
    `Nullable, with no default when added, so adding it is a catalog change: no rewrite, no long lock.${keepDefault.length ? ` Then it takes \`${from}\`'s default, for new rows only.` : ""}`,
  ], `The down migration drops \`${table}.${to}\`; nothing reads it yet.`, {
    migration: ddl(`add_${to}_to_${table}`, [`ALTER TABLE ${table} ADD COLUMN ${to} ${type}${addClause};`, ...keepDefault], [`ALTER TABLE ${table} DROP COLUMN ${to};`], ctx),
  }));
  steps.push(codeStep(ctx, D1, `Write both columns`, [
    `Deploy code that writes \`${to}\` wherever it writes \`${from}\` (same value${copy === from ? "" : `, converted as \`${copy}\``}; ${dualWriteHint(fw, from, to)}), and still reads \`${from}\`. Old instances still running during this deploy keep writing only \`${from}\`; the backfill that follows covers their rows.`,
  ], "Redeploy the previous release; the extra writes to the new column are harmless."));

  const backfillSql = batchedUpdate(dialect, table, `${to} = ${copy}`, `${to} IS NULL AND ${from} IS NOT NULL`);
  steps.push(step(D2, `Backfill \`${to}\` in batches, outside any migration`, [
    `After deploy 1 is live everywhere, run this from a job or a console session, repeating until it updates 0 rows (pause between batches to let replicas keep up):`,
    "", "```sql", backfillSql, "```",
    "It is idempotent and holds each row lock only for one batch; it is kept out of a DDL migration so no schema lock is held while it runs (rule 25).",
  ], `Nothing to undo: \`${from}\` is untouched. To redo the copy: \`UPDATE ${table} SET ${to} = NULL;\` in batches, then rerun.`));

  const indexes = distinctIndexes(old?.indexes ?? []).filter((i) => i.columns.includes(from));
  for (const index of indexes) {
    const columns = index.columns.map((c) => (c === from ? to : c));
    const name = freeIndexName(table, columns, index.unique, (old?.indexes ?? []).map((i) => i.name), fw === "prisma" ? "prisma" : "rails");
    const shape = indexShape(index);
    // A partial index's condition on the old column is about the new one now.
    const renamed = { ...shape, where: shape.where?.replace(new RegExp(`(?<![\\w$])${from}(?![\\w$])`, "g"), to) ?? null };
    const sql = createIndex(dialect, table, columns, index.unique, name, renamed);
    ctx.planIndexes.push({ name, columns, unique: index.unique, where: { ...index.where, text: sql.up[0] ?? "" } });
    const spec = sql.noTransaction ? concurrent(`add_${name}`, sql.up[0]!, sql.down[0]!) : ddl(`add_${name}`, sql.up, sql.down, ctx);
    steps.push(step(D2, `Build ${index.unique ? "a unique index" : "an index"} on \`${table}.${to}\` like the one on \`${from}\``, [
      sql.noTransaction ? "CONCURRENTLY, alone in its migration with the no-transaction switch: writes continue during the build (rules 12, 14)." : "Online, without blocking writes.",
    ], "The down migration drops the new index.", { migration: spec }));
  }
  if (old?.nullable === false) steps.push(...notNullSteps(ctx, table, to, D2));
  steps.push(...foreignKeySteps(ctx, D2, table, from, to));

  steps.push(codeStep(ctx, D3, `Read \`${to}\` instead of \`${from}\``, [
    `Switch every read to \`${to}\`; keep writing both columns so this deploy can be rolled back.`,
  ], `Redeploy the release of step 2: \`${from}\` is still written, so it is current.`));
  if (old?.nullable === false) steps.push(dropOldNotNull(ctx, D4, table, from));
  steps.push(step(D4, `Stop writing \`${from}\``, [
    `Remove the writes of \`${from}\` and ${ignoreColumnHint(fw, table, from)}. Deploy and wait until no instance of the old release runs.`,
  ], `Redeploy the release that switched reads; then backfill \`${from}\` from \`${to}\` for rows written meanwhile.`));

  if (dialect === "postgres") {
    for (const index of indexes.filter((i) => i.name)) {
      const recreate = createIndex(dialect, table, index.columns, index.unique, index.name!, indexShape(index)).up[0]!;
      steps.push(step(D4, `Drop the index \`${index.name}\` on \`${from}\` concurrently`, [
        "Dropping it first keeps the column drop a short catalog change (rule 13).",
      ], "The down migration rebuilds the index concurrently.", { migration: concurrent(`remove_${index.name}`, dropIndex(dialect, table, index.name!), recreate) }));
    }
  }
  const wayBack = `Irreversible: the down migration cannot restore the data. The way back: re-add \`${from}\` (nullable) and backfill it from \`${to}\` in batches, then redeploy the code of step 2.`;
  // SQLite refuses DROP COLUMN on an indexed, UNIQUE or constrained column: the table is rebuilt without it.
  if (dialect === "sqlite") steps.push({ ...sqliteRebuild(ctx, D4, table, `no column ${from}`, from), rollback: wayBack, irreversible: true });
  else steps.push(step(D4, `Drop \`${table}.${from}\``, [
    "This is the point of no return: once it runs, the old column's data is gone.",
  ], wayBack, {
    irreversible: true,
    migration: ddl(`remove_${from}_from_${table}`, [`ALTER TABLE ${table} DROP COLUMN ${from}${dialect === "mysql" ? `, ${mysqlOnline(false)}` : ""};`], null, ctx),
  }));

  return {
    target: [],
    steps,
    validation: [
      { title: `Row parity after the backfill (expect 0)`, sql: `SELECT count(*) FROM ${table} WHERE ${from} IS NOT NULL AND ${to} IS NULL;` },
      { title: `The copy matches (expect 0)`, sql: `SELECT count(*) FROM ${table} WHERE ${to} IS DISTINCT FROM ${copy};`.replace("IS DISTINCT FROM", dialect === "mysql" ? "<>" : "IS DISTINCT FROM") },
    ],
    alternatives: [],
    caveats: [],
  };
}

/** The old column's foreign keys, made again on the new one before the old is dropped (which drops them with it). */
function foreignKeySteps(ctx: PlanContext, deploy: string, table: string, from: string, to: string): Step[] {
  const old = ctx.survey.column;
  if (old?.column !== from) return [];
  return old.foreignKeys.flatMap((fk) => {
    const name = `fk_${table}_${to}`.slice(0, 63);
    const definition = `FOREIGN KEY (${to}) REFERENCES ${fk.toTable} (${fk.toColumn ?? "id"})`;
    const keep = `Copy its ON DELETE / ON UPDATE actions from the original (${cite(fk.where)}) into this definition.`;
    if (ctx.dialect === "postgres") {
      const [add, validate] = notValidThenValidate(ctx, deploy, table, name, definition);
      return [{ ...add!, body: [...add!.body, keep] }, validate!];
    }
    return [step(deploy, `Add the foreign key of \`${from}\` to \`${to}\``, [
      `\`${from}\` references \`${fk.toTable}\`; dropping it drops that foreign key, so \`${to}\` gets it first: \`ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition};\` (on MySQL, online only with foreign_key_checks=0, rule 18). ${keep}`,
    ], "Drop the new foreign key.")];
  });
}
