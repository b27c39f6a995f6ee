import type { PlanContext } from "../context.js";
import { cite } from "../code-changes.js";
import { createIndex, freeIndexName } from "../sql.js";
import type { IndexInfo } from "../../survey/types.js";
import { step, type Step } from "../step.js";
import { codeStep, concurrent, ddl, type Pattern } from "./pattern.js";

const GENERIC_INDEX_NOTE =
  "The database engine is unknown: on Postgres this must be `CREATE INDEX CONCURRENTLY` alone in a migration without a transaction; on MySQL `ALGORITHM=INPLACE, LOCK=NONE`; check before running.";

/** One index build, in the safest form this database has; Postgres CONCURRENTLY alone in a no-transaction migration. */
export function indexStep(ctx: PlanContext, deploy: string, table: string, columns: string[], unique: boolean, name = newIndexName(ctx, table, columns, unique)): Step {
  const sql = createIndex(ctx.dialect, table, columns, unique, name);
  const why: Record<typeof ctx.dialect, string> = {
    postgres: `CONCURRENTLY keeps writes going during the build; it cannot run in a transaction, so it stands alone in its migration with the no-transaction switch${ctx.framework ? ` (${ctx.framework.transaction.optOut})` : ""} (rules 12, 14). If a build fails it leaves an INVALID index of that name: drop it (\`DROP INDEX CONCURRENTLY ${name};\`) before retrying (rule 15).`,
    mysql: "ALGORITHM=INPLACE, LOCK=NONE builds it while reads and writes continue; MySQL refuses rather than locking if it cannot (rule 34).",
    sqlite: "SQLite locks the database for writes while it builds: run it at a quiet time; it is usually quick.",
    generic: GENERIC_INDEX_NOTE,
  };
  // Prisma drops an index its schema does not declare at the next generated migration.
  const prisma = ctx.framework?.id === "prisma"
    ? [`Declare it in the model of \`${table}\` in ${ctx.framework.schemaFiles[0] ? `\`${ctx.framework.schemaFiles[0]}\`` : "the Prisma schema"}: \`${unique ? "@@unique" : "@@index"}([${columns.join(", ")}], map: "${name}")\` (with the model's field names), or the next generated migration drops it.`]
    : [];
  return step(deploy, `Build ${unique ? "the unique index" : "the index"} \`${name}\` on \`${table}(${columns.join(", ")})\``, [why[ctx.dialect], ...prisma],
    "The down migration drops the index.", {
      migration: sql.noTransaction ? concurrent(`add_${name}`, sql.up[0]!, sql.down[0]!) : ddl(`add_${name}`, sql.up, sql.down, ctx),
    });
}

/** A name no index the survey found uses. */
export function newIndexName(ctx: PlanContext, table: string, columns: string[], unique: boolean): string {
  return freeIndexName(table, columns, unique, (ctx.survey.column?.indexes ?? []).map((i) => i.name), ctx.framework?.id === "prisma" ? "prisma" : "rails");
}

function targetColumns(ctx: PlanContext, column: string): string[] {
  const task = ctx.survey.task;
  return task.columns.length ? task.columns : [column];
}

/** An index the survey found on exactly these columns that serves as well (unique when uniqueness is asked). */
function equivalentIndex(ctx: PlanContext, columns: string[], unique: boolean): IndexInfo | undefined {
  return ctx.survey.column?.indexes.find((i) => i.columns.join(",") === columns.join(",") && (i.unique || !unique));
}

/** The plan when the repo already has what the task asks for: no migration, and how to confirm it on the live database. */
function alreadyIndexed(ctx: PlanContext, table: string, columns: string[], existing: IndexInfo, what: string): Pattern {
  const name = existing.name;
  const sql = ctx.dialect === "postgres"
    ? `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = '${table}'${name ? ` AND indexname = '${name}'` : ""};`
    : ctx.dialect === "mysql" ? `SHOW INDEX FROM ${table}${name ? ` WHERE Key_name = '${name}'` : ""};` : `PRAGMA index_list('${table}');`;
  return {
    target: [`${what} — which the repo says it already has: ${existing.unique ? "the unique index" : "the index"} \`${name ?? "unnamed"}\` on \`${table}(${columns.join(", ")})\` (${cite(existing.where)}). Nothing to do.`],
    steps: [step("Before any change", "Confirm the live database has the index", [
      "The schema in the repo already declares an equivalent index, so no migration is proposed: a second index would only slow every write. Run the query in Validation against production; if it returns no row, the repo and the database disagree, and this plan should be rerun once the schema file reflects the database.",
    ], "Nothing to undo: no change is made.")],
    validation: [{ title: `The index exists on the live database (expect ${name ? "one row" : "it listed"})`, sql }],
    alternatives: [], caveats: [],
  };
}

