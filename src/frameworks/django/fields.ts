/**
 * A Django field (`models.CharField(max_length=100, null=True)`, `models.ForeignKey("dcim.Device", …)`) →
 * its column, as the schema editor creates it: the column name (`db_column`, `<name>_id` for a foreign key),
 * the type, NOT NULL unless `null=True`, and no database default — Django applies `default` in Python and only
 * `db_default` (5.0) reaches the database.
 */
import type { ColumnSpec } from "../../model/operations.js";
import type { DefaultValue } from "../../model/schema.js";
import { booleanOf, hasOption, nameOf, numberOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { ProjectState, type DjangoContext, type FieldState, type Relation } from "./state.js";
import { AUTO_FIELDS, djangoType, POSITIVE_FIELDS, referenceType } from "./types.js";

export const FOREIGN_KEYS = new Set(["ForeignKey", "OneToOneField", "TreeForeignKey", "ParentalKey", "TreeOneToOneField"]);
export const MANY_TO_MANY = new Set(["ManyToManyField", "TaggableManager", "ParentalManyToManyField", "TreeManyToManyField"]);
export const NO_COLUMN = new Set(["GenericForeignKey", "GenericRelation", "GenericArrayForeignKey", "RestrictedGenericForeignKey", "GeneratedField"]);

/** The dotted class of a field call (`utilities.fields.ColorField`), for looking it up among the project's own. */
export function fieldClassName(call: CodeCall): string {
  const receiver = call.receiver?.kind === "name" ? call.receiver.parts.join(".") : null;
  return receiver ? `${receiver}.${call.name}` : call.name;
}

function relationOf(call: CodeCall, fieldClass: string, ctx: DjangoContext, model: string): Relation | null {
  const many = MANY_TO_MANY.has(fieldClass);
  if (!many && !FOREIGN_KEYS.has(fieldClass)) return null;
  const to = option(call, "to") ?? call.args[0];
  const reference = stringOf(to) ?? (to?.kind === "name" && to.parts.length === 1 ? to.parts[0]! : null);
  return {
    to: reference ? ProjectState.resolve(reference, ctx.app, model) : null,
    toField: nameOf(option(call, "to_field")),
    constraint: booleanOf(option(call, "db_constraint")) !== false,
    manyToMany: many,
    through: stringOf(option(call, "through")) ?? (fieldClass === "TaggableManager" ? "taggit" : null),
  };
}

/** `db_default=Now()` or a literal: the database's default; a Python `default` is not one. */
function dbDefault(value: CodeValue | undefined): DefaultValue | null | undefined {
  if (value === undefined) return null;
  if (value.kind === "string" || value.kind === "number" || value.kind === "boolean") return { kind: "literal", value: value.value };
  if (value.kind === "call" && value.name === "Now") return { kind: "expression", sql: "CURRENT_TIMESTAMP" };
  if (value.kind === "call" && value.name === "Value" && value.args[0]) return dbDefault(value.args[0]);
  return undefined;
}

/** The column type of a field class with these arguments, a project field resolved to its Django base. */
function typeOf(fieldClass: string, call: CodeCall, ctx: DjangoContext): { type: string | null; base: string | null } {
  const custom = djangoKnown(fieldClass) ? null : ctx.customFields.get(fieldClassName(call));
  const base = custom ? custom.base : djangoKnown(fieldClass) ? fieldClass : null;
  const kwargs = (key: string) => option(call, key) ?? custom?.kwargs[key];
  if (custom?.dbType) return { type: custom.dbType.toLowerCase(), base };
  if (!base) return { type: null, base: null };
  if (base === "ArrayField") {
    const inner = kwargs("base_field");
    if (inner?.kind !== "call") return { type: null, base };
    const innerType = typeOf(inner.name, inner, ctx).type;
    return { type: innerType === null || ctx.dialect !== "postgres" ? null : `${innerType}[]`, base };
  }
  const type = djangoType(base, { maxLength: numberOf(kwargs("max_length")), maxDigits: numberOf(kwargs("max_digits")), decimalPlaces: numberOf(kwargs("decimal_places")) }, ctx.dialect);
  return { type, base };
}

function djangoKnown(fieldClass: string): boolean {
  return djangoType(fieldClass, { maxLength: 1, maxDigits: 1, decimalPlaces: 0 }, "postgres") !== null || fieldClass === "ArrayField";
}

/** Whether a class attribute's call makes a field: a Django field, a relation, or a field class the project defines. */
export function isFieldCall(call: CodeCall, ctx: DjangoContext): boolean {
  const name = call.name;
  if (djangoKnown(name) || FOREIGN_KEYS.has(name) || MANY_TO_MANY.has(name) || NO_COLUMN.has(name)) return true;
  return ctx.customFields.get(fieldClassName(call)) !== null || /(Field|ForeignKey)$/.test(name);
}

export function readField(name: string, call: CodeCall, model: string, ctx: DjangoContext): FieldState {
  // A project class built on a relation (`class TagsField(TaggableManager)`) is that relation.
  const relationLike = (c: string) => FOREIGN_KEYS.has(c) || MANY_TO_MANY.has(c) || NO_COLUMN.has(c);
  const custom = djangoKnown(call.name) || relationLike(call.name) ? null : ctx.customFields.get(fieldClassName(call));
  const fieldClass = custom?.base && relationLike(custom.base) ? custom.base : call.name;
  const relation = relationOf(call, fieldClass, ctx, model);
  const primaryKey = booleanOf(option(call, "primary_key")) === true;
  const field: FieldState = {
    name,
    column: null,
    fieldClass,
    call,
    spec: null,
    relation,
    unique: primaryKey || fieldClass === "OneToOneField" || booleanOf(option(call, "unique")) === true,
    dbIndex: booleanOf(option(call, "db_index")) ?? (relation !== null && !relation.manyToMany),
    primaryKey,
  };
  if (relation?.manyToMany || NO_COLUMN.has(fieldClass)) return field;
  field.column = nameOf(option(call, "db_column")) ?? (relation ? `${name}_id` : name);

  let type: string | null;
  const { type: ownType, base } = relation ? { type: null, base: fieldClass } : typeOf(fieldClass, call, ctx);
  if (relation) {
    const target = relation.to ? ctx.state.target(relation.to) : null;
    const targetField = target && relation.toField ? ctx.state.models.get(relation.to!)?.fields.find((f) => f.name === relation.toField) : null;
    type = targetField ? referenceType(targetField.fieldClass, targetField.spec?.type ?? null, ctx.dialect) : target ? referenceType(target.pkClass, target.pkType, ctx.dialect) : null;
  } else type = ownType;

  const known = base !== null;
  const nullOption = booleanOf(option(call, "null"));
  const spec: ColumnSpec = {
    name: field.column,
    type,
    // Field(null=False) is Django's own default; a class Django does not define might change it.
    nullable: primaryKey ? false : (nullOption ?? (known ? false : null)),
  };
  if (primaryKey) spec.primaryKey = true;
  const dbDefaultValue = dbDefault(option(call, "db_default"));
  if (dbDefaultValue !== undefined && !(AUTO_FIELDS.has(base ?? "") && !hasOption(call, "db_default"))) spec.default = dbDefaultValue;
  if (base && POSITIVE_FIELDS.has(base) && ctx.dialect !== "mysql" && ctx.dialect !== null) spec.check = `${field.column} >= 0`;
  field.spec = spec;
  return field;
}
