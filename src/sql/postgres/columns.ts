/** PostgreSQL column definitions and constraints → ColumnSpec / ConstraintSpec. */
import type { ColumnDef, Constraint, Node } from "libpg-query";
import type { ColumnSpec, ConstraintSpec } from "../../model/operations.js";
import type { DefaultValue, ReferentialAction } from "../../model/schema.js";
import { typedLiteral } from "../literal.js";
import { columnsRead, strings, tableName } from "./nodes.js";
import type { PgParser } from "./parser.js";
import { typeSpelling } from "./types.js";

const ACTIONS: Record<string, ReferentialAction> = { a: "no_action", r: "restrict", c: "cascade", n: "set_null", d: "set_default" };

/** Types whose column is NOT NULL with a sequence default whatever the definition says. */
const SERIAL = /^(small|big)?serial$|^serial[248]$/;

/** A column and the named constraints it declares inline (`CONSTRAINT x UNIQUE`), which the table keeps by name. */
export function columnSpec(def: ColumnDef, pg: PgParser): { spec: ColumnSpec; named: ConstraintSpec[] } {
  const type = def.typeName ? typeSpelling(def.typeName, pg.deparse) : null;
  const spec: ColumnSpec = { name: def.colname ?? "", type, nullable: true, default: null };
  const named: ConstraintSpec[] = [];
  for (const node of def.constraints ?? []) {
    if (!("Constraint" in node)) continue;
    const c = node.Constraint;
    switch (c.contype) {
      case "CONSTR_NOTNULL":
        spec.nullable = false;
        break;
      case "CONSTR_NULL":
        spec.nullable = true;
        break;
      case "CONSTR_DEFAULT":
        spec.default = c.raw_expr ? defaultOf(c.raw_expr, type, pg) : null;
        break;
      case "CONSTR_IDENTITY":
        spec.identity = c.generated_when === "a" ? "always" : "by_default";
        spec.nullable = false;
        break;
      case "CONSTR_GENERATED":
        if (c.raw_expr) spec.generated = { expression: pg.deparse(c.raw_expr), stored: c.generated_kind !== "v" };
        break;
      default: {
        const constraint = constraintSpec(c, pg, [spec.name]);
        if (!constraint) break;
        if (c.conname) named.push(constraint);
        else if (constraint.kind === "primary_key") spec.primaryKey = true;
        else if (constraint.kind === "unique") spec.unique = true;
        else if (constraint.kind === "check") spec.check = constraint.expression;
        else if (constraint.kind === "foreign_key") {
          spec.references = { table: constraint.refTable, columns: constraint.refColumns, onDelete: constraint.onDelete, onUpdate: constraint.onUpdate };
        }
      }
    }
  }
  if (spec.primaryKey) spec.nullable = false;
  if (type && SERIAL.test(type)) {
    spec.nullable = false;
    // The sequence default comes with the type: unstated here, so not "none".
    delete spec.default;
  }
  return { spec, named };
}

/** A table constraint, or an inline one given the column it sits on; null for kinds the model has no place for. */
export function constraintSpec(c: Constraint, pg: PgParser, inlineColumns: string[] = []): ConstraintSpec | null {
  const name = c.conname ?? null;
  const keys = (nodes: Node[] | undefined) => (nodes?.length ? strings(nodes) : inlineColumns);
  switch (c.contype) {
    case "CONSTR_PRIMARY":
      return { kind: "primary_key", name, columns: c.indexname ? [] : keys(c.keys) };
    case "CONSTR_UNIQUE":
      return { kind: "unique", name, columns: c.indexname ? [] : keys(c.keys) };
    case "CONSTR_CHECK":
      return c.raw_expr ? { kind: "check", name, expression: pg.deparse(c.raw_expr), columns: columnsRead(c.raw_expr) } : null;
    case "CONSTR_FOREIGN":
      return {
        kind: "foreign_key",
        name,
        columns: keys(c.fk_attrs),
        refTable: tableName(c.pktable),
        refColumns: strings(c.pk_attrs),
        onDelete: ACTIONS[c.fk_del_action ?? "a"] ?? null,
        onUpdate: ACTIONS[c.fk_upd_action ?? "a"] ?? null,
      };
    case "CONSTR_EXCLUSION":
      return { kind: "exclude", name, sql: pg.deparse({ Constraint: { ...c, conname: undefined } }) };
    default:
      return null;
  }
}

/** A default: a typed literal (`0`, `'x'::character varying`, `false`, NULL), else the expression's SQL (`now()`). */
export function defaultOf(node: Node, type: string | null, pg: PgParser): DefaultValue {
  const literal = literalOf(node);
  if (literal !== undefined) return { kind: "literal", value: typedLiteral(literal, type, "postgres") };
  return { kind: "expression", sql: pg.deparse(node) };
}

function literalOf(node: Node): string | number | boolean | null | undefined {
  if ("TypeCast" in node) {
    // `'x'::character varying` and `NULL::text` are literals; a cast of an expression is not.
    return node.TypeCast.arg ? literalOf(node.TypeCast.arg) : undefined;
  }
  if (!("A_Const" in node)) return undefined;
  const c = node.A_Const;
  if (c.isnull) return null;
  if (c.ival) return c.ival.ival ?? 0;
  if (c.fval) {
    const text = c.fval.fval ?? "0";
    return String(Number(text)) === text ? Number(text) : text;
  }
  if (c.boolval) return c.boolval.boolval ?? false;
  if (c.sval) return c.sval.sval ?? "";
  if (c.bsval) return undefined;
  return undefined;
}
