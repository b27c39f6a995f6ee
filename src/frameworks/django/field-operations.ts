/**
 * Field operations: AddField, RemoveField, AlterField (the schema editor's `_alter_field`: rename, type,
 * NULL, database default, unique, index, `_like` index, foreign key, each only where it changed) and
 * RenameField. A NOT NULL field added with a `default` gets that default only while the column is filled:
 * Django drops it afterwards, so the column has none.
 */
import type { Operation } from "../../model/operations.js";
import type { Source } from "../../model/schema.js";
import { nameOf, option, type CodeCall } from "../../parse/code-value.js";
import { sourceOf, untyped } from "./context.js";
import { fieldExtras, fieldIndex, foreignKeyOf, likeIndexName, plainIndexName } from "./field-effects.js";
import { readField } from "./fields.js";
import { modelOf } from "./model-operations.js";
import { djangoIndexName, inlineUniqueName } from "./naming.js";
import { fieldOf, togetherKey, type DjangoContext, type FieldState, type ModelState } from "./state.js";
import { hasThroughTable, throughTable, throughTableName } from "./through.js";

function fieldCall(call: CodeCall): CodeCall | null {
  const field = option(call, "field") ?? call.args[2];
  return field?.kind === "call" ? field : null;
}

/** The column and what comes with it, as operations on an existing table. */
function addOperations(model: ModelState, field: FieldState, ctx: DjangoContext, source: Source, name: string): Operation[] {
  const made = throughTable(model, field, ctx, source, name);
  if (made) return made.ops;
  if (!field.spec) return [];
  const extras = fieldExtras(model.table, field, ctx, source, name);
  return [
    { kind: "add_column", table: model.table, column: field.spec, source, call: name },
    ...extras.constraints.map((constraint): Operation => ({ kind: "add_constraint", table: model.table, constraint, notValid: false, source, call: name })),
    ...extras.indexes,
  ];
}

export function addField(call: CodeCall, ctx: DjangoContext): Operation[] {
  const model = modelOf(call, ctx);
  const name = nameOf(option(call, "name") ?? call.args[1]);
  const definition = fieldCall(call);
  if (!model || !name || !definition) return [untyped(ctx, call, model ? "field built at run time" : "model not created by the migrations read")];
  const field = readField(name, definition, model.name, ctx);
  model.fields.push(field);
  return model.hasTable ? addOperations(model, field, ctx, sourceOf(ctx, call), "AddField") : [];
}

export function removeField(call: CodeCall, ctx: DjangoContext): Operation[] {
  const model = modelOf(call, ctx);
  const field = model && fieldOf(model, nameOf(option(call, "name") ?? call.args[1]) ?? "");
  if (!model || !field) return [untyped(ctx, call, "field not created by the migrations read")];
  model.fields = model.fields.filter((f) => f !== field);
  if (!model.hasTable) return [];
  const source = sourceOf(ctx, call);
  if (hasThroughTable(field)) return [{ kind: "drop_table", table: throughTableName(model, field, ctx.dialect), source, call: "RemoveField" }];
  return field.column ? [{ kind: "drop_column", table: model.table, column: field.column, cascade: true, source, call: "RemoveField" }] : [];
}

/** The name of the UNIQUE a field has: the database's for one made with the column, Django's `_uniq` for one added later. */
function uniqueName(model: ModelState, field: FieldState, ctx: DjangoContext): string | null {
  return field.uniqueName ?? (field.column ? inlineUniqueName(model.table, field.column, ctx.dialect) : null);
}

/**
 * As `_alter_field` runs it: the foreign key is dropped whenever the column changes and made again (under the
 * new column's name) at the end; unique and index changes follow the column.
 */
