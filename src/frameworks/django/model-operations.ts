/**
 * Model operations: CreateModel (its table, its fields' constraints and indexes, `unique_together`,
 * `index_together`, `indexes`, `constraints`, many-to-many tables), DeleteModel, RenameModel, AlterModelTable,
 * AlterUniqueTogether, AlterIndexTogether. Unmanaged and proxy models change only the state.
 */
import type { ConstraintSpec, Operation } from "../../model/operations.js";
import type { Source } from "../../model/schema.js";
import { booleanOf, entry, nameOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { sourceOf, untyped } from "./context.js";
import { fieldExtras } from "./field-effects.js";
import { readField } from "./fields.js";
import { callsOf, columnOfModel, constraintOperation, indexOperation } from "./meta-indexes.js";
import { djangoIndexName, tableOfModel } from "./naming.js";
import { ProjectState, togetherKey, type DjangoContext, type FieldState, type ModelState } from "./state.js";
import { hasThroughTable, throughTable, throughTableName } from "./through.js";

/** `unique_together = ("a", "b")` or `[("a", "b"), …]` → groups of field names. */
export function fieldGroups(value: CodeValue | undefined): string[][] {
  if (value?.kind !== "list") return [];
  if (value.items.every((i) => i.kind === "string")) return [value.items.map((i) => nameOf(i)!)];
  return value.items.filter((i) => i.kind === "list").map((group) => (group.kind === "list" ? group.items.map(nameOf).filter((n): n is string => n !== null) : []));
}

function groupColumns(model: ModelState, group: string[]): string[] | null {
  const columnOf = columnOfModel(model);
  const columns = group.map(columnOf);
  return columns.every((c): c is string => c !== null) ? columns : null;
}

export function modelOf(call: CodeCall, ctx: DjangoContext, key = "model_name"): ModelState | undefined {
  const name = nameOf(option(call, key) ?? call.args[0]);
  return name ? ctx.state.get(ctx.app, name) : undefined;
}

export function createModel(call: CodeCall, ctx: DjangoContext): Operation[] {
  const name = nameOf(option(call, "name") ?? call.args[0]);
  const fields = option(call, "fields") ?? call.args[1];
  if (!name || fields?.kind !== "list") return [untyped(ctx, call, "model built at run time")];
  const options = option(call, "options");
  const dbTable = stringOf(entry(options, "db_table"));
  const model: ModelState = {
    app: ctx.app,
    name,
    table: dbTable ?? tableOfModel(ctx.app, name),
    explicitTable: dbTable !== null,
    hasTable: booleanOf(entry(options, "managed")) !== false && booleanOf(entry(options, "proxy")) !== true,
    fields: [],
    uniqueTogether: fieldGroups(entry(options, "unique_together")),
    indexTogether: fieldGroups(entry(options, "index_together")),
    togetherNames: new Map(),
  };
  ctx.state.models.set(ProjectState.key(ctx.app, name), model);
  const declared: DeclaredField[] = [];
  const unread: Operation[] = [];
  for (const item of fields.items) {
    const [fieldName, fieldCall] = item.kind === "list" ? item.items : [];
    const named = nameOf(fieldName);
    if (!named || fieldCall?.kind !== "call") {
      unread.push(untyped(ctx, { ...item, text: "text" in item ? item.text : call.text }, "field built at run time"));
      continue;
    }
    const field = readField(named, fieldCall, name, ctx);
    model.fields.push(field);
    declared.push({ field, source: sourceOf(ctx, item) });
  }
  if (!model.hasTable) return [];
  const meta = { indexes: callsOf(entry(options, "indexes")), constraints: callsOf(entry(options, "constraints")) };
  return [...tableOperations(model, declared, meta, ctx, sourceOf(ctx, call), "CreateModel"), ...unread];
}

export interface DeclaredField {
  field: FieldState;
  source: Source;
}

/**
 * A model's table as Django creates it: the CREATE TABLE with its columns, UNIQUEs, foreign keys,
 * `unique_together` and constraints, then its indexes and many-to-many tables.
 */
export function tableOperations(model: ModelState, declared: DeclaredField[], meta: { indexes: CodeCall[]; constraints: CodeCall[] }, ctx: DjangoContext, source: Source, call: string): Operation[] {
  const columns: Extract<Operation, { kind: "create_table" }>["columns"] = [];
  const constraints: ConstraintSpec[] = [];
  const after: Operation[] = [];
  for (const { field, source: fieldSource } of declared) {
    if (field.spec) columns.push({ ...field.spec, source: fieldSource });
    const extras = fieldExtras(model.table, field, ctx, fieldSource, call);
    constraints.push(...extras.constraints.map((c) => ({ ...c, source: fieldSource })));
    after.push(...extras.indexes);
  }
  for (const group of model.uniqueTogether) {
    const cols = groupColumns(model, group);
    if (!cols) continue;
    const name = djangoIndexName(model.table, cols, "_uniq", ctx.dialect);
    model.togetherNames.set(togetherKey("unique", group), name);
    constraints.push({ kind: "unique", name, columns: cols });
  }
  for (const group of model.indexTogether) after.push(...togetherIndex(model, group, ctx, source, call));
  for (const index of meta.indexes) after.push(readResult(indexOperation(index, model, sourceOf(ctx, index), false, call), index, ctx));
  for (const constraint of meta.constraints) {
    const op = readResult(constraintOperation(constraint, model, sourceOf(ctx, constraint), call), constraint, ctx);
    if (op.kind === "add_constraint") constraints.push({ ...op.constraint, source: op.source });
    else after.push(op);
  }
  for (const { field } of declared) {
    const made = throughTable(model, field, ctx, source, call);
    if (made) after.push(...made.ops);
  }
  return [{ kind: "create_table", table: model.table, columns, constraints, source, call }, ...after];
}

/** A translated index or constraint, or the code listed as unreadable. */
export function readResult(result: { op: Operation } | { unreadable: string }, at: CodeCall, ctx: DjangoContext): Operation {
  return "op" in result ? result.op : untyped(ctx, at, result.unreadable);
}

function togetherIndex(model: ModelState, group: string[], ctx: DjangoContext, source: Operation["source"], call: string): Operation[] {
  const cols = groupColumns(model, group);
  if (!cols) return [];
  const name = djangoIndexName(model.table, cols, "_idx", ctx.dialect);
  model.togetherNames.set(togetherKey("index", group), name);
  return [
    {
      kind: "create_index",
      index: { name, table: model.table, keys: cols.map((c) => ({ column: c, columns: [c] })), unique: false, method: null, where: null, whereColumns: [], include: [] },
      concurrently: false,
      source,
      call,
    },
  ];
}

export function deleteModel(call: CodeCall, ctx: DjangoContext): Operation[] {
  const model = modelOf(call, ctx, "name");
  if (!model) return [untyped(ctx, call, "model not created by the migrations read")];
  ctx.state.models.delete(ProjectState.key(model.app, model.name));
  if (!model.hasTable) return [];
  const source = sourceOf(ctx, call);
  const throughs = model.fields.filter(hasThroughTable).map((f) => throughTableName(model, f, ctx.dialect));
  return [...throughs, model.table].map((table) => ({ kind: "drop_table", table, cascade: true, source, call: "DeleteModel" }));
}

/** Renames the model's table (unless `db_table` fixes it) and its many-to-many tables. */
function retable(model: ModelState, table: string, ctx: DjangoContext, source: Operation["source"], call: string): Operation[] {
  const ops: Operation[] = [];
  const throughs = model.fields.filter(hasThroughTable);
  const before = throughs.map((f) => throughTableName(model, f, ctx.dialect));
  if (model.hasTable && table !== model.table) ops.push({ kind: "rename_table", table: model.table, to: table, source, call });
  model.table = table;
  throughs.forEach((field, i) => {
    const after = throughTableName(model, field, ctx.dialect);
    if (model.hasTable && after !== before[i]) ops.push({ kind: "rename_table", table: before[i]!, to: after, source, call });
  });
  return ops;
}

export function renameModel(call: CodeCall, ctx: DjangoContext): Operation[] {
  const model = modelOf(call, ctx, "old_name");
  const newName = nameOf(option(call, "new_name") ?? call.args[1]);
  if (!model || !newName) return [untyped(ctx, call, "model not created by the migrations read")];
  const oldKey = ProjectState.key(model.app, model.name);
  const newKey = ProjectState.key(model.app, newName);
  ctx.state.models.delete(oldKey);
  const source = sourceOf(ctx, call);
  const ops = retable(model, model.explicitTable ? model.table : tableOfModel(model.app, newName), ctx, source, "RenameModel");
  // Many-to-many tables name their columns after the models: those of and to the renamed one follow it.
  const oldColumn = `${model.name.toLowerCase()}_id`;
  const newColumn = `${newName.toLowerCase()}_id`;
  for (const other of ctx.state.models.values()) {
    for (const field of other.fields) {
      if (field.relation?.to === oldKey) field.relation.to = newKey;
      if (other.hasTable && hasThroughTable(field) && field.relation?.to === newKey) {
        ops.push({ kind: "rename_column", table: throughTableName(other, field, ctx.dialect), column: oldColumn, to: newColumn, source, call: "RenameModel" });
      }
    }
  }
  for (const field of model.fields) {
    if (model.hasTable && hasThroughTable(field) && field.relation?.to !== oldKey) {
      ops.push({ kind: "rename_column", table: throughTableName(model, field, ctx.dialect), column: oldColumn, to: newColumn, source, call: "RenameModel" });
    }
  }
  model.name = newName;
  ctx.state.models.set(newKey, model);
  return ops;
}

export function alterModelTable(call: CodeCall, ctx: DjangoContext): Operation[] {
  const model = modelOf(call, ctx, "name");
  if (!model) return [untyped(ctx, call, "model not created by the migrations read")];
  const table = stringOf(option(call, "table") ?? call.args[1]);
  model.explicitTable = table !== null;
  return retable(model, table ?? tableOfModel(model.app, model.name), ctx, sourceOf(ctx, call), "AlterModelTable");
}

function together(call: CodeCall, ctx: DjangoContext, kind: "unique" | "index"): Operation[] {
  const model = modelOf(call, ctx, "name");
  if (!model) return [untyped(ctx, call, "model not created by the migrations read")];
  const groups = fieldGroups(option(call, kind === "unique" ? "unique_together" : "index_together") ?? call.args[1]);
  const current = kind === "unique" ? model.uniqueTogether : model.indexTogether;
  const same = (a: string[], b: string[]) => a.join(",") === b.join(",");
  const removed = current.filter((g) => !groups.some((n) => same(n, g)));
  const added = groups.filter((g) => !current.some((o) => same(o, g)));
  if (kind === "unique") model.uniqueTogether = groups;
  else model.indexTogether = groups;
  if (!model.hasTable) return [];
  const source = sourceOf(ctx, call);
  const name = kind === "unique" ? "AlterUniqueTogether" : "AlterIndexTogether";
  const ops: Operation[] = [];
  for (const group of removed) {
    const cols = groupColumns(model, group);
    const key = togetherKey(kind, group);
    const indexName = model.togetherNames.get(key) ?? (cols ? djangoIndexName(model.table, cols, kind === "unique" ? "_uniq" : "_idx", ctx.dialect) : null);
    model.togetherNames.delete(key);
    if (!indexName) continue;
    ops.push(kind === "unique" ? { kind: "drop_constraint", table: model.table, name: indexName, source, call: name } : { kind: "drop_index", name: indexName, table: model.table, concurrently: false, source, call: name });
  }
  for (const group of added) {
    if (kind === "index") {
      ops.push(...togetherIndex(model, group, ctx, source, name));
      continue;
    }
    const cols = groupColumns(model, group);
    if (!cols) continue;
    const constraintName = djangoIndexName(model.table, cols, "_uniq", ctx.dialect);
    model.togetherNames.set(togetherKey("unique", group), constraintName);
    ops.push({ kind: "add_constraint", table: model.table, constraint: { kind: "unique", name: constraintName, columns: cols }, notValid: false, source, call: name });
  }
  return ops;
}

export const alterUniqueTogether = (call: CodeCall, ctx: DjangoContext) => together(call, ctx, "unique");
export const alterIndexTogether = (call: CodeCall, ctx: DjangoContext) => together(call, ctx, "index");
