/**
 * The `|t|` block of `create_table`: `t.string`, `t.references`, `t.timestamps`, `t.index`, `t.check_constraint`,
 * `t.foreign_key`. Columns and constraints belong to the CREATE TABLE; indexes follow it, as Rails runs them.
 * `addedColumns` serves `add_column`, `add_reference`, `add_timestamps` and `change_table`'s `t.<type>`.
 */
import type { ColumnSpec, ConstraintSpec, Operation } from "../../model/operations.js";
import { booleanOf, nameOf, option, receiverName, stringOf, type CodeBlock, type CodeCall, type CodeStatement } from "../../parse/code-value.js";
import { expressionColumns } from "../../parse/expression-columns.js";
import { columnSpec, namesIn } from "./column.js";
import { branchTaken } from "./conditions.js";
import { sourceOf, untyped, type RailsContext } from "./context.js";
import { foreignKeyConstraint } from "./foreign-key.js";
import { indexOperation, optionsCall } from "./index-spec.js";
import { checkConstraintName } from "./naming.js";
import { referenceParts } from "./references.js";

/** Rails' column types as `t.<type>` methods. */
export const COLUMN_TYPES = new Set(
  (
    "string text integer bigint float decimal numeric datetime timestamp timestamptz time date binary blob boolean json jsonb uuid " +
    "inet cidr macaddr hstore citext ltree tsvector xml interval money point line lseg box path polygon circle bit bit_varying " +
    "daterange numrange tsrange tstzrange int4range int8range oid enum virtual serial bigserial primary_key"
  ).split(" "),
);

export interface CreateBody {
  columns: ColumnSpec[];
  constraints: ConstraintSpec[];
  /** Indexes (and anything else) Rails runs after the CREATE TABLE. */
  after: Operation[];
}

/** The columns one `t.<type>` call adds: `t.string :first_name, :last_name` adds two. */
function typedColumns(call: CodeCall, ctx: RailsContext): ColumnSpec[] {
  if (call.name === "column") {
    const name = nameOf(call.args[0]);
    const type = nameOf(call.args[1]);
    return name && type ? [columnSpec(name, type, call, ctx)] : [];
  }
  return call.args.map(nameOf).filter((n): n is string => n !== null).map((name) => columnSpec(name, call.name, call, ctx));
}

/** `index: true` / `index: { unique: true }` on a column definition. */
function columnIndex(table: string, column: string, call: CodeCall, ctx: RailsContext): Operation | null {
  const value = option(call, "index");
  if (!value || booleanOf(value) === false || value.kind === "null") return null;
  return indexOperation(table, { kind: "symbol", value: column, line: call.line, endLine: call.line }, optionsCall(value, call), ctx, call);
}

function timestampColumns(call: CodeCall, ctx: RailsContext): ColumnSpec[] {
  const nullOption = booleanOf(option(call, "null"));
  const nullable = nullOption ?? ctx.behavior.timestampsNullable;
  const precision = option(call, "precision") ? undefined : ctx.behavior.timestampsPrecision;
  return ["created_at", "updated_at"].map((name) => ({
    ...columnSpec(name, "datetime", call, ctx, precision === undefined ? {} : { precision, precisionGiven: true }),
    nullable,
  }));
}

/** The statements a block runs, its branches resolved as far as the reader can tell. */
function taken(statements: CodeStatement[], ctx: RailsContext): CodeStatement[] {
  return statements.flatMap((s) => (s.kind === "branch" ? taken(branchTaken(s, ctx), ctx) : [s]));
}

export function readCreateBlock(table: string, block: CodeBlock | null, ctx: RailsContext): CreateBody {
  const body: CreateBody = { columns: [], constraints: [], after: [] };
  if (!block) return body;
  const param = block.params[0] ?? "t";
  for (const statement of taken(block.body, ctx)) {
    if (statement.kind !== "call" || receiverName(statement) !== param) {
      if (statement.kind === "call") body.after.push(untyped(ctx, statement, "not a table definition"));
      continue;
    }
    const call = statement;
    const source = sourceOf(ctx, call);
    if (COLUMN_TYPES.has(call.name) || call.name === "column") {
      for (const column of typedColumns(call, ctx)) {
        body.columns.push({ ...column, source });
        const index = columnIndex(table, column.name, call, ctx);
        if (index) body.after.push(index);
      }
    } else if (call.name === "references" || call.name === "belongs_to") {
      for (const ref of call.args.map(nameOf).filter((n): n is string => n !== null)) {
        const parts = referenceParts(table, ref, call, ctx, false);
        body.columns.push(...parts.columns.map((column) => ({ ...column, source })));
        if (parts.foreignKey) body.constraints.push({ ...parts.foreignKey, source });
        if (parts.index) body.after.push(parts.index);
      }
    } else if (call.name === "timestamps") {
      body.columns.push(...timestampColumns(call, ctx).map((column) => ({ ...column, source })));
    } else if (call.name === "index" && call.args[0]) {
      const index = indexOperation(table, call.args[0], call, ctx);
      if (index) body.after.push(index);
    } else if (call.name === "check_constraint") {
      const expression = stringOf(call.args[0]);
      if (expression === null) body.after.push(untyped(ctx, call, "check constraint built at run time"));
      else body.constraints.push({ kind: "check", name: nameOf(option(call, "name")) ?? checkConstraintName(table, expression), expression, columns: expressionColumns(expression), source });
    } else if (call.name === "foreign_key") {
      const to = nameOf(call.args[0]);
      if (to) body.constraints.push({ ...foreignKeyConstraint(table, to, call).constraint, source });
    } else if (call.name === "unique_constraint") {
      body.constraints.push({ kind: "unique", name: nameOf(option(call, "name")), columns: namesIn(call.args[0]), source });
    } else if (call.name === "exclusion_constraint") {
      body.constraints.push({ kind: "exclude", name: nameOf(option(call, "name")), sql: stringOf(call.args[0]) ?? call.text, source });
    } else {
      body.after.push({ ...untyped(ctx, call, "not a table definition"), source });
    }
  }
  return body;
}

/** Columns, references and timestamps added to an existing table, as `add_column`/`add_reference` would. */
export function addedColumns(table: string, call: CodeCall, ctx: RailsContext): Operation[] {
  const source = sourceOf(ctx, call);
  const ops: Operation[] = [];
  if (call.name === "references" || call.name === "belongs_to") {
    for (const ref of call.args.map(nameOf).filter((n): n is string => n !== null)) {
      const parts = referenceParts(table, ref, call, ctx, true);
      for (const column of parts.columns) ops.push({ kind: "add_column", table, column, source, call: call.name });
      if (parts.index) ops.push(parts.index);
      if (parts.foreignKey) ops.push({ kind: "add_constraint", table, constraint: parts.foreignKey, notValid: parts.notValid, source, call: call.name });
    }
    return ops;
  }
  const columns = call.name === "timestamps" ? timestampColumns(call, ctx) : typedColumns(call, ctx);
  for (const column of columns) {
    ops.push({ kind: "add_column", table, column, source, call: call.name });
    const index = columnIndex(table, column.name, call, ctx);
    if (index) ops.push(index);
  }
  return ops;
}
