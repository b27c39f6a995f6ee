import type { Cite } from "../../survey/types.js";
import { cite } from "../code-changes.js";
import type { PlanContext } from "../context.js";
import { mysqlOnline } from "../sql.js";
import { step, type Step } from "../step.js";
import { indexStep } from "./indexes.js";
import { ddl, type Pattern } from "./pattern.js";
import { sqliteRebuild } from "./sqlite-rebuild.js";

/** Postgres: NOT VALID, then VALIDATE in its own migration (rules 18, 20). */
export function notValidThenValidate(ctx: PlanContext, deploy: string, table: string, name: string, definition: string): Step[] {
  return [
    step(deploy, `Add \`${name}\` as NOT VALID`, ["NOT VALID skips the scan of existing rows: the lock is brief, and new writes are checked from now on."], "The down migration drops the constraint.", {
      migration: ddl(`add_${name}`, [`ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition} NOT VALID;`], [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${name};`], ctx),
    }),
    step(deploy, `Validate \`${name}\` in its own migration`, ["VALIDATE scans under SHARE UPDATE EXCLUSIVE (a foreign key also takes ROW SHARE on the referenced table): reads and writes continue."], "Nothing to undo: validation changes no data.", {
      migration: ddl(`validate_${name}`, [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${name};`], [], ctx),
    }),
  ];
}

export function addForeignKey(ctx: PlanContext, table: string, column: string): Pattern {
  const ref = ctx.survey.task.references;
  const toTable = ref?.table ?? column.replace(/_id$/, "s");
  const toColumn = ref?.column ?? "id";
  const name = `fk_${table}_${column}`.slice(0, 63);
  const definition = `FOREIGN KEY (${column}) REFERENCES ${toTable} (${toColumn})`;
  const existing = ctx.survey.column?.column === column ? ctx.survey.column.foreignKeys.find((fk) => fk.toTable === toTable) : undefined;
  if (existing) return alreadyReferences(ctx, table, column, toTable, toColumn, existing.where);
  const indexed = ctx.survey.column?.indexes.some((i) => i.columns[0] === column) ?? false;
  const steps: Step[] = indexed || ctx.dialect === "sqlite" ? [] : [indexStep(ctx, "Deploy 1", table, [column], false)];
  if (ctx.dialect === "postgres") steps.push(...notValidThenValidate(ctx, "Deploy 1", table, name, definition));
  else if (ctx.dialect === "mysql") {
    steps.push(step("Deploy 1", `Add \`${name}\``, [
      "MySQL builds a foreign key in place only with `foreign_key_checks=0`; with checks on it copies the table and blocks writes (rules 18, 34). Run the orphan check in Validation first; with clean data the statement below is online. gh-ost cannot handle foreign keys: for a large table use pt-online-schema-change.",
    ], "The down migration drops the foreign key.", {
      migration: ddl(`add_${name}`, ["SET foreign_key_checks = 0;", `ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition}, ${mysqlOnline(false)};`, "SET foreign_key_checks = 1;"], [`ALTER TABLE ${table} DROP FOREIGN KEY ${name};`], ctx),
    }));
  } else if (ctx.dialect === "sqlite") steps.push(sqliteRebuild(ctx, "Deploy 1", table, `CONSTRAINT ${name} ${definition}`));
  else steps.push(step("Deploy 1", `Add \`${name}\``, ["The engine is unknown: on Postgres add it NOT VALID and validate separately; on MySQL mind the table copy."], "The down migration drops it.", {
    migration: ddl(`add_${name}`, [`ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition};`], [`ALTER TABLE ${table} DROP CONSTRAINT ${name};`], ctx),
  }));
  return {
    target: [`\`${table}.${column}\` references \`${toTable}.${toColumn}\`, enforced by the database.`],
    steps, alternatives: [],
    caveats: [
      ...(ref ? [] : [`The task does not name the referenced table; \`${toTable}.${toColumn}\` is inferred from the column name: check it.`]),
      `The task does not say what happens to \`${table}\` rows when their \`${toTable}\` row is deleted: as written the constraint takes the default (NO ACTION), so such deletes fail. Add ON DELETE CASCADE or ON DELETE SET NULL to the definition if the app expects that (the model's dependent:/on_delete shows it), and match the table's other foreign keys.`,
    ],
    validation: [
      { title: "No orphans before validating (expect 0)", sql: `SELECT count(*) FROM ${table} t LEFT JOIN ${toTable} r ON r.${toColumn} = t.${column} WHERE t.${column} IS NOT NULL AND r.${toColumn} IS NULL;` },
      ...(ctx.dialect === "postgres" ? [{ title: "The constraint is validated (expect true)", sql: `SELECT convalidated FROM pg_constraint WHERE conname = '${name}';` }] : []),
    ],
  };
}

/** The foreign key the task asks for is already declared: a second one would only slow every write and delete. */
function alreadyReferences(ctx: PlanContext, table: string, column: string, toTable: string, toColumn: string, where: Cite): Pattern {
  return {
    target: [`\`${table}.${column}\` references \`${toTable}\` — which the repo says it already does (${cite(where)}). Nothing to add.`],
    steps: [step("Before any change", "Confirm the live database has the foreign key", [
      "The repo already declares this foreign key, so no migration is proposed. Run the query in Validation against production: if it returns no row, the repo and the database disagree, and this plan should be rerun once the schema file reflects the database.",
    ], "Nothing to undo: no change is made.")],
    validation: [{ title: "The foreign key exists (expect one row)", sql: ctx.dialect === "mysql"
      ? `SELECT constraint_name FROM information_schema.key_column_usage WHERE table_name = '${table}' AND column_name = '${column}' AND referenced_table_name = '${toTable}';`
      : ctx.dialect === "sqlite" ? `PRAGMA foreign_key_list('${table}');`
      : `SELECT c.conname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid\nWHERE c.contype = 'f' AND t.relname = '${table}' AND r.relname = '${toTable}';` }],
    alternatives: [], caveats: [],
  };
}

/** The condition of a CHECK, as the task wrote it (`price >= 0`), or null when it gives none. */
export function checkCondition(text: string): string | null {
  const paren = /check\s*\(([^)]+)\)/i.exec(text)?.[1];
  if (paren) return paren.trim();
  return /([A-Za-z_][\w.]*\s*(?:>=|<=|<>|!=|=|>|<)\s*(?:'[^']*'|[\w.-]+))/.exec(text)?.[1]?.replace(/^\w+\./, "") ?? null;
}

export function addCheck(ctx: PlanContext, table: string, column: string): Pattern {
  const condition = checkCondition(ctx.survey.task.text);
  const name = `${table}_${column}_check`.slice(0, 63);
  if (condition === null) {
    return {
      target: [`A CHECK constraint on \`${table}.${column}\`; the task does not state its condition.`],
      steps: [step("Before any migration", "State the condition", [`The task names no condition (e.g. \`${column} >= 0\`), so no migration is written: rerun with it, and this plan will add it NOT VALID and validate it separately.`], "Nothing to undo: no change is made.")],
      validation: [], alternatives: [], caveats: ["The CHECK condition is not in the task."],
    };
  }
  const definition = `CHECK (${condition})`;
  const steps: Step[] = ctx.dialect === "postgres" ? notValidThenValidate(ctx, "Deploy 1", table, name, definition)
    : ctx.dialect === "sqlite" ? [sqliteRebuild(ctx, "Deploy 1", table, `CONSTRAINT ${name} ${definition}`)]
    : [step("Deploy 1", `Add \`${name}\``, [ctx.dialect === "mysql"
        ? "MySQL (8.0.16+) checks every row and copies the table to add a CHECK; there is no online way (rule 20): run it through pt-online-schema-change or gh-ost on a large table, or at a quiet time on a small one."
        : "The engine is unknown: on Postgres add it NOT VALID and validate separately."], "The down migration drops it.", {
        migration: ddl(`add_${name}`, [`ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition};`], [`ALTER TABLE ${table} ${ctx.dialect === "mysql" ? "DROP CHECK" : "DROP CONSTRAINT"} ${name};`], ctx),
      })];
  return {
    target: [`\`${table}\` enforces \`${definition}\`.`], steps, alternatives: [], caveats: [],
    validation: [{ title: "No row breaks the condition (expect 0)", sql: `SELECT count(*) FROM ${table} WHERE NOT (${condition});` }],
  };
}
