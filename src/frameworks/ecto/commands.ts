/**
 * Ecto migration commands: `create`/`create_if_not_exists` of a table, an index or a constraint; `alter`;
 * `drop`/`drop_if_exists`; `rename`; `execute/1,2` (the SQL reader reads it; `execute/2`'s second string is
 * the way down); `flush`. What undoes each, as `change` rolls it back.
 */
import type { ColumnSpec, Operation } from "../../model/operations.js";
import { booleanOf, entry, nameOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { expressionColumns } from "../../parse/expression-columns.js";
import { readSqlText } from "../../sql/read.js";
import { sourceOf, untyped, type EctoContext } from "./context.js";
import { invertAll } from "../invert.js";
import { createIndex, readIndex } from "./indexes.js";
import { alterBody, createBody, type Command } from "./table-block.js";
import { ectoType } from "./types.js";

const call = (value: CodeValue | undefined, name: string): CodeCall | null => (value?.kind === "call" && value.name === name ? value : null);

/** The key `table(:x, primary_key: …)` or the repo's configuration adds, with the default its type brings. */
function primaryKey(table: string, tableCall: CodeCall, ctx: EctoContext): ColumnSpec[] {
  const option_ = option(tableCall, "primary_key");
  if (option_?.kind === "boolean" && !option_.value) return [];
  const configured = option_?.kind === "map" ? { name: nameOf(entry(option_, "name")) ?? "id", type: nameOf(entry(option_, "type")) ?? "bigserial" } : ctx.config.primaryKey;
  if (!configured) return [];
  const type = ectoType({ kind: "symbol", value: configured.type, line: tableCall.line, endLine: tableCall.line }, { size: null, precision: null, scale: null }, ctx.dialect);
  const spec: ColumnSpec = { name: configured.name, type, nullable: false, primaryKey: true };
  if (configured.type === "bigserial" || configured.type === "serial") {
    if (ctx.dialect === "postgres") spec.default = { kind: "expression", sql: `nextval('${table}_${configured.name}_seq'::regclass)` };
    if (ctx.dialect === "mysql") spec.identity = "auto_increment";
  } else if (configured.type === "identity") spec.identity = "by_default";
  return [spec];
}

async function sql(value: CodeValue | undefined, at: CodeCall, ctx: EctoContext): Promise<Operation[] | null> {
  if (value?.kind !== "string") return null;
  const read = await readSqlText(value.value, ctx.dialect, { path: ctx.path, line: value.line });
  ctx.unreadable.push(...read.unreadable);
  return read.operations;
}

export async function readCommand(statement: CodeCall, ctx: EctoContext): Promise<Command> {
  const source = sourceOf(ctx, statement);
  const target = statement.args[0];
  const name = statement.name;
  const tableCall = call(target, "table");
  const table = tableCall ? nameOf(tableCall.args[0]) : null;
  switch (name) {
    case "create":
    case "create_if_not_exists": {
      const ifNotExists = name === "create_if_not_exists";
      if (tableCall && table) {
        const body = createBody(table, statement.block, ctx);
        const create: Operation = { kind: "create_table", table, columns: [...primaryKey(table, tableCall, ctx), ...body.columns], constraints: body.constraints, source, call: name };
        if (ifNotExists) create.ifNotExists = true;
        return { up: [create, ...body.after], down: [{ kind: "drop_table", table, source, call: "drop" }] };
      }
      const index = call(target, "index") ?? call(target, "unique_index");
      if (index) {
        const op = createIndex(index, statement, ctx, ifNotExists);
        return op ? { up: [op] } : { up: [untyped(ctx, statement, "index built at run time")], down: null };
      }
      const constraint = call(target, "constraint");
      if (constraint) {
        const on = nameOf(constraint.args[0]);
        const constraintName = nameOf(constraint.args[1]);
        const check = stringOf(option(constraint, "check"));
        const exclude = stringOf(option(constraint, "exclude"));
        if (on && constraintName && (check || exclude)) {
          const spec = check ? { kind: "check" as const, name: constraintName, expression: check, columns: expressionColumns(check) } : { kind: "exclude" as const, name: constraintName, sql: `EXCLUDE ${exclude}` };
          return { up: [{ kind: "add_constraint", table: on, constraint: spec, notValid: booleanOf(option(constraint, "validate")) === false, source, call: name }] };
        }
      }
      return { up: [untyped(ctx, statement, "create of something built at run time")], down: null };
    }
    case "alter": {
      if (!tableCall || !table) return { up: [untyped(ctx, statement, "table named at run time")], down: null };
      return combine(alterBody(table, statement.block, ctx));
    }
    case "drop":
    case "drop_if_exists": {
      const ifExists = name === "drop_if_exists" ? { ifExists: true } : {};
      if (tableCall && table) return { up: [{ kind: "drop_table", table, ...ifExists, source, call: name }], down: null };
      const index = call(target, "index") ?? call(target, "unique_index");
      const read = index ? readIndex(index) : null;
      if (read) {
        const columns = read.spec.keys.every((k) => k.column) ? { columns: read.spec.keys.map((k) => k.column!) } : {};
        return {
          up: [{ kind: "drop_index", name: read.spec.name!, table: read.spec.table, concurrently: read.concurrently, ...ifExists, ...columns, source, call: name }],
          down: [{ kind: "create_index", index: read.spec, concurrently: read.concurrently, source, call: "create" }],
        };
      }
      const constraint = call(target, "constraint");
      const on = constraint ? nameOf(constraint.args[0]) : null;
      const constraintName = constraint ? nameOf(constraint.args[1]) : null;
      if (on && constraintName) return { up: [{ kind: "drop_constraint", table: on, name: constraintName, ...ifExists, source, call: name }], down: null };
      return { up: [untyped(ctx, statement, "drop of something built at run time")], down: null };
    }
    case "rename": {
      const to = option(statement, "to");
      const toTable = call(to, "table");
      if (tableCall && table && toTable && nameOf(toTable.args[0])) {
        return { up: [{ kind: "rename_table", table, to: nameOf(toTable.args[0])!, source, call: name }] };
      }
      const column = nameOf(statement.args[1]);
      if (tableCall && table && column && nameOf(to)) return { up: [{ kind: "rename_column", table, column, to: nameOf(to)!, source, call: name }] };
      const index = call(target, "index");
      const read = index ? readIndex(index) : null;
      if (read && nameOf(to)) return { up: [{ kind: "rename_index", name: read.spec.name!, to: nameOf(to)!, table: read.spec.table, source, call: name }] };
      return { up: [untyped(ctx, statement, "rename of something built at run time")], down: null };
    }
    case "execute": {
      const up = await sql(statement.args[0], statement, ctx);
      if (!up) return { up: [untyped(ctx, statement, "SQL built at run time")], down: null };
      return { up, down: statement.args[1] ? await sql(statement.args[1], statement, ctx) : null };
    }
    case "flush":
      return { up: [], down: [] };
    default:
      return { up: [untyped(ctx, statement, "Elixir code the reader does not type")], down: null };
  }
}

/** What undoes a command: its own `down`, or the inverse of its operations. */
export function downOf(command: Command): Operation[] | null {
  return command.down === undefined ? invertAll(command.up) : command.down;
}

/** Several commands as one: their operations in order, undone last first, irreversible if any is. */
export function combine(commands: Command[]): Command {
  const downs = commands.map(downOf);
  const up = commands.flatMap((c) => c.up);
  return { up, down: downs.some((d) => d === null) ? null : (downs as Operation[][]).reverse().flat() };
}
