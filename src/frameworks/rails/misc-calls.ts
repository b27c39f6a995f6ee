/**
 * `execute` (its SQL goes to the SQL reader; a string built at run time is unreadable), PostgreSQL enums,
 * extensions and schemas (kept as raw SQL: the model has no place for them), and comments (no schema effect).
 */
import type { Operation } from "../../model/operations.js";
import { nameOf, option, type CodeValue } from "../../parse/code-value.js";
import { readSqlText } from "../../sql/read.js";
import { sourceOf, tableArg, untyped, type Handler } from "./context.js";

/** The SQL of `execute`'s argument: a literal, a heredoc, or a local variable holding one. */
function sqlText(value: CodeValue | undefined, locals: Map<string, CodeValue>): { sql: string; line: number } | null {
  if (value?.kind === "name" && value.parts.length === 1) return sqlText(locals.get(value.parts[0]!), locals);
  return value?.kind === "string" ? { sql: value.value, line: value.line } : null;
}

const execute: Handler = async (call, ctx) => {
  const text = sqlText(call.args[0], ctx.locals);
  if (!text) return { up: [untyped(ctx, call, "SQL built at run time")], down: null };
  const read = await readSqlText(text.sql, ctx.dialect, { path: ctx.path, line: text.line });
  ctx.unreadable.push(...read.unreadable);
  return { up: read.operations, down: null };
};

/** A command the model has no operation for, kept as the code that runs it. */
const raw = (reason: string): Handler => (call, ctx) => ({
  up: [{ kind: "raw", sql: call.text, reason, source: sourceOf(ctx, call), call: call.name }],
});

const createEnum: Handler = (call, ctx) => {
  const name = tableArg(call);
  const values = call.args[1]?.kind === "list" ? call.args[1].items.map(nameOf) : null;
  if (!name || !values || values.some((v) => v === null)) return { up: [untyped(ctx, call, "enum built at run time")], down: null };
  const source = sourceOf(ctx, call);
  return { up: [{ kind: "create_enum", name, values: values as string[], source, call: call.name }], down: [{ kind: "drop_enum", name, source, call: "drop_enum" }] };
};

const dropEnum: Handler = (call, ctx) => {
  const name = tableArg(call);
  if (!name) return { up: [untyped(ctx, call, "enum named at run time")], down: null };
  return { up: [{ kind: "drop_enum", name, source: sourceOf(ctx, call), call: call.name }], down: null };
};

const addEnumValue: Handler = (call, ctx) => {
  const name = tableArg(call);
  const value = nameOf(call.args[1]);
  if (!name || value === null) return { up: [untyped(ctx, call, "enum value computed at run time")], down: null };
  const op: Operation = { kind: "add_enum_value", name, value, source: sourceOf(ctx, call), call: call.name };
  const before = nameOf(option(call, "before"));
  const after = nameOf(option(call, "after"));
  if (before !== null) op.before = before;
  if (after !== null) op.after = after;
  // PostgreSQL cannot remove an enum value.
  return { up: [op], down: null };
};

const renameEnumValue: Handler = (call, ctx) => {
  const name = tableArg(call);
  const from = nameOf(option(call, "from"));
  const to = nameOf(option(call, "to"));
  if (!name || from === null || to === null) return { up: [untyped(ctx, call, "enum value computed at run time")], down: null };
  const source = sourceOf(ctx, call);
  return { up: [{ kind: "rename_enum_value", name, from, to, source, call: call.name }], down: [{ kind: "rename_enum_value", name, from: to, to: from, source, call: call.name }] };
};

const extension = (enable: boolean): Handler => (call, ctx) => {
  const name = tableArg(call);
  if (!name) return { up: [untyped(ctx, call, "extension named at run time")], down: null };
  const create = `CREATE EXTENSION IF NOT EXISTS "${name}"`;
  const drop = `DROP EXTENSION IF EXISTS "${name}"`;
  const source = sourceOf(ctx, call);
  const reason = "extensions are not part of the schema model";
  return {
    up: [{ kind: "raw", sql: enable ? create : drop, reason, source, call: call.name }],
    down: [{ kind: "raw", sql: enable ? drop : create, reason, source, call: call.name }],
  };
};

const noEffect: Handler = () => ({ up: [], down: [] });

export const MISC_CALLS: Record<string, Handler> = {
  execute,
  create_enum: createEnum,
  drop_enum: dropEnum,
  add_enum_value: addEnumValue,
  rename_enum_value: renameEnumValue,
  rename_enum: raw("enum renames are not part of the schema model"),
  enable_extension: extension(true),
  disable_extension: extension(false),
  create_schema: raw("schemas are not part of the schema model"),
  drop_schema: raw("schemas are not part of the schema model"),
  change_table_comment: noEffect,
  change_column_comment: noEffect,
};
