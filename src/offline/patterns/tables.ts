import type { PlanContext } from "../context.js";
import { BATCH_SIZE, batchedUpdate } from "../sql.js";
import { step, type Step } from "../step.js";
import { codeStep, ddl, type Pattern } from "./pattern.js";

const TABLE_MAPPING: Partial<Record<string, (oldName: string) => string>> = {
  rails: (old) => `\`self.table_name = "${old}"\``,
  django: (old) => `\`db_table = "${old}"\` in \`Meta\``,
  prisma: (old) => `\`@@map("${old}")\``,
  typeorm: (old) => `\`@Entity("${old}")\``,
  sequelize: (old) => `\`tableName: "${old}"\``,
  alembic: (old) => `\`__tablename__ = "${old}"\``,
  ecto: (old) => `\`schema "${old}"\``,
  laravel: (old) => `\`protected $table = '${old}';\``,
};

/** Rule 3: rename, and leave a view under the old name so old instances keep working; drop it once they are gone. */
export function renameTable(ctx: PlanContext, table: string): Pattern {
  const to = ctx.survey.task.newName ?? `${table}_new`;
  const D1 = "Deploy 1 — rename behind a view";
  const steps: Step[] = [];
  if (ctx.dialect === "sqlite") {
    steps.push(step(D1, `Rename \`${table}\` to \`${to}\` with the code change`, [
      "SQLite views are read-only, so a view cannot stand in for writes from old code: rename and deploy the new code together, at a quiet time.",
    ], "The down migration renames it back; redeploy the previous release.", {
      migration: ddl(`rename_${table}_to_${to}`, [`ALTER TABLE ${table} RENAME TO ${to};`], [`ALTER TABLE ${to} RENAME TO ${table};`], ctx),
    }));
  } else {
    steps.push(step(D1, `Rename \`${table}\` to \`${to}\` and create the view \`${table}\``, [
      `Both statements in one migration: the rename is a catalog change (a brief exclusive lock, bounded by the lock timeout), and the simple view \`${table}\` is updatable, so old instances keep reading and writing through it.`,
    ], `The down migration drops the view and renames \`${to}\` back.`, {
      migration: ddl(`rename_${table}_to_${to}`, [
        ctx.dialect === "mysql" ? `RENAME TABLE ${table} TO ${to};` : `ALTER TABLE ${table} RENAME TO ${to};`,
        `CREATE VIEW ${table} AS SELECT * FROM ${to};`,
      ], [`DROP VIEW ${table};`, ctx.dialect === "mysql" ? `RENAME TABLE ${to} TO ${table};` : `ALTER TABLE ${to} RENAME TO ${table};`], ctx),
    }));
  }
  steps.push(codeStep(ctx, "Deploy 2 — switch code", `Use \`${to}\` in code`, [
    `Point the model at \`${to}\` and change every raw query that names \`${table}\`.`,
  ], "Redeploy the previous release; the view still serves the old name."));
  if (ctx.dialect !== "sqlite") {
    steps.push(step("Deploy 3 — contract", `Drop the view \`${table}\``, ["Once no instance of the old release runs."], `The down migration recreates the view.`, {
      migration: ddl(`drop_${table}_view`, [`DROP VIEW ${table};`], [`CREATE VIEW ${table} AS SELECT * FROM ${to};`], ctx),
    }));
  }
  const mapping = TABLE_MAPPING[ctx.framework?.id ?? ""];
  return {
    target: [`The table is named \`${to}\`; nothing uses \`${table}\`.`, ...(ctx.survey.task.newNameProposed ? [`The task gave no new name; \`${to}\` is proposed.`] : [])],
    steps,
    alternatives: mapping ? [`Rename only in code: rename the model and keep the table with ${mapping("" + table)}; no database change.`] : [],
    caveats: ["Sequences, indexes and constraints keep their old names after a rename; rename them separately if names matter."],
    validation: [{ title: "Rows are reachable under the new name", sql: `SELECT count(*) FROM ${to};` }],
  };
}

export function dropTable(ctx: PlanContext, table: string): Pattern {
  const backup = `${table}_backup`;
  const steps: Step[] = [
    codeStep(ctx, "Deploy 1 — stop using it", `Remove every use of \`${table}\``, ["Remove the model, its associations and every raw query; deploy and wait for old instances to stop (rule 30)."], "Redeploy the previous release."),
    step("Deploy 2 — drop", "Confirm nothing reads or writes it, and back it up", [
      "Watch its scan and write counters for a day (query in Validation); they should not move. Then dump it:",
      "", "```sh", ctx.dialect === "mysql" ? `mysqldump "$DB_NAME" ${table} > ${backup}.dump` : ctx.dialect === "sqlite" ? `sqlite3 "$DB_FILE" ".dump ${table}" > ${backup}.dump` : `pg_dump --table=${table} --format=custom "$DATABASE_URL" > ${backup}.dump`, "```",
    ], "Nothing to undo: the dump only reads."),
    step("Deploy 2 — drop", `Drop \`${table}\``, ["Drop the foreign keys that point at it first, one per migration, if there are any (rule 19)."], `Irreversible: the down migration cannot restore data. The way back: restore \`${backup}.dump\` (${ctx.dialect === "postgres" ? "`pg_restore`" : "load the dump"}) and redeploy the previous release.`, {
      irreversible: true,
      migration: ddl(`drop_${table}`, [`DROP TABLE ${table};`], null, ctx),
    }),
  ];
  return {
    target: [`\`${table}\` is gone, with a backup kept; no code uses it.`], steps, alternatives: [], caveats: [],
    validation: [{ title: "No reads or writes while it is unused (counters stay still)", sql: ctx.dialect === "postgres" ? `SELECT seq_scan, idx_scan, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables WHERE relname = '${table}';` : `SELECT count(*) FROM ${table};` }],
  };
}

