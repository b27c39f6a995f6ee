/** Sources and unreadable entries for Django translations. */
import type { Operation } from "../../model/operations.js";
import type { Source } from "../../model/schema.js";
import { brief, type Span } from "../../parse/code-value.js";
import type { DjangoContext } from "./state.js";

export function sourceOf(ctx: DjangoContext, span: Span): Source {
  return span.endLine > span.line ? { path: ctx.path, line: span.line, endLine: span.endLine } : { path: ctx.path, line: span.line };
}

/** Code the reader cannot type: an operation the rules treat as unknown, and a line in the unreadable list. */
export function untyped(ctx: DjangoContext, at: Span & { text: string; name?: string }, reason: string): Operation {
  ctx.unreadable.push({ path: ctx.path, line: at.line, message: `${reason}: ${brief(at.text)}` });
  return { kind: "raw", sql: at.text, reason, source: sourceOf(ctx, at), call: at.name };
}
