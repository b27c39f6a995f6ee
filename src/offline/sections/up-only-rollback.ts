import type { PlanContext } from "../context.js";
import { rootedCommand } from "../rooted-command.js";
import type { Step } from "../step.js";

/** Frameworks whose migrations have no down part, and how a reverse migration is created in each. */
const CREATE_REVERSE: Partial<Record<string, (slug: string) => string>> = {
  prisma: (slug) => `npx prisma migrate dev --create-only --name revert_${slug}`,
  drizzle: (slug) => `npx drizzle-kit generate --custom --name=revert_${slug}`,
};

/**
 * The rollback item's opening for a migration of a forward-only framework: there is no down part to run, so it
 * names the reverse SQL and how to apply it as a new migration. Null for frameworks with a rollback command.
 */
export function upOnlyRollback(ctx: PlanContext, step: Step, path: string): string | null {
  const framework = ctx.framework;
  const create = framework ? CREATE_REVERSE[framework.id] : undefined;
  if (!framework || !create || !step.migration) return null;
  const { down, slug } = step.migration;
  const forwardOnly = `${framework.name} applies migrations forward only, so \`${path}\` (new) has no down part.`;
  if (down === null) return `${forwardOnly} `;
  const reverse = down.filter((sql) => !/^\s*SET\s/i.test(sql));
  if (!reverse.length) return `${forwardOnly} Nothing to reverse in the database. `;
  return `${forwardOnly} To undo it, create a reverse migration with \`${create(slug)}\`, put in it \`${reverse.join(" ")}\`, and run \`${rootedCommand(framework.commands.run)}\`. `;
}
