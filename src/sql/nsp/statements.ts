/** One node-sql-parser statement AST (MySQL/MariaDB or SQLite) → operations; what the model has no kind for is `raw`. */
import type { ColumnSpec, ConstraintSpec, IndexSpec, MysqlClauses } from "../../model/operations.js";
import type { Draft } from "../draft.js";
import { columnName, columnSpec, constraintSpec, indexKeys, tableOf, columnsRead } from "./columns.js";
import type { Ast, NspParser } from "./parser.js";

export function statement(ast: Ast, nsp: NspParser, sql: string): Draft[] {
  const raw = (reason: string): Draft[] => [{ kind: "raw", sql, reason }];
  switch (ast?.type) {
    case "create":
      if (ast.keyword === "table") return ast.query_expr || ast.like ? raw("CREATE TABLE … AS / LIKE copies columns this statement does not list") : createTable(ast, nsp);
      if (ast.keyword === "index") return [createIndex(ast, nsp)];
      return raw(`CREATE ${String(ast.keyword ?? "").toUpperCase()} is not modelled`);
    case "alter":
      return alterTable(ast, nsp, sql);
    case "drop":
      return drop(ast, sql);
    case "rename":
      return (ast.table ?? []).map((pair: Ast[]) => ({ kind: "rename_table", table: tableOf(pair[0]), to: tableOf(pair[1]) }));
    case "update": {
      if ((ast.table ?? []).length !== 1 || ast.from?.length || ast.with) return raw("UPDATE over several tables is not modelled");
      const set = (ast.set ?? []).map((s: Ast) => ({ column: String(s.column), sql: nsp.expr(s.value) }));
      const limit = ast.limit?.value?.[0]?.value;
      return [{ kind: "update", table: tableOf(ast.table[0]), set, where: ast.where ? nsp.expr(ast.where) : null, ...(limit !== undefined ? { limit: Number(limit) } : {}) }];
    }
    case "delete":
      if ((ast.from ?? []).length !== 1 || ast.with) return raw("DELETE over several tables is not modelled");
      return [{ kind: "delete", table: tableOf(ast.from[0]), where: ast.where ? nsp.expr(ast.where) : null }];
    case "set":
      return (ast.expr ?? []).map((e: Ast): Draft => {
        const value = e.right?.type === "number" || e.right?.type?.endsWith?.("string") ? String(e.right.value) : nsp.expr(e.right);
        return { kind: "setting", name: String(e.left?.name ?? ""), value, local: false };
      });
    case "truncate":
      return (ast.name ?? []).map((t: Ast) => ({ kind: "maintenance", action: "truncate", table: tableOf(t) }));
    case "transaction": {
      const action = String(ast.expr?.action?.value ?? "").toLowerCase();
      if (action === "begin" || action === "start") return [{ kind: "transaction", action: "begin" }];
      if (action === "commit" || action === "rollback") return [{ kind: "transaction", action }];
      return raw(`${action.toUpperCase()} is not modelled`);
    }
    default:
      return raw(`${String(ast?.type ?? "statement").toUpperCase()} is not modelled`);
  }
}

function createTable(ast: Ast, nsp: NspParser): Draft[] {
  const table = tableOf(ast.table?.[0]);
  const columns: ColumnSpec[] = [];
  const constraints: ConstraintSpec[] = [];
  const indexes: Draft[] = [];
  for (const def of ast.create_definitions ?? []) {
    if (def.resource === "column") columns.push(columnSpec(def, nsp));
    else if (def.resource === "constraint") {
      const constraint = constraintSpec(def, nsp);
      if (constraint?.kind === "unique" && nsp.dialect === "mysql") indexes.push(uniqueIndex(constraint.name, def, table, nsp));
      else if (constraint) constraints.push(constraint);
    } else if (def.resource === "index") {
      // MySQL's `KEY ix (a, b)` inside CREATE TABLE is an index built with the table.
      indexes.push({ kind: "create_index", index: indexOf(def, table, nsp), concurrently: false });
    }
  }
  const name = String(ast.table?.[0]?.table ?? "");
  const schema = ast.table?.[0]?.db ?? null;
  return [{ kind: "create_table", table: name, schema, columns, constraints, ...(ast.if_not_exists ? { ifNotExists: true } : {}) }, ...indexes];
}

/** An index defined inside CREATE TABLE or ALTER TABLE ADD INDEX. */
function indexOf(def: Ast, table: string, nsp: NspParser): IndexSpec {
  const keyword = String(def.keyword ?? "").toLowerCase();
  return {
    name: def.index ?? null,
    table,
    keys: indexKeys(def.definition ?? [], nsp),
    unique: false,
    method: keyword.startsWith("fulltext") ? "fulltext" : keyword.startsWith("spatial") ? "spatial" : usingOf(def),
    where: null,
    whereColumns: [],
    include: [],
  };
}

/** MySQL keeps a UNIQUE constraint as a unique index of that name (SHOW INDEX lists it; DROP INDEX drops it). */
function uniqueIndex(name: string | null, def: Ast, table: string, nsp: NspParser): Extract<Draft, { kind: "create_index" }> {
  const keys = indexKeys(def.definition ?? [], nsp);
  return { kind: "create_index", index: { name, table, keys, unique: true, method: usingOf(def), where: null, whereColumns: [], include: [] }, concurrently: false };
}

