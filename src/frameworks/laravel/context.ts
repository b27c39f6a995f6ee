/** What the Laravel translators read from: the file and the dialect. */
import type { Operation } from "../../model/operations.js";
import type { Source, SqlDialect, Unreadable } from "../../model/schema.js";
import { brief, type Span } from "../../parse/code-value.js";

export interface LaravelContext {
  path: string;
  dialect: SqlDialect | null;
  unreadable: Unreadable[];
}

export function sourceOf(ctx: LaravelContext, span: Span): Source {
  return span.endLine > span.line ? { path: ctx.path, line: span.line, endLine: span.endLine } : { path: ctx.path, line: span.line };
}

export function untyped(ctx: LaravelContext, at: Span & { text: string; name?: string }, reason: string): Operation {
  ctx.unreadable.push({ path: ctx.path, line: at.line, message: `${reason}: ${brief(at.text)}` });
  return { kind: "raw", sql: at.text, reason, source: sourceOf(ctx, at), call: at.name };
}
