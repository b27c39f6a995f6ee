import type { PlanContext } from "../context.js";
import { cite, citeWithText, referenceLists } from "../code-changes.js";
import { distinctIndexes } from "../distinct-indexes.js";
import { rootedCommand } from "../rooted-command.js";

/** Current State: the framework, the database, the column as it is, its history, and every file that uses it. */
export function currentState(ctx: PlanContext): string {
  const { survey, framework } = ctx;
  const lines: string[] = [];
  if (framework) {
    const evidence = framework.evidence[0];
    lines.push(`- **Framework:** ${framework.name}${evidence ? `, found by ${cite(evidence)}` : ""}; migrations in ${framework.migrationsDirs.map((d) => `\`${d}/\``).join(", ") || "no folder found"}${framework.latestMigration ? `, the latest being \`${framework.latestMigration}\`` : ""}.`);
    if (framework.schemaFiles.length) lines.push(`- **Schema snapshot:** ${framework.schemaFiles.map((f) => `\`${f}\``).join(", ")}.`);
    lines.push(`- **Runner:** \`${rootedCommand(framework.commands.run)}\` / \`${rootedCommand(framework.commands.rollback)}\`; ${transactionText(ctx, framework.transaction.wrapped)} (opt-out: ${framework.transaction.optOut}).`);
    if (framework.safetyTools.length) lines.push(`- **Safety tools in use:** ${framework.safetyTools.join(", ")}.`);
    const others = survey.frameworks.filter((f) => f !== framework);
    if (others.length) lines.push(`- **Other frameworks present:** ${others.map((f) => f.name).join(", ")}; this plan writes migrations for ${framework.name} only.`);
  } else {
    lines.push("- **Framework:** none recognised; the steps give plain SQL to run with the database's own client.");
  }
  const dbEvidence = survey.database.evidence[0];
  lines.push(`- **Database:** ${ctx.databaseName}${dbEvidence ? `, from ${cite(dbEvidence)}` : ""}.`);
  lines.push(...subject(ctx));
  if (survey.history.length) {
    lines.push("", "**History** (oldest first):", ...survey.history.map((c) => `- ${citeWithText(c)}`));
  }
  const op = survey.task.operation;
  if (op !== "upgrade" && op !== "unknown") {
    lines.push("", `**Code that references it** (${survey.references.counts.files} files):`, "", ...referenceLists(survey));
  }
  return lines.join("\n").trim();
}

function subject(ctx: PlanContext): string[] {
  const { survey, table, column } = ctx;
  const lines: string[] = [];
  if (survey.table) {
    const models = survey.table.models.map((m) => `\`${m.name}\` (${cite(m.where)})`).join(", ");
    lines.push(`- **Table \`${survey.table.table}\`:** declared at ${survey.table.declarations.map(cite).join(", ") || "no file found"}${models ? `; models ${models}` : ""}${survey.table.columns.length ? `; columns ${survey.table.columns.map((c) => `\`${c}\``).join(", ")}` : ""}.`);
  } else if (table) {
    lines.push(`- **Table \`${table}\`:** not found in the repo's schema, models or migrations. Check the name before running anything: every step below assumes it exists.`);
  }
  const col = survey.column;
  if (col) {
    const facts = [
      col.type ? `type \`${col.type}\`` : "type not found",
      col.nullable === null ? "nullability not found" : col.nullable ? "nullable" : "NOT NULL",
      col.default ? `default \`${col.default}\`` : "no default",
    ];
    lines.push(`- **Column \`${col.table}.${col.column}\`:** ${facts.join(", ")}; declared at ${col.declarations.map(citeWithText).join("; ") || "no file found"}.`);
    if (col.codeNames.length) lines.push(`  Code names searched: ${col.codeNames.map((n) => `\`${n}\``).join(", ")}.`);
    for (const index of distinctIndexes(col.indexes)) {
      lines.push(`  - ${index.unique ? "Unique index" : "Index"} ${index.name ? `\`${index.name}\`` : "(unnamed)"} on (${index.columns.join(", ")}), ${cite(index.where)}.`);
    }
    for (const fk of col.foreignKeys) lines.push(`  - Foreign key to \`${fk.toTable}.${fk.toColumn ?? "id"}\`, ${cite(fk.where)}.`);
    for (const constraint of col.constraints) lines.push(`  - Constraint ${citeWithText(constraint)}.`);
  } else if (column && table) {
    lines.push(`- **Column \`${table}.${column}\`:** no declaration found in the repo${survey.task.operation === "add_column" ? " (expected: the task adds it)" : "; check the name"}.`);
  }
  return lines;
}

/** MySQL commits each DDL statement on its own: a runner's transaction does not make a migration all-or-nothing there. */
function transactionText(ctx: PlanContext, wrapped: boolean): string {
  if (!wrapped) return "does not wrap migrations in a transaction";
  return ctx.dialect === "mysql"
    ? "wraps each migration in a transaction, but MySQL commits every DDL statement implicitly, so a migration that fails halfway stays half-applied"
    : "wraps each migration in a transaction";
}
