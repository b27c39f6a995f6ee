/**
 * Constraint commands: foreign keys (`validate: false` adds them NOT VALID), check constraints, unique and
 * exclusion constraints, and their `validate_*` and `remove_*` forms.
 */
import { booleanOf, nameOf, option, stringOf } from "../../parse/code-value.js";
import { expressionColumns } from "../../parse/expression-columns.js";
import { namesIn } from "./column.js";
import { sourceOf, tableArg, untyped, type Handler } from "./context.js";
import { foreignKeyConstraint } from "./foreign-key.js";
import { checkConstraintName, foreignKeyColumn, foreignKeyName } from "./naming.js";

const addForeignKey: Handler = (call, ctx) => {
  const from = tableArg(call);
  const to = tableArg(call, 1);
  if (!from || !to) return { up: [untyped(ctx, call, "table name computed at run time")], down: null };
  const { constraint, notValid } = foreignKeyConstraint(from, to, call);
  return { up: [{ kind: "add_constraint", table: from, constraint, notValid, source: sourceOf(ctx, call), call: call.name }] };
};

/** The name `remove_foreign_key`/`validate_foreign_key` act on: `name:`, or the one Rails derives from the column. */
function foreignKeyNameOf(from: string, to: string | null, call: Parameters<Handler>[0]): string | null {
  const named = nameOf(option(call, "name"));
  if (named) return named;
  const columns = namesIn(option(call, "column"));
  if (columns.length) return foreignKeyName(from, columns);
  return to ? foreignKeyName(from, [foreignKeyColumn(to)]) : null;
}

const removeForeignKey: Handler = (call, ctx) => {
  const from = tableArg(call);
  const to = tableArg(call, 1);
  const name = from ? foreignKeyNameOf(from, to, call) : null;
  if (!from || !name) return { up: [untyped(ctx, call, "foreign key named at run time")], down: null };
  const source = sourceOf(ctx, call);
  return {
    up: [{ kind: "drop_constraint", table: from, name, source, call: call.name }],
    down: to ? [{ kind: "add_constraint", table: from, constraint: foreignKeyConstraint(from, to, call).constraint, notValid: false, source, call: "add_foreign_key" }] : null,
  };
};

const validateForeignKey: Handler = (call, ctx) => {
  const from = tableArg(call);
  const name = from ? foreignKeyNameOf(from, tableArg(call, 1), call) : null;
  if (!from || !name) return { up: [untyped(ctx, call, "foreign key named at run time")], down: null };
  return { up: [{ kind: "validate_constraint", table: from, name, source: sourceOf(ctx, call), call: call.name }], down: [] };
};

const addCheckConstraint: Handler = (call, ctx) => {
  const table = tableArg(call);
  const expression = stringOf(call.args[1]);
  if (!table || expression === null) return { up: [untyped(ctx, call, "check constraint built at run time")], down: null };
  const name = nameOf(option(call, "name")) ?? checkConstraintName(table, expression);
  const notValid = booleanOf(option(call, "validate")) === false;
  return { up: [{ kind: "add_constraint", table, constraint: { kind: "check", name, expression, columns: expressionColumns(expression) }, notValid, source: sourceOf(ctx, call), call: call.name }] };
};

const removeCheckConstraint: Handler = (call, ctx) => {
  const table = tableArg(call);
  const expression = stringOf(call.args[1]);
  const name = nameOf(option(call, "name")) ?? (table && expression !== null ? checkConstraintName(table, expression) : null);
  if (!table || !name) return { up: [untyped(ctx, call, "check constraint named at run time")], down: null };
  const source = sourceOf(ctx, call);
  return {
    up: [{ kind: "drop_constraint", table, name, source, call: call.name }],
    down: expression === null ? null : [{ kind: "add_constraint", table, constraint: { kind: "check", name, expression, columns: expressionColumns(expression) }, notValid: false, source, call: "add_check_constraint" }],
  };
};

const validateCheckConstraint: Handler = (call, ctx) => {
  const table = tableArg(call);
  const name = nameOf(option(call, "name"));
  if (!table || !name) return { up: [untyped(ctx, call, "check constraint named at run time")], down: null };
  return { up: [{ kind: "validate_constraint", table, name, source: sourceOf(ctx, call), call: call.name }], down: [] };
};

const addUniqueConstraint: Handler = (call, ctx) => {
  const table = tableArg(call);
  const columns = namesIn(call.args[1]);
  if (!table || !columns.length) return { up: [untyped(ctx, call, "unique constraint built at run time")], down: null };
  const usingIndex = nameOf(option(call, "using_index"));
  return {
    up: [
      {
        kind: "add_constraint",
        table,
        constraint: { kind: "unique", name: nameOf(option(call, "name")), columns },
        notValid: false,
        ...(usingIndex ? { usingIndex } : {}),
        source: sourceOf(ctx, call),
        call: call.name,
      },
    ],
  };
};

const addExclusionConstraint: Handler = (call, ctx) => {
  const table = tableArg(call);
  const expression = stringOf(call.args[1]);
  if (!table || expression === null) return { up: [untyped(ctx, call, "exclusion constraint built at run time")], down: null };
  const using = nameOf(option(call, "using"));
  const sql = `EXCLUDE${using ? ` USING ${using}` : ""} (${expression})`;
  return { up: [{ kind: "add_constraint", table, constraint: { kind: "exclude", name: nameOf(option(call, "name")), sql }, notValid: false, source: sourceOf(ctx, call), call: call.name }] };
};

/** `remove_unique_constraint`/`remove_exclusion_constraint :t, name: "…"`. */
const removeNamedConstraint: Handler = (call, ctx) => {
  const table = tableArg(call);
  const name = nameOf(option(call, "name"));
  if (!table || !name) return { up: [untyped(ctx, call, "constraint named at run time")], down: null };
  return { up: [{ kind: "drop_constraint", table, name, source: sourceOf(ctx, call), call: call.name }], down: null };
};

export const CONSTRAINT_CALLS: Record<string, Handler> = {
  add_foreign_key: addForeignKey,
  remove_foreign_key: removeForeignKey,
  validate_foreign_key: validateForeignKey,
  add_check_constraint: addCheckConstraint,
  remove_check_constraint: removeCheckConstraint,
  validate_check_constraint: validateCheckConstraint,
  add_unique_constraint: addUniqueConstraint,
  remove_unique_constraint: removeNamedConstraint,
  add_exclusion_constraint: addExclusionConstraint,
  remove_exclusion_constraint: removeNamedConstraint,
};
