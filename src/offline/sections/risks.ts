import { rulesFor } from "../../rules/select.js";
import { redactCredentials } from "../../survey/redact.js";
import type { PlanContext } from "../context.js";
import type { Pattern } from "../patterns/pattern.js";
import { sqlQuoter } from "../identifiers.js";
import { LOCK_TIMEOUT, tableSizeSql } from "../sql.js";

/** Postgres major whose first minors corrupt concurrently built indexes (rule 37); fixed in 14.4. */
const PG_CONCURRENT_INDEX_BUG = 14;
const INDEX_BUILD = /\bCREATE\s+(?:UNIQUE\s+)?INDEX\b/i;

/**
 * Whether an index rule concerns this plan: rule 16 only when a migration builds an index alongside other DDL
 * (this plan's index builds stand alone); rule 37 only on a Postgres version that may be 14.0–14.3.
 */
function concerns(id: number, ctx: PlanContext, pattern: Pattern): boolean {
  if (id === 16) {
    return pattern.steps.some(({ migration }) => {
      const ddl = (migration?.up ?? []).filter((sql) => !/^\s*SET\s/i.test(sql));
      return ddl.some((sql) => INDEX_BUILD.test(sql)) && ddl.some((sql) => !INDEX_BUILD.test(sql));
    });
  }
  if (id === 37) return ctx.major === null || ctx.major === PG_CONCURRENT_INDEX_BUG;
  return true;
}

/** Risks: every rule of the table for this operation and database, then what the repo could not show. */
export function risks(ctx: PlanContext, pattern: Pattern): string {
  const { survey } = ctx;
  const op = survey.task.operation;
  const lines: string[] = [];
  const found = op === "unknown" ? [] : rulesFor(op, ctx.engine, survey.database.version).filter((rule) => concerns(rule.id, ctx, pattern));
  if (ctx.engine === "unknown" && found.length) {
    lines.push("The database engine was not found, so every rule below that holds on some engine is listed; the ones for other engines do not apply.", "");
  }
  for (const rule of found) {
    const where = rule.databases.map((d) => (d.engine === "all" ? "all databases" : `${d.engine}${d.below ? ` < ${d.below}` : ""}`)).join(", ");
    lines.push(`- **Rule ${rule.id}, ${rule.title}** (${where}): ${rule.why}. *Mitigation:* ${rule.safe}.${rule.generalKnowledge ? " (general knowledge: verify)" : ""}`);
  }
  const table = ctx.table;
  if (table && op !== "upgrade") {
    lines.push(`- **Table size is unknown** (the repo does not say how many rows \`${table}\` has): a step that is instant on a small table can lock a large one for minutes. *Mitigation:* measure before step 1, and schedule the backfills and builds by the result:`, "", "  ```sql", ...sqlQuoter(ctx)(tableSizeSql(ctx.dialect, table)).split("\n").map((l) => `  ${l}`), "  ```", "");
  }
  // The survey's own note already says other services may share the database; say it once.
  const sharedNoted = survey.notes.some((note) => /share this database/i.test(note));
  if (!sharedNoted) lines.push("- **Other services may share this database** (workers, reporting, another repo), and this plan only sees this repo's code. *Mitigation:* ask the owners of the database; " +
    (ctx.dialect === "postgres" ? "check `SELECT DISTINCT application_name, usename FROM pg_stat_activity;` for clients you do not know." : "check the database's connected clients for ones you do not know."));
  // Only migrations that set the timeout can be said to set it; a plan without any has no lock queue of its own.
  const migrations = pattern.steps.flatMap((step) => (step.migration ? [step.migration] : []));
  const timed = migrations.some((m) => m.up.some((sql) => /^SET\s+(?:LOCAL\s+|SESSION\s+)?(?:lock_timeout|lock_wait_timeout)\b/i.test(sql)));
  if ((ctx.dialect === "postgres" || ctx.dialect === "mysql") && migrations.length) {
    lines.push(`- **Lock queue:** any DDL waiting for its lock blocks the queries behind it. *Mitigation:* ${timed
      ? `the migrations above set a ${LOCK_TIMEOUT} lock timeout; if one times out, retry it at a quieter moment rather than raising the timeout`
      : `run them with a short lock timeout (\`${ctx.dialect === "postgres" ? `SET lock_timeout = '${LOCK_TIMEOUT}'` : `SET SESSION lock_wait_timeout = ${parseInt(LOCK_TIMEOUT, 10)}`}\`) and retry at a quieter moment if one times out`}.`);
  }
  if (ctx.framework?.safetyTools.length) {
    lines.push(`- **${ctx.framework.safetyTools.join(", ")}** may stop these migrations; where a check fires on a step that this plan makes safe, mark it assured with the reason written beside it.`);
  }
  for (const caveat of pattern.caveats) {
    lines.push(`- **Not settled by this plan:** ${caveat} *Mitigation:* settle it before the first step.`);
  }
  for (const note of survey.notes) {
    lines.push(`- **From the survey:** ${redactCredentials(note)} *Mitigation:* check it before the first step.`);
  }
  return lines.join("\n").trim();
}
