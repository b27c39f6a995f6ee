/** CREATE INDEX, DROP INDEX and maintenance statements per dialect. */
import type { Operation } from "../../model/operations.js";
import type { SqlDialect } from "../../model/schema.js";
import { placeholder } from "../literal.js";
import { indexKeys, list, q, qt } from "./parts.js";

type Of<K extends Operation["kind"]> = Extract<Operation, { kind: K }>;

export function renderIndex(op: Of<"create_index">, d: SqlDialect): string {
  const index = op.index;
  const method = index.method?.toLowerCase() ?? null;
  const what = index.name ?? `on ${index.table}`;
  if (d === "mysql") {
    const kind = index.unique ? "UNIQUE " : method === "fulltext" ? "FULLTEXT " : method === "spatial" ? "SPATIAL " : "";
    const using = method === "btree" || method === "hash" ? ` USING ${method.toUpperCase()}` : "";
    const gaps = [
      index.where ? placeholder(`MySQL has no partial index: WHERE ${index.where}`) : "",
      index.include.length ? placeholder(`MySQL has no INCLUDE columns (${index.include.join(", ")})`) : "",
      method && !["btree", "hash", "fulltext", "spatial"].includes(method) ? placeholder(`MySQL has no ${method} index`) : "",
    ].filter(Boolean);
    const clauses = [op.mysql?.algorithm && `ALGORITHM=${op.mysql.algorithm}`, op.mysql?.lock && `LOCK=${op.mysql.lock}`].filter(Boolean);
    const name = index.name ? q(index.name, d) : placeholder(`name of the index ${what}: MySQL's CREATE INDEX needs one`);
    return [`CREATE ${kind}INDEX ${name} ON ${qt(index.table, d)} (${indexKeys(index, d)})${using}`, ...gaps, ...clauses].join(" ");
  }
  const head = `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${op.concurrently && d === "postgres" ? "CONCURRENTLY " : ""}${op.ifNotExists ? "IF NOT EXISTS " : ""}`;
  const name = index.name ? `${q(index.name, d)} ` : d === "sqlite" ? `${placeholder(`name of the index ${what}: SQLite needs one`)} ` : "";
  if (d === "sqlite") {
    const gaps = [
      method && method !== "btree" ? placeholder(`SQLite has no ${method} index`) : "",
      index.include.length ? placeholder(`SQLite has no INCLUDE columns (${index.include.join(", ")})`) : "",
    ].filter(Boolean);
    return [`${head}${name}ON ${qt(index.table, d)} (${indexKeys(index, d)})`, ...gaps, index.where ? `WHERE ${index.where}` : ""].filter(Boolean).join(" ");
  }
  // btree is PostgreSQL's default: USING is written only for another method.
  const using = method && method !== "btree" ? ` USING ${method}` : "";
  const include = index.include.length ? ` INCLUDE (${list(index.include, d)})` : "";
  return `${head}${name}ON ${qt(index.table, d)}${using} (${indexKeys(index, d)})${include}${index.where ? ` WHERE ${index.where}` : ""}`;
}

export function renderDropIndex(op: Of<"drop_index">, d: SqlDialect): string {
  if (d === "mysql") return `DROP INDEX ${q(op.name, d)} ON ${op.table ? qt(op.table, d) : placeholder(`the table of index ${op.name}: MySQL needs it`)}`;
  const concurrently = op.concurrently && d === "postgres" ? "CONCURRENTLY " : "";
  return `DROP INDEX ${concurrently}${op.ifExists ? "IF EXISTS " : ""}${qt(op.name, d)}`;
}

export function renderMaintenance(op: Of<"maintenance">, d: SqlDialect): string {
  const table = op.table ? qt(op.table, d) : null;
  switch (op.action) {
    case "truncate":
      if (!table) return placeholder("the table to truncate");
      if (d === "sqlite") return `DELETE FROM ${table}`;
      return d === "mysql" ? `TRUNCATE TABLE ${table}` : `TRUNCATE ${table}${op.cascade ? " CASCADE" : ""}`;
    case "vacuum_full":
      if (d === "sqlite") return "VACUUM";
      if (d === "mysql") return table ? `OPTIMIZE TABLE ${table}` : placeholder("the table to optimize");
      return `VACUUM FULL${table ? ` ${table}` : ""}`;
    case "reindex":
      if (d === "sqlite") return `REINDEX${table ? ` ${table}` : ""}`;
      if (d === "mysql") return placeholder("MySQL has no REINDEX");
      return table ? `REINDEX TABLE ${op.concurrently ? "CONCURRENTLY " : ""}${table}` : placeholder("the table to reindex");
    case "cluster":
      return d === "postgres" ? `CLUSTER${table ? ` ${table}` : ""}` : placeholder(`${d} has no CLUSTER`);
  }
}
