/**
 * An `up()`/`down()` body: `Schema::create`, `Schema::table`, `Schema::drop`/`dropIfExists`, `Schema::rename`,
 * `DB::statement`/`DB::unprepared` (the SQL reader reads them; SQL built with `DB::getTablePrefix()` or other
 * PHP is listed), and `if (Schema::hasColumn(…))` guards, taken as migrations replay from the state before them.
 * `DB::table(…)` queries change data in PHP and are listed.
 */
import type { ConstraintSpec, Operation } from "../../model/operations.js";
import { brief, chainOf, stringOf, substituteNames, type CodeCall, type CodeStatement, type CodeValue } from "../../parse/code-value.js";
import { readSqlText } from "../../sql/read.js";
import { readBlueprint } from "./blueprint.js";
import { sourceOf, untyped, type LaravelContext } from "./context.js";

const CONSTRAINT_KINDS = new Set(["primary_key", "unique", "check", "foreign_key", "exclude"]);

function isOperation(command: Operation | ConstraintSpec): command is Operation {
  return !CONSTRAINT_KINDS.has(command.kind);
}

function scope(call: CodeCall): string | null {
  const { base } = chainOf(call);
  return base?.kind === "name" ? base.parts[base.parts.length - 1]! : null;
}

async function schemaCall(call: CodeCall, ctx: LaravelContext, locals: Map<string, CodeValue>): Promise<Operation[]> {
  const source = sourceOf(ctx, call);
  const table = stringOf(call.args[0]);
  switch (call.name) {
    case "create":
    case "table": {
      // The closure, or a variable holding one (`$addColumn = function (Blueprint $table) { … }`).
      const written = call.args[1];
      const block = written?.kind === "name" && written.parts.length === 1 ? locals.get(written.parts[0]!) : written;
      if (!table || block?.kind !== "block") return [untyped(ctx, call, "table built at run time")];
      const blueprint = readBlueprint(block, table, ctx);
      if (call.name === "create") {
        const constraints = blueprint.commands.filter((c): c is ConstraintSpec => !isOperation(c));
        return [{ kind: "create_table", table, columns: blueprint.columns, constraints, source, call: "Schema::create" }, ...blueprint.commands.filter(isOperation)];
      }
      return [
        ...blueprint.columns.map((column): Operation => ({ kind: "add_column", table, column, source: column.source ?? source, call: "Schema::table" })),
        ...blueprint.commands.map((c): Operation => (isOperation(c) ? c : { kind: "add_constraint", table, constraint: c, notValid: false, source: c.source ?? source, call: "Schema::table" })),
      ];
    }
    case "drop":
    case "dropIfExists":
      return table ? [{ kind: "drop_table", table, ...(call.name === "dropIfExists" ? { ifExists: true } : {}), source, call: `Schema::${call.name}` }] : [untyped(ctx, call, "table named at run time")];
    case "rename": {
      const to = stringOf(call.args[1]);
      return table && to ? [{ kind: "rename_table", table, to, source, call: "Schema::rename" }] : [untyped(ctx, call, "table named at run time")];
    }
    case "dropColumns": {
      const columns = call.args[1]?.kind === "list" ? call.args[1].items.map(stringOf) : [stringOf(call.args[1])];
      if (!table || columns.some((c) => c === null)) return [untyped(ctx, call, "column named at run time")];
      return (columns as string[]).map((column) => ({ kind: "drop_column", table, column, source, call: "Schema::dropColumns" }));
    }
    default:
      return [untyped(ctx, call, "Schema method the reader does not type")];
  }
}

async function readCall(call: CodeCall, ctx: LaravelContext, locals: Map<string, CodeValue>): Promise<Operation[]> {
  const base = scope(call);
  if (base === "Schema") return schemaCall(call, ctx, locals);
  if (base === "DB" && (call.name === "statement" || call.name === "unprepared") && call.receiver?.kind === "name") {
    const sql = call.args[0];
    if (sql?.kind !== "string") return [untyped(ctx, call, "SQL built at run time")];
    const read = await readSqlText(sql.value, ctx.dialect, { path: ctx.path, line: sql.line });
    ctx.unreadable.push(...read.unreadable);
    return read.operations;
  }
  return [untyped(ctx, call, base === "DB" ? "a query PHP runs at migration time" : "PHP code the reader does not type")];
}

export async function readStatements(statements: CodeStatement[], ctx: LaravelContext, locals = new Map<string, CodeValue>()): Promise<Operation[]> {
  const ops: Operation[] = [];
  for (const statement of statements) {
    if (statement.kind === "assign") locals.set(statement.target, statement.value);
    else if (statement.kind === "call") ops.push(...(await readCall(statement, ctx, locals)));
    else if (statement.kind === "branch") {
      const guard = statement.condition.kind === "call" && scope(statement.condition) === "Schema" && statement.condition.name.startsWith("has");
      if (!guard || statement.otherwise.length) {
        const text = "text" in statement.condition ? statement.condition.text : statement.condition.kind;
        ctx.unreadable.push({ path: ctx.path, line: statement.line, message: `replayed as if this condition holds: ${brief(text)}` });
      }
      ops.push(...(await readStatements(statement.then, ctx, locals)));
    } else if (statement.kind === "loop") {
      // `foreach (['pages', 'books'] as $table)`: the body once per item; over anything computed, listed.
      const items = statement.iterable.kind === "name" && statement.iterable.parts.length === 1 ? locals.get(statement.iterable.parts[0]!) : statement.iterable;
      if (items?.kind !== "list") {
        ops.push(untyped(ctx, { ...statement, text: "foreach" }, "PHP loop over values computed at run time"));
        continue;
      }
      for (const item of items.items) ops.push(...(await readStatements(substituteNames(statement.body, new Map([[statement.variable, item]])), ctx, locals)));
    } else if (statement.kind === "expression" && statement.value.kind === "other") {
      ops.push(untyped(ctx, { ...statement, text: statement.value.text }, "PHP code the reader does not type"));
    }
  }
  return ops;
}
