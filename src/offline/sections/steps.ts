import type { PlanContext } from "../context.js";
import { MigrationNamer } from "../naming.js";
import type { Step } from "../step.js";
import { indent, type RenderedFile } from "../syntax/file.js";
import { creationHint } from "../syntax/create-hints.js";
import { rootedCommand } from "../rooted-command.js";
import { renderMigration } from "../syntax/render.js";

/** A step with its number and the migration files it creates. */
export interface NumberedStep {
  n: number;
  step: Step;
  files: RenderedFile[];
}

/** Numbers the steps uniquely across the section and names their migration files, in order, after the latest one. */
export function numberSteps(ctx: PlanContext, steps: Step[]): NumberedStep[] {
  const namer = ctx.framework ? new MigrationNamer(ctx.framework, ctx.now) : null;
  return steps.map((step, index) => {
    const files = step.migration && ctx.framework && namer
      ? renderMigration(ctx.framework, step.migration, namer.next(step.migration.slug))
      : [];
    return { n: index + 1, step, files };
  });
}

const ITEM_INDENT = 3;

function fileBlock(file: RenderedFile): string[] {
  return [`Create \`${file.path}\` (new):`, "", "```" + file.lang, file.content, "```", ""];
}

export function stepsSection(ctx: PlanContext, numbered: NumberedStep[]): string {
  const out: string[] = [];
  let deploy: string | null = null;
  for (const { n, step, files } of numbered) {
    if (step.deploy !== deploy) {
      deploy = step.deploy;
      out.push(`### ${deploy}`, "");
    }
    const body: string[] = [...step.body, ""];
    if (step.migration) {
      if (files.length && ctx.framework) {
        const hint = creationHint(ctx.framework, step.migration.slug);
        if (hint) body.push(hint, "");
        body.push(...files.flatMap(fileBlock));
        if (step.migration.noTransaction) body.push(`Outside a transaction, which the statement requires: ${ctx.framework.transaction.optOut}.`);
        body.push(`Run: \`${rootedCommand(ctx.framework.commands.run)}\`.`);
      } else {
        body.push("No migration framework was found: run this SQL with the database's own client, one statement at a time:", "", "```sql", step.migration.up.join("\n"), "```");
      }
    }
    out.push(`${n}. **${step.title}.** ${indent(body.join("\n").trim(), ITEM_INDENT).trimStart()}`, "");
  }
  return out.join("\n").trim();
}

/** One Rollback item per step, newest first; irreversible steps say so and give the way back. */
export function rollbackSection(ctx: PlanContext, numbered: NumberedStep[]): string {
  const items = [...numbered].reverse().map(({ n, step, files }) => {
    const irreversible = step.irreversible || (step.migration !== undefined && step.migration.down === null);
    const prefix = irreversible && !/irreversible/i.test(step.rollback) ? "Irreversible as written. " : "";
    const command = files[0] && ctx.framework
      ? `\`${rootedCommand(ctx.framework.commands.rollback)}\` runs the down part of \`${files[0].path}\` (new). `
      : "";
    return `${n}. ${command}${prefix}${step.rollback}`;
  });
  const noReturn = numbered.filter(({ step }) => step.irreversible).map(({ n }) => n);
  if (noReturn.length) items.push("", `Point of no return: step ${noReturn.at(-1)}; every step before it can be undone as above.`);
  return items.join("\n");
}
