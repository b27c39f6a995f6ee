import { binaryCompatible } from "../../rules/binary-compatible.js";
import type { PlanContext } from "../context.js";
import { ignoreColumnHint, mappingHint } from "../orm-hints.js";
import { batchedUpdate, convertedValue, defaultFor, dropIndex, mysqlOnline, sqlType } from "../sql.js";
import { step, type Step } from "../step.js";
import { distinctIndexes } from "../distinct-indexes.js";
import { indexShape, indexTail } from "../index-shape.js";
import { expandContract } from "./expand-contract.js";
import { notNullSteps } from "./not-null.js";
import { codeStep, concurrent, ddl, mysqlAddColumnClause, type Pattern } from "./pattern.js";
import { sqliteRebuild } from "./sqlite-rebuild.js";

export function renameColumn(ctx: PlanContext, table: string, column: string): Pattern {
  const task = ctx.survey.task;
  const to = task.newName ?? `${column}_new`;
  const pattern = expandContract(ctx, table, column, to, sqlType(ctx.survey.column?.type ?? null, ctx.dialect), column);
  pattern.target.push(`\`${table}.${column}\` is renamed to \`${table}.${to}\`, with no downtime: the code reads and writes \`${to}\`, and \`${column}\` is gone.`);
  if (task.newNameProposed) pattern.target.push(`The task gave no new name; \`${to}\` is proposed — change it throughout if another is wanted.`);
  const mapping = mappingHint(ctx.framework?.id, column, to);
  if (mapping) {
    pattern.alternatives.push(`Rename only in code, with no database change at all: ${mapping}. One deploy, nothing to roll back in the database; the column keeps its old name in SQL, raw queries and reports.`);
  }
  if (ctx.dialect === "sqlite") {
    pattern.alternatives.push(`If one process owns the SQLite file (no old and new code running side by side), \`ALTER TABLE ${table} RENAME COLUMN ${column} TO ${to};\` (SQLite 3.25+) with the code change in one deploy is enough.`);
  }
  return pattern;
}

export function changeType(ctx: PlanContext, table: string, column: string): Pattern {
  const newType = ctx.survey.task.newType;
  if (!newType) return renameColumn(ctx, table, column);
  const type = sqlType(newType, ctx.dialect);
  const current = ctx.survey.column?.type ?? null;
  const target = [`\`${table}.${column}\` has the type \`${type}\`${current ? ` (now \`${current}\`)` : ""}.`];
  const preCheck = { title: "Every existing value converts (expect no error, and the count of rows)", sql: `SELECT count(*) FROM ${table} WHERE ${column} IS NOT NULL AND ${convertedValue(column, current, type, ctx.dialect)} IS NULL;` };
  if (ctx.dialect === "postgres" && binaryCompatible(current, type)) {
    return { target, alternatives: [], caveats: [], validation: [preCheck], steps: [
      step("Deploy 1", `Change the type in place`, [`\`${current}\` → \`${type}\` is binary-compatible: Postgres changes the catalog without rewriting the table; the brief ACCESS EXCLUSIVE lock is bounded by the lock timeout.`], "The down migration restores the old type (this one would rewrite: only if needed).", {
        migration: ddl(`change_${column}_type_on_${table}`, [`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE ${type};`], [`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE ${sqlType(current, ctx.dialect)};`], ctx),
      }),
    ] };
  }
  if (ctx.dialect === "mysql") {
    // MODIFY replaces the whole column definition: what it does not restate (NOT NULL, DEFAULT) is lost.
    const declared = ctx.survey.column;
    const keep = `${declared?.nullable === false ? " NOT NULL" : ""}${ctx.columnDefault ? ` DEFAULT ${ctx.columnDefault}` : ""}`;
    return { target, alternatives: [], caveats: [], validation: [preCheck], steps: [
      step("Deploy 1", "Change the type online, or through gh-ost", [
        "A type change usually needs MySQL's COPY algorithm, which blocks writes for the whole copy (rules 4, 34). The clause `ALGORITHM=INPLACE, LOCK=NONE` makes MySQL refuse instead of locking: if it refuses, run the same change with gh-ost (no foreign keys or triggers on the table) or pt-online-schema-change:",
        "", "```sh", `gh-ost --database="$DB_NAME" --table=${table} --alter="MODIFY ${column} ${type}${keep}" --allow-on-master --execute`, "```",
        "then mark this migration as applied in production.",
        `MODIFY replaces the whole definition of the column: compare it with \`SHOW CREATE TABLE ${table}\` and restate anything else it has (CHARACTER SET, COLLATE, COMMENT), or it is lost.`,
      ], "The down migration restores the old type (another online copy).", {
        migration: ddl(`change_${column}_type_on_${table}`, [`ALTER TABLE ${table} MODIFY ${column} ${type}${keep}, ${mysqlOnline(false)};`], [`ALTER TABLE ${table} MODIFY ${column} ${sqlType(current, "mysql")}${keep}, ${mysqlOnline(false)};`], ctx),
      }),
    ] };
  }
  if (ctx.dialect === "sqlite") {
    return { target, alternatives: [], caveats: [], validation: [preCheck], steps: [sqliteRebuild(ctx, "Deploy 1", table, `${column} ${type}`)] };
  }
  const to = `${column}_${type.replace(/\W+/g, "_").replace(/_+$/, "")}`;
  const cast = convertedValue(column, current, type, ctx.dialect);
  const pattern = expandContract(ctx, table, column, to, type, cast);
  pattern.target.push(
    `The data of \`${table}.${column}\` has the type \`${type}\`${current ? ` (now \`${current}\`)` : ""}, in a new column \`${table}.${to}\`: the plan ends with \`${column}\` dropped and \`${to}\` in its place. Changing it in place would rewrite the table under an exclusive lock (rule 4); ${mappingHint(ctx.framework?.id, to, column) ?? "the code"} can keep the old name in code, and giving the column its old name in the database would be a rename, planned on its own.`,
  );
  pattern.validation.unshift(preCheck);
  return pattern;
}

