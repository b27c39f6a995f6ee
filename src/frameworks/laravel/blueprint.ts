/**
 * The closure of `Schema::create`/`Schema::table`: each `$table->…` chain as columns, constraints and
 * operations. In `Schema::create` the columns and constraints make the CREATE TABLE and the indexes follow it;
 * in `Schema::table` each is its own operation. `->change()` restates the whole column, as Laravel 11 does:
 * what the chain leaves out (`nullable()`, a default) is gone.
 */
import type { ColumnSpec, ConstraintSpec, IndexSpec, Operation } from "../../model/operations.js";
import type { Source } from "../../model/schema.js";
import { chainOf, nameOf, stringOf, type CodeBlock, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { readColumnChain, referentialAction } from "./columns.js";
import { sourceOf, untyped, type LaravelContext } from "./context.js";
import { indexName } from "./naming.js";
import { laravelType } from "./types.js";

export interface TableItems {
  columns: ColumnSpec[];
  constraints: ConstraintSpec[];
  /** Operations that follow the columns: indexes, drops, renames. */
  ops: Operation[];
}

/** A Schema closure read: its new columns, then its commands in the order written, as Blueprint runs them. */
export interface Blueprint {
  columns: ColumnSpec[];
  commands: (Operation | ConstraintSpec)[];
}

function names(values: CodeValue[]): string[] {
  return values.flatMap((v) => (v.kind === "list" ? v.items.map(stringOf) : [stringOf(v)])).filter((n): n is string => n !== null);
}

function indexOp(table: string, columns: string[], type: "index" | "unique" | "fulltext" | "spatialindex", name: string | null, source: Source, call: string, ctx: LaravelContext): Operation | ConstraintSpec {
  const indexNameValue = name ?? indexName(table, columns, type);
  // PostgreSQL's grammar adds a UNIQUE constraint; MySQL and SQLite a unique index.
  if (type === "unique" && ctx.dialect === "postgres") return { kind: "unique", name: indexNameValue, columns };
  const fulltextOnPostgres = type === "fulltext" && ctx.dialect === "postgres";
  const spec: IndexSpec = {
    name: indexNameValue,
    table,
    keys: fulltextOnPostgres ? columns.map((c) => ({ expression: `to_tsvector('english', ${c})`, columns: [c] })) : columns.map((c) => ({ column: c, columns: [c] })),
    unique: type === "unique",
    method: type === "fulltext" ? (ctx.dialect === "postgres" ? "gin" : "fulltext") : type === "spatialindex" ? (ctx.dialect === "postgres" ? "gist" : "spatial") : null,
    where: null,
    whereColumns: [],
    include: [],
  };
  return { kind: "create_index", index: spec, concurrently: false, source, call };
}

function timestampColumn(name: string, type: "timestamp" | "timestampTz", precision: CodeValue | undefined, ctx: LaravelContext): ColumnSpec {
  const args = { length: null, precision: precision?.kind === "number" ? precision.value : null, scale: null, allowed: null, unsigned: false };
  return { name, type: laravelType(type, args, ctx.dialect), nullable: true, default: null };
}

/** Blueprint helpers that add several columns at once. */
function helperColumns(call: CodeCall, table: string, ctx: LaravelContext, source: Source): TableItems | null {
  const items: TableItems = { columns: [], constraints: [], ops: [] };
  const tz = call.name.endsWith("Tz") ? "timestampTz" : "timestamp";
  switch (call.name) {
    case "timestamps":
    case "nullableTimestamps":
    case "timestampsTz":
      items.columns.push(timestampColumn("created_at", tz, call.args[0], ctx), timestampColumn("updated_at", tz, call.args[0], ctx));
      return items;
    case "softDeletes":
    case "softDeletesTz":
      items.columns.push(timestampColumn(stringOf(call.args[0]) ?? "deleted_at", tz, call.args[1], ctx));
      return items;
    case "rememberToken":
      items.columns.push({ name: "remember_token", type: laravelType("string", { length: 100, precision: null, scale: null, allowed: null, unsigned: false }, ctx.dialect), nullable: true, default: null });
      return items;
    case "morphs":
    case "nullableMorphs":
    case "uuidMorphs":
    case "nullableUuidMorphs": {
      const base = stringOf(call.args[0]);
      if (!base) return null;
      const nullable = call.name.startsWith("nullable");
      const idType = call.name.toLowerCase().includes("uuid") ? "uuid" : "bigInteger";
      items.columns.push(
        { name: `${base}_type`, type: laravelType("string", { length: 255, precision: null, scale: null, allowed: null, unsigned: false }, ctx.dialect), nullable, default: null },
        { name: `${base}_id`, type: laravelType(idType, { length: null, precision: null, scale: null, allowed: null, unsigned: idType === "bigInteger" }, ctx.dialect), nullable, default: null },
      );
      const index = indexOp(table, [`${base}_type`, `${base}_id`], "index", stringOf(call.args[1]), source, call.name, ctx);
      if ("kind" in index && index.kind === "create_index") items.ops.push(index);
      return items;
    }
    default:
      return null;
  }
}

/** One `$table->…` statement. */
function readStatement(chain: CodeCall[], table: string, ctx: LaravelContext, at: CodeCall): TableItems {
  const items: TableItems = { columns: [], constraints: [], ops: [] };
  const source = sourceOf(ctx, at);
  const [first] = chain;
  if (!first) return items;
  const column = readColumnChain(chain, table, ctx);
  if (column) {
    if (column.change) {
      items.ops.push({ kind: "redefine_column", table, column: column.spec.name, spec: column.spec, source, call: "change" });
    } else {
      items.columns.push({ ...column.spec, source });
    }
    if (column.foreignKey) items.constraints.push({ ...column.foreignKey, source });
    for (const index of column.indexes) {
      if (index.type === "primary") items.constraints.push({ kind: "primary_key", name: index.name, columns: [column.spec.name], source });
      else {
        const made = indexOp(table, [column.spec.name], index.type, index.name, source, first.name, ctx);
        if (made.kind === "create_index") items.ops.push(made);
        else items.constraints.push({ ...(made as ConstraintSpec), source });
      }
    }
    return items;
  }
  const helper = helperColumns(first, table, ctx, source);
  if (helper) return { ...helper, columns: helper.columns.map((c) => ({ ...c, source })) };
  switch (first.name) {
    case "index":
    case "unique":
    case "fullText":
    case "spatialIndex": {
      const type = first.name === "fullText" ? "fulltext" : first.name === "spatialIndex" ? "spatialindex" : first.name;
      const made = indexOp(table, names([first.args[0]!]), type as "index", stringOf(first.args[1]), source, first.name, ctx);
      if (made.kind === "create_index") items.ops.push(made);
      else items.constraints.push({ ...(made as ConstraintSpec), source });
      return items;
    }
    case "primary":
      items.constraints.push({ kind: "primary_key", name: stringOf(first.args[1]), columns: names([first.args[0]!]), source });
      return items;
    case "foreign": {
      const columns = names([first.args[0]!]);
      const references = chain.find((c) => c.name === "references");
      const on = chain.find((c) => c.name === "on");
      const refTable = on ? nameOf(on.args[0]) : null;
      if (!refTable || !references) return { ...items, ops: [untyped(ctx, at, "foreign key built at run time")] };
      const deleteCall = chain.find((c) => c.name === "onDelete");
      const updateCall = chain.find((c) => c.name === "onUpdate");
      items.constraints.push({
        kind: "foreign_key",
        name: stringOf(first.args[1]) ?? indexName(table, columns, "foreign"),
        columns,
        refTable,
        refColumns: names([references.args[0]!]),
        onDelete: deleteCall ? referentialAction(deleteCall.args[0]) : chain.some((c) => c.name === "cascadeOnDelete") ? "cascade" : chain.some((c) => c.name === "nullOnDelete") ? "set_null" : "no_action",
        onUpdate: updateCall ? referentialAction(updateCall.args[0]) : chain.some((c) => c.name === "cascadeOnUpdate") ? "cascade" : "no_action",
        source,
      });
      return items;
    }
    case "dropColumn":
    case "dropColumns":
      items.ops.push(...names(first.args).map((column): Operation => ({ kind: "drop_column", table, column, source, call: first.name })));
      return items;
    case "renameColumn": {
      const [from, to] = first.args.map(stringOf);
      items.ops.push(from && to ? { kind: "rename_column", table, column: from, to, source, call: first.name } : untyped(ctx, at, "column named at run time"));
      return items;
    }
    case "dropIndex":
    case "dropUnique":
    case "dropFullText":
    case "dropSpatialIndex":
    case "dropPrimary":
    case "dropForeign": {
      const type = ({ dropIndex: "index", dropUnique: "unique", dropFullText: "fulltext", dropSpatialIndex: "spatialindex", dropPrimary: "primary", dropForeign: "foreign" } as const)[first.name];
      const arg = first.args[0];
      // A primary key is dropped whatever it is called: MySQL's is PRIMARY, PostgreSQL's grammar drops `<table>_pkey`.
      const name =
        type === "primary" ? (ctx.dialect === "postgres" ? `${table}_pkey` : "PRIMARY") : arg?.kind === "list" ? indexName(table, names([arg]), type) : stringOf(arg);
      if (!name) {
        items.ops.push(untyped(ctx, at, "index named at run time"));
        return items;
      }
      const constraint = type === "foreign" || type === "primary" || (type === "unique" && ctx.dialect === "postgres");
      items.ops.push(constraint ? { kind: "drop_constraint", table, name, source, call: first.name } : { kind: "drop_index", name, table, concurrently: false, source, call: first.name });
      return items;
    }
    case "dropTimestamps":
    case "dropTimestampsTz":
      items.ops.push(...["created_at", "updated_at"].map((column): Operation => ({ kind: "drop_column", table, column, source, call: first.name })));
      return items;
    case "dropSoftDeletes":
    case "dropSoftDeletesTz":
      items.ops.push({ kind: "drop_column", table, column: stringOf(first.args[0]) ?? "deleted_at", source, call: first.name });
      return items;
    case "dropRememberToken":
      items.ops.push({ kind: "drop_column", table, column: "remember_token", source, call: first.name });
      return items;
    case "dropConstrainedForeignId": {
      const column = stringOf(first.args[0]);
      if (column) items.ops.push({ kind: "drop_constraint", table, name: indexName(table, [column], "foreign"), source, call: first.name }, { kind: "drop_column", table, column, source, call: first.name });
      return items;
    }
    case "rename": {
      const to = stringOf(first.args[0]);
      items.ops.push(to ? { kind: "rename_table", table, to, source, call: first.name } : untyped(ctx, at, "table named at run time"));
      return items;
    }
    case "renameIndex": {
      const [from, to] = first.args.map(stringOf);
      items.ops.push(from && to ? { kind: "rename_index", name: from, to, table, source, call: first.name } : untyped(ctx, at, "index named at run time"));
      return items;
    }
    default:
      items.ops.push(untyped(ctx, at, "Blueprint method the reader does not type"));
      return items;
  }
}

/** The `$table->…` statements of a Schema closure: new columns first, the other commands in order (Blueprint::toSql). */
export function readBlueprint(block: CodeBlock, table: string, ctx: LaravelContext): Blueprint {
  const all: Blueprint = { columns: [], commands: [] };
  const param = block.params[0] ?? "$table";
  for (const statement of block.body) {
    if (statement.kind !== "call") continue;
    const { base, calls } = chainOf(statement);
    if (base?.kind !== "name" || base.parts[0] !== param) {
      all.commands.push(untyped(ctx, statement, "not a Blueprint call"));
      continue;
    }
    const items = readStatement(calls, table, ctx, statement);
    all.columns.push(...items.columns);
    all.commands.push(...items.constraints, ...items.ops);
  }
  return all;
}
