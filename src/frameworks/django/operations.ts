/**
 * Django migration operations → typed operations, each with what undoes it. Index and constraint operations,
 * RunSQL (through the SQL reader), RunPython (Python that changes data: listed, typed as unknown),
 * SeparateDatabaseAndState (the database operations run; the state operations only move the state), and
 * contrib.postgres's extensions and concurrent index operations.
 */
import type { Operation } from "../../model/operations.js";
import { lastName, nameOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { readSqlText } from "../../sql/read.js";
import { invertAll } from "../invert.js";
import { sourceOf, untyped } from "./context.js";
import { addField, alterField, removeField, renameField } from "./field-operations.js";
import { columnOfModel, constraintOperation, indexOperation } from "./meta-indexes.js";
import { alterIndexTogether, alterModelTable, alterUniqueTogether, createModel, deleteModel, fieldGroups, modelOf, readResult, renameModel } from "./model-operations.js";
import { djangoIndexName } from "./naming.js";
import type { DjangoContext } from "./state.js";

export interface Translated {
  up: Operation[];
  /** Null when the operation cannot be undone. */
  down: Operation[] | null;
}

type Translate = (call: CodeCall, ctx: DjangoContext) => Operation[] | Promise<Operation[]> | Promise<Translated>;

const inverted = (up: Operation[]): Translated => ({ up, down: invertAll(up) });

function addIndex(concurrently: boolean): Translate {
  return (call, ctx) => {
    const model = modelOf(call, ctx);
    const index = option(call, "index") ?? call.args[1];
    if (!model || index?.kind !== "call") return [untyped(ctx, call, "index on a model the migrations read did not create")];
    return model.hasTable ? [readResult(indexOperation(index, model, sourceOf(ctx, call), concurrently, call.name), index, ctx)] : [];
  };
}

function removeIndex(concurrently: boolean): Translate {
  return (call, ctx) => {
    const model = modelOf(call, ctx);
    const name = nameOf(option(call, "name") ?? call.args[1]);
    if (!model || !name) return [untyped(ctx, call, "index on a model the migrations read did not create")];
    return model.hasTable ? [{ kind: "drop_index", name, table: model.table, concurrently, source: sourceOf(ctx, call), call: call.name }] : [];
  };
}

const renameIndex: Translate = (call, ctx) => {
  const model = modelOf(call, ctx);
  const to = nameOf(option(call, "new_name"));
  let from = nameOf(option(call, "old_name"));
  if (model && !from) {
    // old_fields: the unnamed index_together index, named as Django names it.
    const [group] = fieldGroups(option(call, "old_fields"));
    const columnOf = columnOfModel(model);
    const columns = group?.map(columnOf);
    if (columns?.every((c): c is string => c !== null)) from = djangoIndexName(model.table, columns, "_idx", ctx.dialect);
  }
  if (!model || !from || !to) return [untyped(ctx, call, "index on a model the migrations read did not create")];
  return model.hasTable ? [{ kind: "rename_index", name: from, to, table: model.table, source: sourceOf(ctx, call), call: call.name }] : [];
};

function addConstraint(notValid: boolean): Translate {
  return (call, ctx) => {
    const model = modelOf(call, ctx);
    const constraint = option(call, "constraint") ?? call.args[1];
    if (!model || constraint?.kind !== "call") return [untyped(ctx, call, "constraint on a model the migrations read did not create")];
    return model.hasTable ? [readResult(constraintOperation(constraint, model, sourceOf(ctx, call), call.name, notValid), constraint, ctx)] : [];
  };
}

const removeConstraint: Translate = (call, ctx) => {
  const model = modelOf(call, ctx);
  const name = nameOf(option(call, "name") ?? call.args[1]);
  if (!model || !name) return [untyped(ctx, call, "constraint on a model the migrations read did not create")];
  return model.hasTable ? [{ kind: "drop_constraint", table: model.table, name, source: sourceOf(ctx, call), call: call.name }] : [];
};

const validateConstraint: Translate = (call, ctx) => {
  const model = modelOf(call, ctx);
  const name = nameOf(option(call, "name") ?? call.args[1]);
  if (!model || !name) return [untyped(ctx, call, "constraint on a model the migrations read did not create")];
  return model.hasTable ? [{ kind: "validate_constraint", table: model.table, name, source: sourceOf(ctx, call), call: call.name }] : [];
};

/** RunSQL's `sql`: a string, a list of strings or of `(sql, params)` pairs; `RunSQL.noop` is nothing. */
async function sqlOperations(value: CodeValue | undefined, call: CodeCall, ctx: DjangoContext): Promise<Operation[] | null> {
  if (!value || lastName(value) === "noop") return [];
  const items = value.kind === "list" && !(value.items.length === 2 && value.items[1]?.kind === "list" && value.items[0]?.kind === "string") ? value.items : [value];
  const ops: Operation[] = [];
  for (const item of items) {
    const text = item.kind === "list" ? item.items[0] : item;
    if (text?.kind !== "string") return null;
    const read = await readSqlText(text.value, ctx.dialect, { path: ctx.path, line: text.line });
    ctx.unreadable.push(...read.unreadable);
    ops.push(...read.operations);
  }
  return ops;
}

const runSql: Translate = async (call, ctx) => {
  const up = await sqlOperations(option(call, "sql") ?? call.args[0], call, ctx);
  const reverse = option(call, "reverse_sql") ?? call.args[1];
  const down = reverse ? await sqlOperations(reverse, call, ctx) : null;
  for (const state of listOf(option(call, "state_operations"))) await translateOperation(state, { ...ctx, unreadable: [] });
  return { up: up ?? [untyped(ctx, call, "SQL built at run time")], down };
};

const runPython: Translate = async (call, ctx) => {
  const reverse = option(call, "reverse_code") ?? call.args[1];
  const up = [untyped(ctx, call, "RunPython: Python code that changes data at migration time")];
  if (!reverse) return { up, down: null };
  if (lastName(reverse) === "noop") return { up, down: [] };
  return { up, down: [{ kind: "raw", sql: call.text, reason: "RunPython reverse_code: Python code that changes data at migration time", source: sourceOf(ctx, call), call: call.name }] };
};

const separate: Translate = async (call, ctx) => {
  // The database operations run against the state as it is; the state then follows the state operations alone.
  const database = { ...ctx, state: ctx.state.clone() };
  const up: Operation[] = [];
  const downs: (Operation[] | null)[] = [];
  for (const operation of listOf(option(call, "database_operations"))) {
    const translated = await translateOperation(operation, database);
    up.push(...translated.up);
    downs.push(translated.down);
  }
  for (const operation of listOf(option(call, "state_operations"))) await translateOperation(operation, { ...ctx, unreadable: [] });
  return { up, down: downs.some((d) => d === null) ? null : (downs as Operation[][]).reverse().flat() };
};

const extension = (fixed: string | null): Translate => (call, ctx) => {
  const name = fixed ?? stringOf(option(call, "name") ?? call.args[0]);
  if (!name) return [untyped(ctx, call, "extension named at run time")];
  return [{ kind: "raw", sql: `CREATE EXTENSION IF NOT EXISTS "${name}"`, reason: "extensions are not part of the schema model", source: sourceOf(ctx, call), call: call.name }];
};

const alterOrderWithRespectTo: Translate = (call, ctx) => {
  const model = modelOf(call, ctx, "name");
  if (!model) return [untyped(ctx, call, "model not created by the migrations read")];
  const to = option(call, "order_with_respect_to") ?? call.args[1];
  const source = sourceOf(ctx, call);
  if (!model.hasTable) return [];
  if (!to || to.kind === "null") return [{ kind: "drop_column", table: model.table, column: "_order", source, call: call.name }];
  const type = ctx.dialect === "mysql" ? "int" : ctx.dialect ? "integer" : null;
  return [{ kind: "add_column", table: model.table, column: { name: "_order", type, nullable: false, default: null }, source, call: call.name }];
};

const stateOnly: Translate = () => [];

const OPERATIONS: Record<string, Translate> = {
  CreateModel: createModel,
  DeleteModel: deleteModel,
  RenameModel: renameModel,
  AlterModelTable: alterModelTable,
  AlterUniqueTogether: alterUniqueTogether,
  AlterIndexTogether: alterIndexTogether,
  AddField: addField,
  RemoveField: removeField,
  AlterField: alterField,
  RenameField: renameField,
  AddIndex: addIndex(false),
  AddIndexConcurrently: addIndex(true),
  RemoveIndex: removeIndex(false),
  RemoveIndexConcurrently: removeIndex(true),
  RenameIndex: renameIndex,
  AddConstraint: addConstraint(false),
  AddConstraintNotValid: addConstraint(true),
  RemoveConstraint: removeConstraint,
  ValidateConstraint: validateConstraint,
  RunSQL: runSql,
  RunPython: runPython,
  SeparateDatabaseAndState: separate,
  AlterModelOptions: stateOnly,
  AlterModelManagers: stateOnly,
  AlterModelTableComment: stateOnly,
  // Django 5.2: a constraint's options that live only in Python (violation_error_message).
  AlterConstraint: stateOnly,
  CreateCollation: (call, ctx) => [{ kind: "raw", sql: call.text, reason: "collations are not part of the schema model", source: sourceOf(ctx, call), call: call.name }],
  AlterOrderWithRespectTo: alterOrderWithRespectTo,
  CreateExtension: extension(null),
  BloomExtension: extension("bloom"),
  BtreeGinExtension: extension("btree_gin"),
  BtreeGistExtension: extension("btree_gist"),
  CITextExtension: extension("citext"),
  CryptoExtension: extension("pgcrypto"),
  HStoreExtension: extension("hstore"),
  TrigramExtension: extension("pg_trgm"),
  UnaccentExtension: extension("unaccent"),
};

function listOf(value: CodeValue | undefined): CodeValue[] {
  return value?.kind === "list" ? value.items : [];
}

export async function translateOperation(value: CodeValue, ctx: DjangoContext): Promise<Translated> {
  if (value.kind !== "call") return { up: [untyped(ctx, { ...value, text: "text" in value ? value.text : value.kind }, "operation built at run time")], down: null };
  const translate = Object.hasOwn(OPERATIONS, value.name) ? OPERATIONS[value.name] : undefined;
  if (!translate) return { up: [untyped(ctx, value, "migration operation the reader does not type")], down: null };
  const result = await translate(value, ctx);
  return Array.isArray(result) ? inverted(result) : result;
}
