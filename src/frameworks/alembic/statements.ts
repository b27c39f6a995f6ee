/**
 * An `upgrade()`/`downgrade()` body → operations: `op.*` calls; `with op.batch_alter_table("t") as batch_op:`
 * (the same operations on `t`); `with op.get_context().autocommit_block():` (its statements commit on their
 * own, outside the migration's transaction); branches on the dialect decided from the repo's; `op.execute`
 * through the SQL reader. Python that is not an operation (a loop over rows, `conn.execute`) is listed.
 */
import type { Operation } from "../../model/operations.js";
import { receiverName, stringOf, substituteNames, type CodeCall, type CodeStatement, type CodeValue } from "../../parse/code-value.js";
import { readSqlText } from "../../sql/read.js";
import { dialectCondition } from "./conditions.js";
import { resolve, sourceOf, untyped, type AlembicContext } from "./context.js";
import { createCheck, createForeignKey, createIndex, createPrimaryKey, createUnique, dropConstraint, dropIndex } from "./index-operations.js";
import { addColumn, alterColumn, createTable, dropColumn, dropTable, renameTable } from "./table-operations.js";
import { enumValues } from "./types.js";

type Translate = (call: CodeCall, ctx: AlembicContext, batchTable: string | null) => Operation[] | Promise<Operation[]>;

const execute: Translate = async (call, ctx) => {
  const value = resolve(call.args[0] ?? call.options[0]?.value, ctx);
  const text = value?.kind === "string" ? value : value?.kind === "call" && value.name === "text" && value.args[0]?.kind === "string" ? value.args[0] : null;
  if (!text || text.kind !== "string") return [untyped(ctx, call, "SQL built at run time")];
  const read = await readSqlText(text.value, ctx.dialect, { path: ctx.path, line: text.line });
  ctx.unreadable.push(...read.unreadable);
  return read.operations;
};

const OPERATIONS: Record<string, Translate> = {
  create_table: (call, ctx) => createTable(call, ctx),
  drop_table: (call, ctx) => dropTable(call, ctx),
  rename_table: (call, ctx) => renameTable(call, ctx),
  add_column: addColumn,
  drop_column: dropColumn,
  alter_column: alterColumn,
  create_index: createIndex,
  drop_index: dropIndex,
  create_foreign_key: createForeignKey,
  create_unique_constraint: createUnique,
  create_check_constraint: createCheck,
  create_primary_key: createPrimaryKey,
  drop_constraint: dropConstraint,
  execute,
};

/** `op` calls that only fetch the connection or context: no effect of their own. */
const NO_EFFECT = new Set(["get_bind", "get_context", "f"]);
const LOGGERS = new Set(["logger", "log", "logging"]);

export interface Scope {
  /** The name `batch_alter_table` is bound to, and its table. */
  batch: { alias: string; table: string } | null;
}

export async function readStatements(statements: CodeStatement[], ctx: AlembicContext, scope: Scope = { batch: null }): Promise<Operation[]> {
  const ops: Operation[] = [];
  for (const statement of statements) {
    switch (statement.kind) {
      case "call":
        ops.push(...(await readCall(statement, ctx, scope)));
        break;
      case "with":
        ops.push(...(await readWith(statement, ctx, scope)));
        break;
      case "branch": {
        const holds = ctx.dialect ? dialectCondition(statement.condition, ctx.dialect, ctx.helpers, ctx.locals) : null;
        if (holds === null) ctx.unreadable.push({ path: ctx.path, line: statement.line, message: `replayed as if this condition holds: ${"text" in statement.condition ? statement.condition.text : statement.condition.kind}` });
        const taken = holds === null || holds !== statement.negated ? statement.then : statement.otherwise;
        ops.push(...(await readStatements(taken, ctx, scope)));
        break;
      }
      case "assign":
        if (!statement.target.includes(".") && !statement.target.includes("[")) ctx.locals.set(statement.target, statement.value);
        break;
      case "expression":
        if (statement.value.kind === "other") ops.push(untyped(ctx, { ...statement, text: statement.value.text }, "Python code the reader does not type"));
        break;
      default:
        break;
    }
  }
  return ops;
}

async function readCall(call: CodeCall, ctx: AlembicContext, scope: Scope): Promise<Operation[]> {
  const receiver = receiverName(call);
  const batchTable = scope.batch && receiver === scope.batch.alias ? scope.batch.table : null;
  if (receiver === "op" || batchTable) {
    const translate = Object.hasOwn(OPERATIONS, call.name) ? OPERATIONS[call.name] : undefined;
    if (translate) return translate(call, ctx, batchTable);
    if (NO_EFFECT.has(call.name)) return [];
    return [untyped(ctx, call, "Alembic operation the reader does not type")];
  }
  if ((call.name === "print" && receiver === null) || (receiver !== null && LOGGERS.has(receiver))) return [];
  // A helper of the file (`setup_postgres_trigrams()`): its body, its parameters bound to the call's arguments.
  const helper = receiver === null ? ctx.helpers.get(call.name) : undefined;
  const params = ctx.helperParams.get(call.name) ?? [];
  if (helper && ctx.depth < 4 && params.length === call.args.length && call.options.length === 0) {
    const bound = substituteNames(helper, new Map(params.map((p, i) => [p, call.args[i]!] as [string, CodeValue])));
    return readStatements(bound, { ...ctx, depth: ctx.depth + 1 }, scope);
  }
  // `conn = op.get_bind(); conn.execute(sa.text("UPDATE …"))`: SQL on the migration's connection.
  const bound = receiver ? ctx.locals.get(receiver) : undefined;
  // `status = sa.Enum(…, name="status"); status.create(op.get_bind())`: PostgreSQL's CREATE TYPE.
  if (call.name === "create" && bound?.kind === "call") {
    const values = enumValues(bound);
    if (values) return ctx.dialect === "postgres" ? [{ kind: "create_enum", name: values.name, values: values.values, source: sourceOf(ctx, call), call: "Enum.create" }] : [];
  }
  if (call.name === "execute" && bound?.kind === "call" && bound.name === "get_bind") return execute(call, ctx, null);
  return [untyped(ctx, call, "Python code the reader does not type")];
}

function isCall(value: CodeValue, name: string): value is CodeCall {
  return value.kind === "call" && value.name === name;
}

async function readWith(statement: Extract<CodeStatement, { kind: "with" }>, ctx: AlembicContext, scope: Scope): Promise<Operation[]> {
  const [item] = statement.items;
  if (item && isCall(item.value, "batch_alter_table")) {
    const table = stringOf(resolve(item.value.args[0] ?? item.value.options.find((o) => o.key === "table_name")?.value, ctx));
    if (table && item.alias) return readStatements(statement.body, ctx, { batch: { alias: item.alias, table } });
  }
  if (item && isCall(item.value, "autocommit_block")) {
    const source = sourceOf(ctx, statement);
    const inner = await readStatements(statement.body, ctx, scope);
    // autocommit_block commits the migration's transaction, runs its statements each on its own, and begins a new one.
    return [{ kind: "transaction", action: "commit", source, call: "autocommit_block" }, ...inner, { kind: "transaction", action: "begin", source, call: "autocommit_block" }];
  }
  if (item?.value.kind === "call" && ["begin", "Session", "begin_nested"].includes(item.value.name)) {
    return [untyped(ctx, { ...statement, text: item.value.text }, "Python code the reader does not type")];
  }
  return readStatements(statement.body, ctx, scope);
}
