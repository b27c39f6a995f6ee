/** What the Alembic translators read from: the file, the dialect, the file's own helpers and names. */
import type { Operation } from "../../model/operations.js";
import type { Source, SqlDialect, Unreadable } from "../../model/schema.js";
import { brief, type CodeStatement, type CodeValue, type Span } from "../../parse/code-value.js";
import type { CustomTypes } from "./custom-types.js";

export interface AlembicContext {
  path: string;
  dialect: SqlDialect | null;
  unreadable: Unreadable[];
  customTypes: CustomTypes;
  /** Module- and function-level names bound to values (`TABLE = "users"`, `sql = """…"""`). */
  locals: Map<string, CodeValue>;
  /** The file's own functions (`def is_postgres(): …`), for conditions that call them. */
  helpers: Map<string, CodeStatement[]>;
  helperParams: Map<string, string[]>;
  /** How deep the reading is inside the file's own helpers (they may call each other). */
  depth: number;
}

export function sourceOf(ctx: AlembicContext, span: Span): Source {
  return span.endLine > span.line ? { path: ctx.path, line: span.line, endLine: span.endLine } : { path: ctx.path, line: span.line };
}

export function untyped(ctx: AlembicContext, at: Span & { text: string; name?: string }, reason: string): Operation {
  ctx.unreadable.push({ path: ctx.path, line: at.line, message: `${reason}: ${brief(at.text)}` });
  return { kind: "raw", sql: at.text, reason, source: sourceOf(ctx, at), call: at.name };
}

/** A value with a local name replaced by what it was bound to (`op.add_column(TABLE, …)`), and `op.f("ix_x")` by its name. */
export function resolve(value: CodeValue | undefined, ctx: AlembicContext): CodeValue | undefined {
  if (value?.kind === "name" && value.parts.length === 1 && ctx.locals.has(value.parts[0]!)) return ctx.locals.get(value.parts[0]!);
  if (value?.kind === "call" && value.name === "f" && value.args.length === 1) return resolve(value.args[0], ctx);
  return value;
}

/** A name argument: a string, a local bound to one, `op.f("…")`; null otherwise. */
export function nameArg(value: CodeValue | undefined, ctx: AlembicContext): string | null {
  const resolved = resolve(value, ctx);
  return resolved?.kind === "string" ? resolved.value : null;
}
