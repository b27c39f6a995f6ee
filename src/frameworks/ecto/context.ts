/** What the Ecto translators read from: the file, the dialect, and the repo's migration configuration. */
import type { Operation } from "../../model/operations.js";
import type { Source, SqlDialect, Unreadable } from "../../model/schema.js";
import { brief, type CodeValue, type Span } from "../../parse/code-value.js";

/** `config :app, App.Repo, migration_timestamps: […], migration_primary_key: […]` (config/config.exs). */
export interface RepoConfig {
  /** Options every `timestamps()` starts from (`type: :utc_datetime_usec`). */
  timestamps: Map<string, CodeValue>;
  /** The key `create table` adds: its name and type, or false for none. */
  primaryKey: { name: string; type: string } | false;
}

export const DEFAULT_CONFIG: RepoConfig = { timestamps: new Map(), primaryKey: { name: "id", type: "bigserial" } };

export interface EctoContext {
  path: string;
  dialect: SqlDialect | null;
  unreadable: Unreadable[];
  config: RepoConfig;
}

export function sourceOf(ctx: EctoContext, span: Span): Source {
  return span.endLine > span.line ? { path: ctx.path, line: span.line, endLine: span.endLine } : { path: ctx.path, line: span.line };
}

export function untyped(ctx: EctoContext, at: Span & { text: string; name?: string }, reason: string): Operation {
  ctx.unreadable.push({ path: ctx.path, line: at.line, message: `${reason}: ${brief(at.text)}` });
  return { kind: "raw", sql: at.text, reason, source: sourceOf(ctx, at), call: at.name };
}