export function addColumn(ctx: PlanContext, table: string, column: string): Pattern {
  const task = ctx.survey.task;
  ctx.planColumns.push(column);
  const type = sqlType(task.newType, ctx.dialect);
  const value = ctx.taskDefault;
  const volatile = value !== null && /\(|now|random|uuid|current_/i.test(value);
  const constantDefault = value !== null && !volatile && !(ctx.dialect === "postgres" && ctx.major !== null && ctx.major < 11);
  const clause = ctx.dialect === "mysql" ? `, ${mysqlAddColumnClause(ctx)}` : "";
  // With a constant default every existing row has a value, so NOT NULL costs nothing more (Postgres 11+, MySQL, SQLite).
  const inlineNotNull = task.flags.notNull && constantDefault && (ctx.dialect !== "postgres" || ctx.major !== null);
  const def = constantDefault ? ` DEFAULT ${defaultFor(value, type, ctx.engine)}${inlineNotNull ? " NOT NULL" : ""}` : "";
  const steps: Step[] = [step("Deploy 1 — expand", `Add \`${table}.${column}\`${constantDefault ? " with its constant default" : ", nullable"}`, [
    constantDefault
      ? "A constant default is stored in the catalog (Postgres 11+, MySQL INSTANT): no table rewrite (rules 8, 9)."
      : "Added nullable and without a default: no table rewrite and no failing INSERTs from old code (rules 7, 8).",
  ], `The down migration drops \`${table}.${column}\`; nothing reads it yet.`, {
    migration: ddl(`add_${column}_to_${table}`, [`ALTER TABLE ${table} ADD COLUMN ${column} ${type}${def}${clause};`], [`ALTER TABLE ${table} DROP COLUMN ${column};`], ctx),
  })];
  if (volatile) {
    steps.push(step("Deploy 1 — expand", `Set the default \`${value}\` for new rows`, ["Set after the column exists, so existing rows are not rewritten; they are filled by the backfill below."], "The down migration drops the default.", {
      migration: ddl(`set_${column}_default_on_${table}`, [`ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT ${value};`], [`ALTER TABLE ${table} ALTER COLUMN ${column} DROP DEFAULT;`], ctx),
    }));
  }
  steps.push(codeStep(ctx, "Deploy 2 — use it", `Read and write \`${column}\` in code`, [
    `Only after the migration has run everywhere: update the model and its serializers/forms${task.flags.notNull ? ", and give every insert a value" : ""}; the type \`${type}\` ${task.newType ? "is the one the task names" : "is proposed because the task names none"}.`,
  ], "Redeploy the previous release; the column stays, unused."));
  const enforce = task.flags.notNull && !inlineNotNull;
  if (volatile || enforce) {
    steps.push(step("Deploy 2 — use it", `Backfill the existing rows of \`${column}\` in batches`, value === null
      ? ["The task gives no value for existing rows and the column has no default: decide one before the NOT NULL steps; the query in Validation counts the rows still NULL."]
      : ["From a job, repeating until it updates 0 rows:", "", "```sql", batchedUpdate(ctx.dialect, table, `${column} = ${value}`, `${column} IS NULL`), "```"],
    `Nothing to undo for old code, which does not read \`${column}\`; to redo it, set it back to NULL in batches.`));
  }
  if (enforce) steps.push(...notNullSteps(ctx, table, column, "Deploy 3 — enforce"));
  return {
    target: [`\`${table}\` has a column \`${column}\` of type \`${type}\`${value ? ` with default \`${value}\`` : ""}${task.flags.notNull ? ", NOT NULL" : ""}.`],
    steps, alternatives: [],
    caveats: enforce && value === null ? ["The value for existing rows of the new NOT NULL column is not in the task."] : [],
    validation: [
      { title: "The column exists", sql: `SELECT ${column} FROM ${table} LIMIT 1;` },
      ...(enforce ? [{ title: "No NULLs left before the constraint is validated (expect 0)", sql: `SELECT count(*) FROM ${table} WHERE ${column} IS NULL;` }] : []),
    ],
  };
}

export function dropColumn(ctx: PlanContext, table: string, column: string): Pattern {
  const fw = ctx.framework?.id;
  const backup = `${table}_${column}_backup`;
  const steps: Step[] = [
    codeStep(ctx, "Deploy 1 — stop using it", `Remove every use of \`${table}.${column}\``, [
      `Remove reads and writes, and ${ignoreColumnHint(fw, table, column)}. Deploy, and wait until no old instance runs (rule 1).`,
    ], "Redeploy the previous release; the column is still there."),
    step("Deploy 2 — drop", `Keep a copy of the column's data`, [
      "So that the drop can be undone from the database itself, not only from a backup:",
      "", "```sql", `CREATE TABLE ${backup} AS SELECT id, ${column} FROM ${table};`, "```",
    ], `Drop the copy: \`DROP TABLE ${backup};\``),
  ];
  for (const index of distinctIndexes(ctx.survey.column?.indexes ?? []).filter((i) => i.name)) {
    if (ctx.dialect !== "postgres") continue;
    steps.push(step("Deploy 2 — drop", `Drop the index \`${index.name}\` concurrently`, ["So the column drop stays a short catalog change (rule 13)."], "The down migration rebuilds it concurrently.", {
      migration: concurrent(`remove_${index.name}`, dropIndex("postgres", table, index.name!), `CREATE ${index.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY IF NOT EXISTS ${index.name} ON ${table}${indexTail(index.columns, indexShape(index))};`),
    }));
  }
  if (ctx.dialect === "sqlite") {
    steps.push(sqliteRebuild(ctx, "Deploy 2 — drop", table, `no column ${column}`, column));
  } else {
    steps.push(step("Deploy 2 — drop", `Drop \`${table}.${column}\``, ["The point of no return for the live table."], `Irreversible: the down migration cannot bring the data back. The way back: re-add the column and restore it from \`${backup}\` by id.`, {
      irreversible: true,
      migration: ddl(`remove_${column}_from_${table}`, [`ALTER TABLE ${table} DROP COLUMN ${column}${ctx.dialect === "mysql" ? `, ${mysqlOnline(false)}` : ""};`], null, ctx),
    }));
  }
  return {
    target: [`\`${table}\` no longer has \`${column}\`, and no code uses it.`],
    steps, alternatives: [], caveats: [],
    validation: [{ title: "The copy holds every row before the drop (expect equal counts)", sql: `SELECT (SELECT count(*) FROM ${table}) AS live, (SELECT count(*) FROM ${backup}) AS copied;` }],
  };
}
