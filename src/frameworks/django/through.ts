/**
 * The table Django creates for a ManyToManyField without `through=`: `<table>_<field>` (shortened with an md5
 * past the identifier length), an id, one NOT NULL foreign key column per side (`<model>_id`, or `from_`/`to_`
 * for a relation to the same model), an index on each, and a unique constraint over both.
 */
import { createHash } from "node:crypto";
import type { ColumnSpec, ConstraintSpec, Operation } from "../../model/operations.js";
import type { Source, SqlDialect } from "../../model/schema.js";
import { stringOf, option } from "../../parse/code-value.js";
import { fieldIndex } from "./field-effects.js";
import { djangoIndexName, foreignKeyName } from "./naming.js";
import type { DjangoContext, FieldState, ModelState } from "./state.js";
import { djangoType, referenceType } from "./types.js";

function truncateName(name: string, dialect: SqlDialect | null): string {
  const max = dialect === "postgres" ? 63 : dialect === "mysql" ? 64 : 200;
  if (name.length <= max) return name;
  return `${name.slice(0, max - 4)}${createHash("md5").update(name).digest("hex").slice(0, 4)}`;
}

export function throughTableName(model: ModelState, field: FieldState, dialect: SqlDialect | null): string {
  return stringOf(option(field.call, "db_table")) ?? truncateName(`${model.table}_${field.name.toLowerCase()}`, dialect);
}

/** Whether the field makes its own table: a many-to-many relation with no `through=` model. */
export function hasThroughTable(field: FieldState): boolean {
  return field.relation?.manyToMany === true && field.relation.through === null;
}

export function throughTable(model: ModelState, field: FieldState, ctx: DjangoContext, source: Source, call: string): { table: string; ops: Operation[] } | null {
  if (!hasThroughTable(field) || !field.relation?.to) return null;
  const table = throughTableName(model, field, ctx.dialect);
  const fromKey = `${model.app}.${model.name}`.toLowerCase();
  const self = field.relation.to === fromKey;
  const toModel = field.relation.to.split(".")[1]!;
  const fromModel = model.name.toLowerCase();
  const sides = [
    { column: self ? `from_${fromModel}_id` : `${fromModel}_id`, key: fromKey },
    { column: self ? `to_${toModel}_id` : `${toModel}_id`, key: field.relation.to },
  ];
  const pk = model.fields.find((f) => f.primaryKey);
  const columns: ColumnSpec[] = [{ name: "id", type: pk ? djangoType(pk.fieldClass, { maxLength: null, maxDigits: null, decimalPlaces: null }, ctx.dialect) : null, nullable: false, primaryKey: true }];
  const constraints: ConstraintSpec[] = [];
  const indexes: Operation[] = [];
  for (const side of sides) {
    const target = ctx.state.target(side.key);
    columns.push({ name: side.column, type: target ? referenceType(target.pkClass, target.pkType, ctx.dialect) : null, nullable: false, default: null });
    if (target) {
      constraints.push({ kind: "foreign_key", name: foreignKeyName(table, side.column, target.table, target.pkColumn, ctx.dialect), columns: [side.column], refTable: target.table, refColumns: [target.pkColumn], onDelete: "no_action", onUpdate: "no_action" });
    }
    indexes.push(fieldIndex(table, side.column, djangoIndexName(table, [side.column], "", ctx.dialect), null, source, call));
  }
  const both = sides.map((s) => s.column);
  constraints.push({ kind: "unique", name: djangoIndexName(table, both, "_uniq", ctx.dialect), columns: both });
  return { table, ops: [{ kind: "create_table", table, columns, constraints, source, call }, ...indexes] };
}
