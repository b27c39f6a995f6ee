import type { PlanContext } from "../context.js";
import { referenceLists } from "../code-changes.js";
import { lockTimeout, mysqlOnline } from "../sql.js";
import { step, type MigrationSpec, type Step } from "../step.js";

/** What an operation's safe pattern contributes to the plan. */
export interface Pattern {
  target: string[];
  steps: Step[];
  /** Checks that prove the steps worked, each with SQL for this database where there is one. */
  validation: { title: string; sql?: string }[];
  /** Other safe ways, said in Target State. */
  alternatives: string[];
  /** What the plan could not settle from the repo, said plainly. */
  caveats: string[];
}

export type PatternBuilder = (ctx: PlanContext) => Pattern;

/** A migration of DDL that must wait briefly for its lock, or give up and be retried. */
export function ddl(slug: string, up: string[], down: string[] | null, ctx: PlanContext): MigrationSpec {
  return { slug, up: [...lockTimeout(ctx.dialect, ctx.framework?.transaction.wrapped ?? false), ...up], down, noTransaction: false };
}

/** A statement that must run outside a transaction: alone in its migration, so no runner wraps it. */
export function concurrent(slug: string, up: string, down: string | null): MigrationSpec {
  return { slug, up: [up], down: down === null ? null : [down], noTransaction: true };
}

/** The clause MySQL accepts online for an added column: INSTANT from MySQL 8.0 and MariaDB 10.3, else INPLACE. */
export function mysqlAddColumnClause(ctx: PlanContext): string {
  const [major = NaN, minor = 0] = (ctx.survey.database.version ?? "").split(".").map(Number);
  const instant = ctx.engine === "mariadb" ? major > 10 || (major === 10 && minor >= 3) : major >= 8;
  return mysqlOnline(instant);
}

/** A code-change step that lists every file that must change, by area. */
export function codeStep(ctx: PlanContext, deploy: string, title: string, what: string[], rollback: string): Step {
  return step(deploy, title, [...what, "", "Files that reference the column:", "", ...referenceLists(ctx.survey)], rollback);
}