export function addIndex(ctx: PlanContext, table: string, column: string): Pattern {
  const columns = targetColumns(ctx, column);
  const unique = ctx.survey.task.flags.unique;
  const equivalent = equivalentIndex(ctx, columns, unique);
  if (equivalent) return alreadyIndexed(ctx, table, columns, equivalent, `An index on \`${table}(${columns.join(", ")})\``);
  const name = newIndexName(ctx, table, columns, unique);
  const existing = ctx.survey.column?.indexes.find((i) => i.columns[0] === columns[0]);
  return {
    target: [
      `An index on \`${table}(${columns.join(", ")})\`, built without blocking writes.`,
      ...(existing ? [`Note: an index already starts with \`${columns[0]}\` (\`${existing.name ?? "unnamed"}\`, ${cite(existing.where)}); check whether another is needed — it would slow every write.`] : []),
    ],
    steps: [indexStep(ctx, "Deploy 1", table, columns, unique, name)],
    validation: ctx.dialect === "postgres"
      ? [{ title: "The index is valid (expect true)", sql: `SELECT indisvalid FROM pg_index WHERE indexrelid = '${name}'::regclass;` }]
      : [{ title: "The index exists", sql: ctx.dialect === "mysql" ? `SHOW INDEX FROM ${table};` : `PRAGMA index_list('${table}');` }],
    alternatives: [], caveats: [],
  };
}

export function addUnique(ctx: PlanContext, table: string, column: string): Pattern {
  const columns = targetColumns(ctx, column);
  const cols = columns.join(", ");
  const existing = equivalentIndex(ctx, columns, true);
  if (existing) return alreadyIndexed(ctx, table, columns, existing, `\`${table}(${cols})\` is unique, enforced by the database`);
  const name = newIndexName(ctx, table, columns, true);
  const duplicates = `SELECT ${cols}, count(*) FROM ${table} GROUP BY ${cols} HAVING count(*) > 1 LIMIT 20;`;
  const steps: Step[] = [
    step("Deploy 1 — clean the data", "Find and resolve duplicates first", [
      "The unique build fails if any exist (rule 21). Run the query in Validation; merge or delete the duplicates it lists (a product decision), and make the code check uniqueness before insert so no new ones appear.",
    ], "Restore the merged or deleted rows from the copy taken before cleaning (take one: they are not otherwise kept).", { irreversible: true }),
    codeStep(ctx, "Deploy 1 — clean the data", "Validate uniqueness in code", [
      `Add a uniqueness validation on \`${cols}\` and handle the database's unique-violation error where rows are written.`,
    ], "Redeploy the previous release."),
    indexStep(ctx, "Deploy 2 — enforce", table, columns, true, name),
  ];
  if (ctx.dialect === "postgres") {
    steps.push(step("Deploy 2 — enforce", "Attach the index as a UNIQUE constraint (optional)", [
      "`USING INDEX` reuses the built index: the lock is brief, with no second build. Skip it if a unique index is enough for the ORM.",
    ], "The down migration drops the constraint, and Postgres drops its index with it; to keep a plain unique index instead, roll back the previous step too and run it again, which rebuilds the index concurrently.", {
      migration: ddl(`add_${table}_${columns.join("_")}_unique_constraint`, [`ALTER TABLE ${table} ADD CONSTRAINT ${name} UNIQUE USING INDEX ${name};`], [`ALTER TABLE ${table} DROP CONSTRAINT ${name};`], ctx),
    }));
  }
  return {
    target: [`\`${table}(${cols})\` is unique, enforced by the database.`],
    steps,
    validation: [
      { title: "No duplicates before the build (expect no rows)", sql: duplicates },
      ...(ctx.dialect === "postgres" ? [{ title: "The index is valid (expect true)", sql: `SELECT indisvalid FROM pg_index WHERE indexrelid = '${name}'::regclass;` }] : []),
    ],
    alternatives: [], caveats: [],
  };
}