function alterOperations(model: ModelState, old: FieldState, next: FieldState, ctx: DjangoContext, source: Source): Operation[] {
  const table = model.table;
  const call = "AlterField";
  if (!old.column || !next.column || !old.spec || !next.spec) return [];
  const changes: Operation[] = [];
  const dropIndex = (name: string): Operation => ({ kind: "drop_index", name, table, concurrently: false, source, call });
  if (old.unique && !next.unique && !old.primaryKey) {
    const name = uniqueName(model, old, ctx);
    if (name) changes.push({ kind: "drop_constraint", table, name, source, call });
  }
  const oldPlain = plainIndexName(table, old, ctx);
  const oldLike = likeIndexName(table, old, ctx);
  const newLike = likeIndexName(table, { ...next, column: old.column }, ctx);
  if (oldPlain && !plainIndexName(table, { ...next, column: old.column }, ctx)) changes.push(dropIndex(oldPlain));
  if (oldLike && (!newLike || newLike.opclass !== oldLike.opclass)) changes.push(dropIndex(oldLike.name));
  const column = next.column;
  if (old.column !== column) changes.push({ kind: "rename_column", table, column: old.column, to: column, source, call });
  if (next.spec.type !== null && next.spec.type !== old.spec.type) changes.push({ kind: "change_type", table, column, type: next.spec.type, source, call });
  if (next.spec.nullable !== null && next.spec.nullable !== old.spec.nullable) changes.push({ kind: "set_nullable", table, column, nullable: next.spec.nullable, source, call });
  if (next.spec.default !== undefined && JSON.stringify(next.spec.default) !== JSON.stringify(old.spec.default)) changes.push({ kind: "set_default", table, column, default: next.spec.default, source, call });
  if (next.unique && !old.unique && !next.primaryKey) {
    next.uniqueName = djangoIndexName(table, [column], "_uniq", ctx.dialect);
    changes.push({ kind: "add_constraint", table, constraint: { kind: "unique", name: next.uniqueName, columns: [column] }, notValid: false, source, call });
  } else if (next.unique && old.unique) next.uniqueName = old.uniqueName;
  const newPlain = plainIndexName(table, next, ctx);
  if (newPlain && !oldPlain) changes.push(fieldIndex(table, column, newPlain, null, source, call));
  const like = likeIndexName(table, next, ctx);
  if (like && (!oldLike || oldLike.opclass !== like.opclass)) changes.push(fieldIndex(table, column, like.name, like.opclass, source, call));

  const oldFk = foreignKeyOf(table, old, ctx);
  const newFk = foreignKeyOf(table, next, ctx);
  const retarget = oldFk && newFk && (oldFk.refTable !== newFk.refTable || oldFk.refColumns.join() !== newFk.refColumns.join());
  const dropFk = oldFk?.name && (changes.length > 0 || retarget || !newFk);
  const ops: Operation[] = dropFk ? [{ kind: "drop_constraint", table, name: oldFk.name!, source, call }, ...changes] : changes;
  if (newFk && (dropFk || !oldFk)) ops.push({ kind: "add_constraint", table, constraint: newFk, notValid: false, source, call });
  return ops;
}

export function alterField(call: CodeCall, ctx: DjangoContext): Operation[] {
  const model = modelOf(call, ctx);
  const name = nameOf(option(call, "name") ?? call.args[1]);
  const definition = fieldCall(call);
  const old = model && name ? fieldOf(model, name) : undefined;
  if (!model || !old || !definition) return [untyped(ctx, call, "field not created by the migrations read")];
  const next = readField(old.name, definition, model.name, ctx);
  model.fields = model.fields.map((f) => (f === old ? next : f));
  return model.hasTable ? alterOperations(model, old, next, ctx, sourceOf(ctx, call)) : [];
}

export function renameField(call: CodeCall, ctx: DjangoContext): Operation[] {
  const model = modelOf(call, ctx);
  const oldName = nameOf(option(call, "old_name") ?? call.args[1]);
  const newName = nameOf(option(call, "new_name") ?? call.args[2]);
  const field = model && oldName ? fieldOf(model, oldName) : undefined;
  if (!model || !field || !newName) return [untyped(ctx, call, "field not created by the migrations read")];
  const renamed = readField(newName, field.call, model.name, ctx);
  const rename = (groups: string[][]) => groups.map((g) => g.map((f) => (f === field.name ? newName : f)));
  model.togetherNames = new Map(
    [...model.togetherNames].map(([key, name]) => {
      const [kind, fields] = key.split(":") as ["unique" | "index", string];
      return [togetherKey(kind, rename([fields.split(",")])[0]!), name];
    }),
  );
  model.uniqueTogether = rename(model.uniqueTogether);
  model.indexTogether = rename(model.indexTogether);
  model.fields = model.fields.map((f) => (f === field ? { ...renamed, uniqueName: field.uniqueName } : f));
  const source = sourceOf(ctx, call);
  if (!model.hasTable) return [];
  if (hasThroughTable(field)) {
    const from = throughTableName(model, field, ctx.dialect);
    const to = throughTableName(model, renamed, ctx.dialect);
    return from === to ? [] : [{ kind: "rename_table", table: from, to, source, call: "RenameField" }];
  }
  if (!field.column || !renamed.column || field.column === renamed.column) return [];
  return [{ kind: "rename_column", table: model.table, column: field.column, to: renamed.column, source, call: "RenameField" }];
}
