import { posix } from "node:path";
import type { PlanContext } from "../context.js";
import { MigrationNamer } from "../naming.js";
import type { Step } from "../step.js";
import { indent, type RenderedFile } from "../syntax/file.js";
import { creationHint } from "../syntax/create-hints.js";
import { rootedCommand } from "../rooted-command.js";
import { renderMigration } from "../syntax/render.js";
import { upOnlyRollback } from "./up-only-rollback.js";

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
  const commands = rollbackCommands(ctx, numbered);
  const items = [...numbered].reverse().map(({ n, step, files }) => {
    const irreversible = step.irreversible || (step.migration !== undefined && step.migration.down === null);
    const prefix = irreversible && !/irreversible/i.test(step.rollback) ? "Irreversible as written. " : "";
    const rollback = commands.get(n);
    const upOnly = files[0] ? upOnlyRollback(ctx, step, files[0].path) : null;
    const command = upOnly ?? (files[0] && rollback
      ? `\`${rootedCommand(rollback)}\` runs the down part of \`${files[0].path}\` (new). `
      : "");
    const text = upOnly ? step.rollback.replace(/\b(the|The) down migration\b/g, "$1 reverse migration") : step.rollback;
    return `${n}. ${command}${prefix}${text}`;
  });
  const noReturn = numbered.filter(({ step }) => step.irreversible).map(({ n }) => n);
  const last = noReturn.at(-1);
  if (last !== undefined) {
    const after = numbered.some(({ n }) => n > last);
    items.push("", `Point of no return: step ${last}: once it has run, the way back is the one its item gives, not a down migration${after ? "; the steps after it can be undone as above" : ""}.`);
  }
  return items.join("\n");
}

/**
 * The command that undoes each migration step. Django migrates back to a named migration, so each step names
 * the one before its own file (the latest existing one for the first, `zero` when there is none); others
 * undo the newest migration.
 */
function rollbackCommands(ctx: PlanContext, numbered: NumberedStep[]): Map<number, string> {
  const out = new Map<number, string>();
  const framework = ctx.framework;
  if (!framework) return out;
  const latest = framework.latestMigration;
  let previous = latest ? posix.basename(latest).replace(/\.py$/, "") : "zero";
  for (const { n, files } of numbered) {
    const file = files[0];
    if (!file) continue;
    if (framework.id === "django") {
      const app = posix.basename(posix.dirname(posix.dirname(file.path)));
      out.set(n, `${framework.commands.run} ${app} ${previous}`);
      previous = posix.basename(file.path).replace(/\.py$/, "");
    } else {
      out.set(n, framework.commands.rollback);
    }
  }
  return out;
}