/** The columns a split or merge moves: the task's, or its one column. */
export function movedColumns(ctx: PlanContext): string[] {
  return ctx.survey.task.columns.length ? ctx.survey.task.columns : ctx.column ? [ctx.column] : [];
}

/** Split (columns move to a new table) and merge (another table's columns move in) are both expand/contract on tables. */
export function moveColumns(ctx: PlanContext, table: string, merge: boolean): Pattern {
  const other = ctx.survey.task.otherTable ?? `${table}_details`;
  const columns = movedColumns(ctx);
  const [from, to] = merge ? [other, table] : [table, other];
  const cols = columns.join(", ");
  const fk = merge ? `${singular(other)}_id` : `${singular(table)}_id`;
  const steps: Step[] = [];
  if (!merge) {
    steps.push(step("Deploy 1 — expand", `Create \`${other}\``, ["A new table: no lock on the existing one."], `The down migration drops \`${other}\`.`, {
      migration: ddl(`create_${other}`, [`CREATE TABLE ${other} (id bigint PRIMARY KEY, ${fk} bigint NOT NULL UNIQUE REFERENCES ${table} (id)${columns.map((c) => `, ${c} text`).join("")});`], [`DROP TABLE ${other};`], ctx),
    }));
  } else {
    steps.push(step("Deploy 1 — expand", `Add the moved columns to \`${table}\`, nullable`, ["Nullable, no default: catalog changes only."], "The down migration drops them.", {
      migration: ddl(`add_${other}_columns_to_${table}`, columns.map((c) => `ALTER TABLE ${table} ADD COLUMN ${c} text;`), columns.map((c) => `ALTER TABLE ${table} DROP COLUMN ${c};`), ctx),
    }));
  }
  steps.push(codeStep(ctx, "Deploy 1 — expand", "Write both places", [`Write ${cols} to \`${from}\` and \`${to}\` alike; reads stay on \`${from}\`.`], "Redeploy the previous release."));
  const copy = merge
    ? batchedUpdate(ctx.dialect, table, columns.map((c) => `${c} = (SELECT o.${c} FROM ${other} o WHERE o.id = ${table}.${fk})`).join(", "), `${columns[0]} IS NULL`)
    : `INSERT INTO ${other} (id, ${fk}, ${cols}) SELECT id, id, ${cols} FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM ${other} o WHERE o.${fk} = t.id) LIMIT ${BATCH_SIZE};`;
  steps.push(step("Deploy 2 — backfill", `Copy existing rows into \`${to}\` in batches`, ["From a job, repeating until nothing is copied:", "", "```sql", copy, "```"],
    `Nothing to undo: \`${from}\` is untouched.`));
  steps.push(codeStep(ctx, "Deploy 3 — switch reads", `Read from \`${to}\``, ["Keep writing both places so this deploy can be rolled back."], "Redeploy the release of the expand deploy."));
  steps.push(step("Deploy 4 — contract", `Stop writing \`${from}\`, then drop the moved ${merge ? "table" : "columns"}`, ["After a deploy that no longer writes them; back them up first (the drop is the point of no return)."], `Irreversible: restore from the backup taken before the drop.`, {
    irreversible: true,
    migration: ddl(merge ? `drop_${other}` : `remove_moved_columns_from_${table}`, merge ? [`DROP TABLE ${other};`] : columns.map((c) => `ALTER TABLE ${table} DROP COLUMN ${c};`), null, ctx),
  }));
  return {
    target: [merge ? `\`${other}\` is merged into \`${table}\`.` : `\`${cols}\` move from \`${table}\` to a new table \`${other}\`, one row per \`${table}\` row.`],
    steps, alternatives: [],
    caveats: [merge
      ? `The statements assume \`${table}.${fk}\` links each row to \`${other}\`; if the link runs the other way, swap the join.`
      : `The new columns are typed text above: give them the types they have in \`${table}\`.`],
    validation: [{ title: "Row parity after the copy (expect 0)", sql: merge ? `SELECT count(*) FROM ${table} WHERE ${fk} IS NOT NULL AND ${columns[0]} IS NULL;` : `SELECT count(*) FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM ${other} o WHERE o.${fk} = t.id);` }],
  };
}

function singular(name: string): string {
  return name.replace(/ies$/, "y").replace(/s$/, "");
}
