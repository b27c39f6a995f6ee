/**
 * The `do … end` of `create table(:x)` and `alter table(:x)`: `add`, `add_if_not_exists`, `modify`, `remove`,
 * `remove_if_exists`, `timestamps`. A `modify` with `from:` can be undone; without it, Ecto cannot undo it.
 */
import type { ColumnSpec, ConstraintSpec, Operation } from "../../model/operations.js";
import { booleanOf, hasOption, nameOf, option, type CodeBlock, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { readColumn } from "./columns.js";
import { sourceOf, untyped, type EctoContext } from "./context.js";
import { ectoType, typeOptions } from "./types.js";

export interface Command {
  up: Operation[];
  /** Undefined: the inverse of each operation; null: irreversible. */
  down?: Operation[] | null;
}

/** `timestamps(type: :utc_datetime)`: inserted_at and updated_at, NOT NULL unless told, of the configured type. */
export function timestampColumns(call: CodeCall, ctx: EctoContext): ColumnSpec[] {
  const get = (key: string): CodeValue | undefined => option(call, key) ?? ctx.config.timestamps.get(key);
  const typeValue = get("type") ?? { kind: "symbol", value: "naive_datetime", line: call.line, endLine: call.line };
  const type = ectoType(typeValue, typeOptions(get), ctx.dialect);
  const nullable = booleanOf(get("null")) ?? false;
  const names = ["inserted_at", "updated_at"].map((key) => {
    const value = get(key);
    return value?.kind === "boolean" && !value.value ? null : (nameOf(value) ?? key);
  });
  const defaultValue = get("default");
  return names.filter((n): n is string => n !== null).map((name) => {
    const spec: ColumnSpec = { name, type, nullable, default: null };
    if (defaultValue?.kind === "call" && defaultValue.name === "fragment" && defaultValue.args[0]?.kind === "string") spec.default = { kind: "expression", sql: defaultValue.args[0].value };
    return spec;
  });
}

/** The column, key and constraints of a `create table(…) do … end`. */
export function createBody(table: string, block: CodeBlock | null, ctx: EctoContext): { columns: ColumnSpec[]; constraints: ConstraintSpec[]; after: Operation[] } {
  const body = { columns: [] as ColumnSpec[], constraints: [] as ConstraintSpec[], after: [] as Operation[] };
  for (const statement of block?.body ?? []) {
    if (statement.kind !== "call") continue;
    const source = sourceOf(ctx, statement);
    if (statement.name === "add" || statement.name === "add_if_not_exists") {
      const read = readColumn(table, statement, ctx);
      if (!read) {
        body.after.push(untyped(ctx, statement, "column built at run time"));
        continue;
      }
      body.columns.push({ ...read.spec, source });
      if (read.foreignKey) body.constraints.push({ ...read.foreignKey, source });
    } else if (statement.name === "timestamps") {
      body.columns.push(...timestampColumns(statement, ctx).map((c) => ({ ...c, source })));
    } else {
      body.after.push(untyped(ctx, statement, "not a table definition"));
    }
  }
  return body;
}

/** `modify :col, :type, null: true, default: …, from: …` as the operations that change the column. */
function modify(table: string, call: CodeCall, ctx: EctoContext): Operation[] {
  const read = readColumn(table, call, ctx);
  if (!read) return [untyped(ctx, call, "column built at run time")];
  const source = sourceOf(ctx, call);
  const column = read.spec.name;
  const ops: Operation[] = [];
  ops.push(read.spec.type === null ? untyped(ctx, call, "column type unknown") : { kind: "change_type", table, column, type: read.spec.type, source, call: "modify" });
  if (hasOption(call, "null") && read.spec.nullable !== null) ops.push({ kind: "set_nullable", table, column, nullable: read.spec.nullable, source, call: "modify" });
  if (hasOption(call, "default") && read.spec.default !== undefined) ops.push({ kind: "set_default", table, column, default: read.spec.default, source, call: "modify" });
  if (read.foreignKey) ops.push({ kind: "add_constraint", table, constraint: read.foreignKey, notValid: read.notValid, source, call: "modify" });
  return ops;
}

/** `from: :string` or `from: {:string, null: false}`: the column as it was, to undo a modify. */
function modifyBack(table: string, call: CodeCall, ctx: EctoContext): Operation[] | null {
  const from = option(call, "from");
  if (!from) return null;
  const [typeValue, opts] = from.kind === "list" && from.items.length === 2 && from.items[1]?.kind === "map" ? [from.items[0]!, from.items[1]] : [from, null];
  const options = opts?.kind === "map" ? opts.entries.map((e) => ({ key: nameOf(e.key) ?? "", value: e.value })) : [];
  return modify(table, { ...call, args: [call.args[0]!, typeValue], options }, ctx);
}

/** The commands of an `alter table(…) do … end`. */
export function alterBody(table: string, block: CodeBlock | null, ctx: EctoContext): Command[] {
  const commands: Command[] = [];
  for (const statement of block?.body ?? []) {
    if (statement.kind !== "call") continue;
    const source = sourceOf(ctx, statement);
    switch (statement.name) {
      case "add":
      case "add_if_not_exists": {
        const read = readColumn(table, statement, ctx);
        if (!read) {
          commands.push({ up: [untyped(ctx, statement, "column built at run time")], down: null });
          break;
        }
        const up: Operation[] = [{ kind: "add_column", table, column: read.spec, ...(statement.name === "add_if_not_exists" ? { ifNotExists: true } : {}), source, call: statement.name }];
        if (read.foreignKey) up.push({ kind: "add_constraint", table, constraint: read.foreignKey, notValid: read.notValid, source, call: statement.name });
        commands.push({ up });
        break;
      }
      case "timestamps":
        commands.push({ up: timestampColumns(statement, ctx).map((column) => ({ kind: "add_column", table, column, source, call: "timestamps" })) });
        break;
      case "modify":
        commands.push({ up: modify(table, statement, ctx), down: modifyBack(table, statement, ctx) });
        break;
      case "remove":
      case "remove_if_exists": {
        const column = nameOf(statement.args[0]);
        if (!column) {
          commands.push({ up: [untyped(ctx, statement, "column named at run time")], down: null });
          break;
        }
        const restore = statement.args[1] ? readColumn(table, statement, ctx) : null;
        commands.push({
          up: [{ kind: "drop_column", table, column, ...(statement.name === "remove_if_exists" ? { ifExists: true } : {}), source, call: statement.name }],
          down: restore ? [{ kind: "add_column", table, column: restore.spec, source, call: "add" }] : null,
        });
        break;
      }
      default:
        commands.push({ up: [untyped(ctx, statement, "not a table definition")], down: null });
    }
  }
  return commands;
}