function usingOf(ast: Ast): string | null {
  const using = ast.index_using?.type ?? (ast.index_options ?? []).find((o: Ast) => o?.keyword === "using")?.type ?? ast.index_type?.type;
  return typeof using === "string" ? using.toLowerCase() : null;
}

function createIndex(ast: Ast, nsp: NspParser): Draft {
  const kind = String(ast.index_type ?? "").toLowerCase();
  const index: IndexSpec = {
    name: typeof ast.index === "string" ? ast.index : ast.index?.name ?? null,
    table: tableOf(ast.table),
    keys: indexKeys(ast.index_columns ?? [], nsp),
    unique: kind === "unique",
    method: kind === "fulltext" || kind === "spatial" ? kind : usingOf(ast),
    where: ast.where ? nsp.expr(ast.where) : null,
    whereColumns: ast.where ? columnsRead(ast.where, nsp.dialect) : [],
    include: [],
  };
  const mysql = clauses([ast.algorithm_option, ast.lock_option]);
  return { kind: "create_index", index, concurrently: false, ...(ast.if_not_exists ? { ifNotExists: true } : {}), ...(mysql ? { mysql } : {}) };
}

function clauses(items: Ast[]): MysqlClauses | null {
  const found: MysqlClauses = {};
  for (const item of items ?? []) {
    if (item?.resource === "algorithm") found.algorithm = String(item.algorithm).toUpperCase();
    if (item?.resource === "lock") found.lock = String(item.lock).toUpperCase();
  }
  return found.algorithm || found.lock ? found : null;
}

function alterTable(ast: Ast, nsp: NspParser, sql: string): Draft[] {
  const table = tableOf(ast.table?.[0]);
  const exprs: Ast[] = ast.expr ?? [];
  const mysql = clauses(exprs);
  const withClauses = mysql ? { mysql } : {};
  const drafts: Draft[] = [];
  for (const e of exprs) {
    const action = String(e.action ?? "").toLowerCase();
    const resource = String(e.resource ?? "").toLowerCase();
    const keyword = String(e.keyword ?? "").toLowerCase();
    if (resource === "algorithm" || resource === "lock") continue;
    if (action === "add" && resource === "column") drafts.push({ kind: "add_column", table, column: columnSpec(e, nsp), ...withClauses });
    else if (action === "drop" && resource === "column") drafts.push({ kind: "drop_column", table, column: columnName(e.column) });
    else if (action === "modify") drafts.push({ kind: "redefine_column", table, column: columnName(e.column), spec: columnSpec(e, nsp), ...withClauses });
    else if (action === "change") {
      const from = columnName(e.old_column);
      const spec = columnSpec(e, nsp);
      drafts.push({ kind: "redefine_column", table, column: from, spec, ...(spec.name !== from ? { to: spec.name } : {}), ...withClauses });
    } else if (action === "rename" && resource === "column") drafts.push({ kind: "rename_column", table, column: columnName(e.old_column), to: columnName(e.column) });
    else if (action === "rename" && resource === "table") drafts.push({ kind: "rename_table", table, to: String(e.table) });
    else if (action === "add" && resource === "index") drafts.push({ kind: "create_index", index: indexOf(e, table, nsp), concurrently: false, ...withClauses });
    else if (action === "drop" && resource === "index") drafts.push({ kind: "drop_index", name: String(e.index), table, concurrently: false });
    else if (action === "add" && resource === "constraint") {
      const constraint = constraintSpec(e.create_definitions, nsp);
      if (constraint?.kind === "unique" && nsp.dialect === "mysql") drafts.push({ ...uniqueIndex(constraint.name, e.create_definitions, table, nsp), ...withClauses });
      else if (constraint) drafts.push({ kind: "add_constraint", table, constraint, notValid: false });
      else drafts.push({ kind: "raw", sql, reason: "ALTER TABLE ADD of this constraint is not modelled" });
    } else if (action === "drop" && (resource === "key" || resource === "constraint" || resource === "check")) {
      // MySQL names a primary key PRIMARY, always.
      const name = keyword === "primary key" ? "PRIMARY" : String(e.key ?? e.constraint ?? e.check ?? e.name ?? "");
      drafts.push({ kind: "drop_constraint", table, name });
    } else drafts.push({ kind: "raw", sql, reason: `ALTER TABLE ${action.toUpperCase()} ${resource.toUpperCase()} is not modelled` });
  }
  return drafts;
}

function drop(ast: Ast, sql: string): Draft[] {
  const ifExists = String(ast.prefix ?? "").toLowerCase() === "if exists" ? { ifExists: true } : {};
  if (ast.keyword === "table") return (ast.name ?? []).map((t: Ast) => ({ kind: "drop_table", table: tableOf(t), ...ifExists }));
  if (ast.keyword === "index") return [{ kind: "drop_index", name: columnName(ast.name), table: ast.table ? tableOf(ast.table) : null, concurrently: false, ...ifExists }];
  return [{ kind: "raw", sql, reason: `DROP ${String(ast.keyword ?? "").toUpperCase()} is not modelled` }];
}
