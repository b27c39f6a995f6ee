/**
 * What a field's column brings with it when Django creates it: its UNIQUE (named by the database), its
 * foreign key `…_fk_<table>_<column>` (deferrable, with no ON DELETE: Django applies `on_delete` in Python),
 * its index `<table>_<column>_<hash>` (foreign keys and `db_index=True`), and on PostgreSQL the `_like` index
 * with a pattern operator class for varchar and text columns.
 */
import type { ConstraintSpec, IndexSpec, Operation } from "../../model/operations.js";
import type { Source } from "../../model/schema.js";
import { djangoIndexName, foreignKeyName, inlineUniqueName } from "./naming.js";
import type { DjangoContext, FieldState } from "./state.js";

export interface FieldExtras {
  constraints: ConstraintSpec[];
  indexes: Operation[];
}

export function fieldIndex(table: string, column: string, name: string, opclass: string | null, source: Source, call: string): Operation {
  const spec: IndexSpec = {
    name,
    table,
    keys: [{ column, columns: [column], ...(opclass ? { opclass } : {}) }],
    unique: false,
    method: null,
    where: null,
    whereColumns: [],
    include: [],
  };
  return { kind: "create_index", index: spec, concurrently: false, source, call };
}

export function likeIndexName(table: string, field: FieldState, ctx: DjangoContext): { name: string; opclass: string } | null {
  const type = field.spec?.type;
  if (ctx.dialect !== "postgres" || !field.column || !type || type.endsWith("]") || !(field.dbIndex || field.unique)) return null;
  if (type.startsWith("character varying")) return { name: djangoIndexName(table, [field.column], "_like", ctx.dialect), opclass: "varchar_pattern_ops" };
  if (type === "text") return { name: djangoIndexName(table, [field.column], "_like", ctx.dialect), opclass: "text_pattern_ops" };
  return null;
}

export function plainIndexName(table: string, field: FieldState, ctx: DjangoContext): string | null {
  return field.column && field.dbIndex && !field.unique ? djangoIndexName(table, [field.column], "", ctx.dialect) : null;
}

export function foreignKeyOf(table: string, field: FieldState, ctx: DjangoContext): Extract<ConstraintSpec, { kind: "foreign_key" }> | null {
  const relation = field.relation;
  if (!relation || relation.manyToMany || !relation.constraint || !relation.to || !field.column) return null;
  const target = ctx.state.target(relation.to);
  if (!target) return null;
  const toColumn = relation.toField ? (ctx.state.models.get(relation.to)?.fields.find((f) => f.name === relation.toField)?.column ?? relation.toField) : target.pkColumn;
  return {
    kind: "foreign_key",
    name: foreignKeyName(table, field.column, target.table, toColumn, ctx.dialect),
    columns: [field.column],
    refTable: target.table,
    refColumns: [toColumn],
    onDelete: "no_action",
    onUpdate: "no_action",
  };
}

export function fieldExtras(table: string, field: FieldState, ctx: DjangoContext, source: Source, call: string): FieldExtras {
  const extras: FieldExtras = { constraints: [], indexes: [] };
  if (!field.column) return extras;
  if (field.unique && !field.primaryKey) extras.constraints.push({ kind: "unique", name: inlineUniqueName(table, field.column, ctx.dialect), columns: [field.column] });
  const fk = foreignKeyOf(table, field, ctx);
  if (fk) extras.constraints.push(fk);
  const plain = plainIndexName(table, field, ctx);
  if (plain) extras.indexes.push(fieldIndex(table, field.column, plain, null, source, call));
  const like = likeIndexName(table, field, ctx);
  if (like) extras.indexes.push(fieldIndex(table, field.column, like.name, like.opclass, source, call));
  return extras;
}

