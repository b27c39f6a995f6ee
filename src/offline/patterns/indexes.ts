import type { PlanContext } from "../context.js";
import { cite } from "../code-changes.js";
import { createIndex, indexName } from "../sql.js";
import { step, type Step } from "../step.js";
import { codeStep, concurrent, ddl, type Pattern } from "./pattern.js";

const GENERIC_INDEX_NOTE =
  "The database engine is unknown: on Postgres this must be `CREATE INDEX CONCURRENTLY` alone in a migration without a transaction; on MySQL `ALGORITHM=INPLACE, LOCK=NONE`; check before running.";

/** One index build, in the safest form this database has; Postgres CONCURRENTLY alone in a no-transaction migration. */
export function indexStep(ctx: PlanContext, deploy: string, table: string, columns: string[], unique: boolean): Step {
  const name = indexName(table, columns, unique);
  const sql = createIndex(ctx.dialect, table, columns, unique, name);
  const why: Record<typeof ctx.dialect, string> = {
    postgres: `CONCURRENTLY keeps writes going during the build; it cannot run in a transaction, so it stands alone in its migration with the no-transaction switch${ctx.framework ? ` (${ctx.framework.transaction.optOut})` : ""} (rules 12, 14). \`IF NOT EXISTS\` makes a retry safe; if a build fails, drop the INVALID index before retrying (rule 15).`,
    mysql: "ALGORITHM=INPLACE, LOCK=NONE builds it while reads and writes continue; MySQL refuses rather than locking if it cannot (rule 34).",
    sqlite: "SQLite locks the database for writes while it builds: run it at a quiet time; it is usually quick.",
    generic: GENERIC_INDEX_NOTE,
  };
  return step(deploy, `Build ${unique ? "the unique index" : "the index"} \`${name}\` on \`${table}(${columns.join(", ")})\``, [why[ctx.dialect]],
    "The down migration drops the index.", {
      migration: sql.noTransaction ? concurrent(`add_${name}`, sql.up[0]!, sql.down[0]!) : ddl(`add_${name}`, sql.up, sql.down, ctx),
    });
}

function targetColumns(ctx: PlanContext, column: string): string[] {
  const task = ctx.survey.task;
  return task.columns.length ? task.columns : [column];
}

export function addIndex(ctx: PlanContext, table: string, column: string): Pattern {
  const columns = targetColumns(ctx, column);
  const existing = ctx.survey.column?.indexes.find((i) => i.columns[0] === columns[0]);
  return {
    target: [
      `An index on \`${table}(${columns.join(", ")})\`, built without blocking writes.`,
      ...(existing ? [`Note: an index already starts with \`${columns[0]}\` (\`${existing.name ?? "unnamed"}\`, ${cite(existing.where)}); check whether another is needed — it would slow every write.`] : []),
    ],
    steps: [indexStep(ctx, "Deploy 1", table, columns, ctx.survey.task.flags.unique)],
    validation: ctx.dialect === "postgres"
      ? [{ title: "The index is valid (expect true)", sql: `SELECT indisvalid FROM pg_index WHERE indexrelid = '${indexName(table, columns, ctx.survey.task.flags.unique)}'::regclass;` }]
      : [{ title: "The index exists", sql: ctx.dialect === "mysql" ? `SHOW INDEX FROM ${table};` : `PRAGMA index_list('${table}');` }],
    alternatives: [], caveats: [],
  };
}

export function addUnique(ctx: PlanContext, table: string, column: string): Pattern {
  const columns = targetColumns(ctx, column);
  const cols = columns.join(", ");
  const name = indexName(table, columns, true);
  const existing = ctx.survey.column?.indexes.find((i) => i.unique && i.columns.join(",") === columns.join(","));
  const duplicates = `SELECT ${cols}, count(*) FROM ${table} GROUP BY ${cols} HAVING count(*) > 1 LIMIT 20;`;
  const steps: Step[] = [
    step("Deploy 1 — clean the data", "Find and resolve duplicates first", [
      "The unique build fails if any exist (rule 21). Run the query in Validation; merge or delete the duplicates it lists (a product decision), and make the code check uniqueness before insert so no new ones appear.",
    ], "Restore the merged or deleted rows from the copy taken before cleaning (take one: they are not otherwise kept).", { irreversible: true }),
    codeStep(ctx, "Deploy 1 — clean the data", "Validate uniqueness in code", [
      `Add a uniqueness validation on \`${cols}\` and handle the database's unique-violation error where rows are written.`,
    ], "Redeploy the previous release."),
    indexStep(ctx, "Deploy 2 — enforce", table, columns, true),
  ];
  if (ctx.dialect === "postgres") {
    steps.push(step("Deploy 2 — enforce", "Attach the index as a UNIQUE constraint (optional)", [
      "`USING INDEX` reuses the built index: the lock is brief, with no second build. Skip it if a unique index is enough for the ORM.",
    ], "The down migration drops the constraint and keeps the index.", {
      migration: ddl(`add_${table}_${columns.join("_")}_unique_constraint`, [`ALTER TABLE ${table} ADD CONSTRAINT ${name} UNIQUE USING INDEX ${name};`], [`ALTER TABLE ${table} DROP CONSTRAINT ${name};`, createIndex("postgres", table, columns, true, name).up[0]!.replace(" CONCURRENTLY", "")], ctx),
    }));
  }
  return {
    target: [`\`${table}(${cols})\` is unique, enforced by the database.`, ...(existing ? [`Note: the survey already found a unique index on it (\`${existing.name ?? "unnamed"}\`, ${cite(existing.where)}); check whether this task is needed at all.`] : [])],
    steps,
    validation: [
      { title: "No duplicates before the build (expect no rows)", sql: duplicates },
      ...(ctx.dialect === "postgres" ? [{ title: "The index is valid (expect true)", sql: `SELECT indisvalid FROM pg_index WHERE indexrelid = '${name}'::regclass;` }] : []),
    ],
    alternatives: [], caveats: [],
  };
}
