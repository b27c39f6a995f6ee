/**
 * `models.Index`, `GinIndex`…, `UniqueConstraint`, `CheckConstraint` (in `Meta`, `AddIndex`, `AddConstraint`)
 * → operations. A UniqueConstraint on plain fields is a constraint; with a condition, expressions, `include`
 * or operator classes Django creates a unique index instead.
 */
import type { ConstraintSpec, IndexSpec, Operation } from "../../model/operations.js";
import type { Source } from "../../model/schema.js";
import { nameOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { expressionColumns } from "../../parse/expression-columns.js";
import { conditionSql, expressionSql, type ColumnOf } from "./expressions.js";
import { autoIndexName } from "./naming.js";
import { fieldOf, type ModelState } from "./state.js";

/** `Index.suffix` per class, for the names of indexes written without one. */
const SUFFIXES: Record<string, string> = { Index: "idx", BTreeIndex: "btree", GinIndex: "gin", GistIndex: "gist", BrinIndex: "brin", HashIndex: "hash", SpGistIndex: "spgist", BloomIndex: "bloom" };

/** Names in abstract models' Meta may use `%(app_label)s` and `%(class)s`. */
function nameFor(value: CodeValue | undefined, model: ModelState): string | null {
  const name = stringOf(value);
  return name === null ? null : name.replaceAll("%(app_label)s", model.app.toLowerCase()).replaceAll("%(class)s", model.name.toLowerCase());
}

const METHODS: Record<string, string | null> = {
  Index: null, BTreeIndex: "btree", GinIndex: "gin", GistIndex: "gist", BrinIndex: "brin", HashIndex: "hash", SpGistIndex: "spgist", BloomIndex: "bloom",
};

export function columnOfModel(model: ModelState): ColumnOf {
  return (field) => {
    if (field === "pk") return model.fields.find((f) => f.primaryKey)?.column ?? null;
    return fieldOf(model, field)?.column ?? (model.fields.some((f) => f.column === field) ? field : null);
  };
}

type Read = { op: Operation } | { unreadable: string };

function keysOf(call: CodeCall, columnOf: ColumnOf): IndexSpec["keys"] | null {
  const keys: IndexSpec["keys"] = [];
  const fields = option(call, "fields");
  const opclasses = option(call, "opclasses");
  const classes = opclasses?.kind === "list" ? opclasses.items.map(nameOf) : [];
  for (const item of fields?.kind === "list" ? fields.items : []) {
    const written = nameOf(item);
    if (written === null) return null;
    const descending = written.startsWith("-");
    const column = columnOf(descending ? written.slice(1) : written);
    if (!column) return null;
    keys.push({ column, columns: [column], ...(descending ? { descending } : {}) });
  }
  for (const expression of call.args) {
    // OpClass(Lower("name"), name="gin_trgm_ops")
    const opclass = expression.kind === "call" && expression.name === "OpClass" ? nameOf(option(expression, "name")) : null;
    const inner = opclass ? (expression as CodeCall).args[0] : expression;
    const read = expressionSql(inner, columnOf);
    if (!read) return null;
    keys.push({ expression: read.sql, columns: read.columns, ...(opclass ? { opclass } : {}), ...(read.descending ? { descending: true } : {}) });
  }
  classes.forEach((cls, i) => {
    if (cls && keys[i]) keys[i]!.opclass = cls;
  });
  return keys.length ? keys : null;
}

function indexSpec(call: CodeCall, model: ModelState, unique: boolean): IndexSpec | string {
  const columnOf = columnOfModel(model);
  const keys = keysOf(call, columnOf);
  if (!keys) return "index keys the reader cannot render";
  const condition = option(call, "condition");
  const where = condition ? conditionSql(condition, columnOf) : null;
  if (condition && where === null) return "index condition the reader cannot render";
  const include = option(call, "include");
  const written = nameFor(option(call, "name"), model);
  const plain = keys.every((k) => k.column);
  return {
    name: written ?? (plain && !unique ? autoIndexName(model.table, keys.map((k) => ({ column: k.column!, descending: k.descending === true })), SUFFIXES[call.name] ?? "idx") : null),
    table: model.table,
    keys,
    unique,
    method: METHODS[call.name] ?? null,
    where,
    whereColumns: where ? expressionColumns(where) : [],
    include: include?.kind === "list" ? include.items.map((i) => columnOf(nameOf(i) ?? "") ?? "").filter(Boolean) : [],
  };
}

export function indexOperation(call: CodeCall, model: ModelState, source: Source, concurrently: boolean, name: string): Read {
  if (!(call.name in METHODS)) return { unreadable: `index class ${call.name} the reader does not know` };
  const spec = indexSpec(call, model, false);
  if (typeof spec === "string") return { unreadable: spec };
  return { op: { kind: "create_index", index: spec, concurrently, source, call: name } };
}

/** A constraint as an operation: add_constraint, or a unique index for a conditional or expression UniqueConstraint. */
export function constraintOperation(call: CodeCall, model: ModelState, source: Source, name: string, notValid = false): Read {
  const constraintName = nameFor(option(call, "name"), model);
  const columnOf = columnOfModel(model);
  if (call.name === "CheckConstraint") {
    const expression = conditionSql(option(call, "condition") ?? option(call, "check"), columnOf);
    if (expression === null) return { unreadable: "check condition the reader cannot render" };
    const constraint: ConstraintSpec = { kind: "check", name: constraintName, expression, columns: expressionColumns(expression) };
    return { op: { kind: "add_constraint", table: model.table, constraint, notValid, source, call: name } };
  }
  if (call.name === "UniqueConstraint") {
    const asIndex = call.args.length > 0 || ["condition", "include", "opclasses"].some((k) => option(call, k) !== undefined);
    if (asIndex) {
      const spec = indexSpec(call, model, true);
      if (typeof spec === "string") return { unreadable: spec };
      return { op: { kind: "create_index", index: spec, concurrently: false, source, call: name } };
    }
    const fields = option(call, "fields");
    const columns = (fields?.kind === "list" ? fields.items : []).map((f) => columnOf(nameOf(f) ?? ""));
    if (!columns.length || columns.some((c) => c === null)) return { unreadable: "unique constraint fields the reader cannot resolve" };
    return { op: { kind: "add_constraint", table: model.table, constraint: { kind: "unique", name: constraintName, columns: columns as string[] }, notValid, source, call: name } };
  }
  if (call.name === "ExclusionConstraint") {
    return { op: { kind: "add_constraint", table: model.table, constraint: { kind: "exclude", name: constraintName, sql: call.text }, notValid, source, call: name } };
  }
  return { unreadable: `constraint class ${call.name} the reader does not know` };
}

/** A list literal's calls (`indexes=[models.Index(…), …]`). */
export function callsOf(value: CodeValue | undefined): CodeCall[] {
  return value?.kind === "list" ? value.items.filter((i): i is CodeCall => i.kind === "call") : [];
}
