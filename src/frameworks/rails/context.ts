/** What every Rails translator reads from: the file, the database's dialect, the migration's Rails version. */
import type { Operation } from "../../model/operations.js";
import type { Source, SqlDialect, Unreadable } from "../../model/schema.js";
import type { CodeCall, CodeValue, Span } from "../../parse/code-value.js";
import { brief } from "../../parse/code-value.js";
import type { RailsBehavior } from "./behavior.js";

export interface RailsContext {
  path: string;
  dialect: SqlDialect | null;
  behavior: RailsBehavior;
  unreadable: Unreadable[];
  /** Local variables of the method being read (`sql = <<~SQL`), so that `execute sql` reads the heredoc. */
  locals: Map<string, CodeValue>;
}

/** One migration command: what it does, and what undoes it (undefined: the inverse of each operation; null: irreversible). */
export interface Command {
  up: Operation[];
  down?: Operation[] | null;
}

export function sourceOf(ctx: RailsContext, span: Span): Source {
  return span.endLine > span.line ? { path: ctx.path, line: span.line, endLine: span.endLine } : { path: ctx.path, line: span.line };
}

/** Code the reader cannot type: an operation the rules treat as unknown, and a line in the unreadable list. */
export function untyped(ctx: RailsContext, call: CodeCall | (Span & { text: string }), reason: string): Operation {
  ctx.unreadable.push({ path: ctx.path, line: call.line, message: `${reason}: ${brief(call.text)}` });
  return { kind: "raw", sql: call.text, reason, source: sourceOf(ctx, call), call: "name" in call ? call.name : undefined };
}

/** A migration method a reader knows (`add_index`, `create_table`), translated. */
export type Handler = (call: CodeCall, ctx: RailsContext) => Command | Promise<Command>;

/** The table a call names first, or null when Ruby computes it. */
export function tableArg(call: CodeCall, at = 0): string | null {
  const value = call.args[at];
  return value?.kind === "string" || value?.kind === "symbol" ? value.value : null;
}
