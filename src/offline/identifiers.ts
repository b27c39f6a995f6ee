import { escapeRegExp } from "../survey/schema/code-names.js";
import type { Dialect, PlanContext } from "./context.js";
import type { Pattern } from "./patterns/pattern.js";

/**
 * Keywords that cannot stand unquoted as a table or column name in at least one of the dialects (Postgres reserved,
 * MySQL reserved, SQLite); quoting one where it was not needed is harmless, so one list serves all.
 */
const RESERVED = new Set(`
all analyse analyze and any array as asc asymmetric authorization between binary both by call case cast change check
collate collation column concurrently condition constraint create cross current_catalog current_date current_role
current_schema current_time current_timestamp current_user database default deferrable delete desc describe distinct
div do drop dual else end except exists explain false fetch for force foreign freeze from full fulltext function
generated grant group groups having ilike in index initially inner insert intersect interval into is isnull join key
keys lateral leading left like limit lines load localtime localtimestamp lock long match mod natural not notnull null
of offset on only option or order out outer over overlaps partition placing primary range rank read references
regexp release rename repeat replace require returning right rlike row rows schema select session_user set show
signal similar some symmetric system system_user table tablesample then to trailing trigger true union unique update
usage use user using values variadic verbose when where window with write xor
`.trim().split(/\s+/));

/** Whether a name must be quoted: a keyword, an unusual character, or (Postgres, which folds unquoted names) a capital. */
export function needsQuotes(name: string, dialect: Dialect): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) || RESERVED.has(name.toLowerCase())) return true;
  return (dialect === "postgres" || dialect === "generic") && name !== name.toLowerCase();
}

export function quoteIdentifier(name: string, dialect: Dialect): string {
  return dialect === "mysql" ? `\`${name.replace(/`/g, "``")}\`` : `"${name.replace(/"/g, '""')}"`;
}

/**
 * Quotes, in a piece of this plan's SQL, the names that need it: a whole name, not part of a longer one, not
 * already quoted, not inside a string literal or a line comment. A name the plan derives from one in capitals
 * (Prisma's `User_createdAt_idx`, `createdAt_bigint`) is quoted too, so the database keeps the spelling the schema
 * file will name. The pattern is built once per plan.
 */
export function sqlQuoter(ctx: PlanContext): (sql: string) => string {
  const names = namesToQuote(ctx);
  if (names.length === 0) return (sql) => sql;
  const alternation = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
  const cased = ctx.dialect === "mysql" ? "" : names.filter((n) => n !== n.toLowerCase()).map(escapeRegExp).join("|");
  const wanted = cased ? String.raw`(?:${cased})(?:_\w+)?|${alternation}` : alternation;
  const pattern = new RegExp(String.raw`'(?:[^']|'')*'|--[^\n]*|["\x60][^"\x60]*["\x60]|(?<![\w$])(${wanted})(?![\w$])`, "g");
  return (sql) => sql.replace(pattern, (whole, name: string | undefined) => (name === undefined ? whole : quoteIdentifier(name, ctx.dialect)));
}

/** The names this plan's SQL uses that the dialect needs quoted: the table, its columns and indexes, the task's new names. */
function namesToQuote(ctx: PlanContext): string[] {
  const task = ctx.survey.task;
  const names = [
    ctx.table, ctx.column, task.newName, task.otherTable, task.references?.table, task.references?.column,
    ...task.columns, ...(ctx.survey.table?.columns ?? []), ...(ctx.survey.column?.indexes ?? []).map((i) => i.name),
  ];
  return [...new Set(names.filter((n): n is string => typeof n === "string" && n !== "" && needsQuotes(n, ctx.dialect)))];
}

/** Inline code that is a statement (`CREATE TABLE … AS SELECT …`), in prose that otherwise keeps the code's names. */
function quoteSqlSpans(text: string, quote: (sql: string) => string): string {
  return text.replace(/`((?:SELECT|CREATE|ALTER|DROP|UPDATE|INSERT|DELETE)\b[^`]*)`/g, (_, sql: string) => `\`${quote(sql)}\``);
}

/** The SQL of step text: the lines of ```sql fences, and statements in inline code elsewhere. */
function quoteSqlText(lines: string[], quote: (sql: string) => string): string[] {
  let inSql = false;
  return lines.map((line) => {
    if (/^```sql\s*$/.test(line.trim())) inSql = true;
    else if (line.trim().startsWith("```")) inSql = false;
    else return inSql ? quote(line) : quoteSqlSpans(line, quote);
    return line;
  });
}

/**
 * The pattern with its SQL quoting the names that need it: the patterns write names bare, and Postgres would fold
 * Prisma's `createdAt` to `createdat`, a reserved `order` would not parse. Prose keeps the names as the code says them.
 */
export function quotePatternSql(ctx: PlanContext, pattern: Pattern): Pattern {
  const quote = sqlQuoter(ctx);
  return {
    ...pattern,
    steps: pattern.steps.map((step) => ({
      ...step,
      body: quoteSqlText(step.body, quote),
      rollback: quoteSqlSpans(step.rollback, quote),
      ...(step.migration ? { migration: { ...step.migration, up: step.migration.up.map(quote), down: step.migration.down?.map(quote) ?? null } } : {}),
    })),
    validation: pattern.validation.map((check) => (check.sql ? { ...check, sql: quote(check.sql) } : check)),
  };
}
