/**
 * A Drizzle table's third argument, `(t) => [index('…').on(t.a), uniqueIndex(…).on(sql\`lower(${t.b})\`),
 * primaryKey({ columns }), unique().on(…), foreignKey({ columns, foreignColumns }), check(…)]` (or an object of them).
 */
import type { IndexSpec } from "../../model/operations.js";
import { asString, jsValue, lineOf, type ChainLink, type JsValue } from "../../parse/js-values.js";
import { referentialAction } from "../referential-action.js";
import { sqlTemplate } from "./sql-template.js";
import { columnOf, indexSpec, type ColumnRef, type DrizzleTable } from "./table.js";

/** The third argument: `(t) => ({ …: index(…).on(…) })` or `(t) => [ … ]`. */
export function readExtras(table: DrizzleTable, fn: JsValue & { kind: "function" }): void {
  let body = jsValue(fn.body);
  if (fn.body.type === "statement_block") {
    const returned = fn.body.namedChildren.find((s) => s?.type === "return_statement")?.namedChildren[0];
    if (returned) body = jsValue(returned);
  }
  const items = body.kind === "array" ? body.items : body.kind === "object" ? [...body.entries.values()] : [];
  for (const item of items) {
    if (item.kind !== "call" || item.chain.root.length > 0) {
      table.unreadable.push({ line: lineOf(item.node), message: "a table extra is not a builder call" });
      continue;
    }
    readExtra(table, item.chain.links, lineOf(item.node));
  }
}

function readExtra(table: DrizzleTable, links: ChainLink[], line: number): void {
  const [head, ...rest] = links as [ChainLink, ...ChainLink[]];
  const key = (value: JsValue): IndexSpec["keys"][number] | null => {
    const path = value.kind === "ref" ? value.path : null;
    if (path) {
      const column = columnOf(table, path);
      return column ? { column, columns: [column] } : null;
    }
    if (value.kind !== "call") return null;
    const chain = value.chain;
    const last = chain.links.at(-1)!;
    if (chain.root.length === 2) {
      const column = columnOf(table, chain.root);
      if (!column) return null;
      if (last.name === "op") return { column, columns: [column], ...(asString(last.args[0]) ? { opclass: asString(last.args[0])! } : {}) };
      if (last.name === "desc") return { column, columns: [column], descending: true };
      return { column, columns: [column] };
    }
    if (chain.links.length === 1 && last.name === "sql") {
      const template = value.node.childForFieldName("arguments");
      const sql = template?.type === "template_string" ? sqlTemplate(template, (p) => columnOf(table, p)) : null;
      return sql ? { expression: sql.sql, columns: sql.columns } : null;
    }
    return null;
  };
  const keysOf = (args: JsValue[]) => {
    const keys = args.map(key);
    return keys.every((k) => k !== null) ? (keys as IndexSpec["keys"]) : null;
  };
  const fail = (): void => {
    table.unreadable.push({ line, message: `${head.name}() is not read` });
  };
  if (head.name === "index" || head.name === "uniqueIndex") {
    const spec = indexSpec(table, asString(head.args[0]), [], head.name === "uniqueIndex");
    for (const link of rest) {
      if (link.name === "on" || link.name === "onOnly") spec.keys = keysOf(link.args) ?? [];
      else if (link.name === "using") {
        spec.method = asString(link.args[0]);
        spec.keys = keysOf(link.args.slice(1)) ?? [];
      } else if (link.name === "where") {
        const template = link.args[0]?.kind === "call" ? link.args[0].node.childForFieldName("arguments") : null;
        const where = template?.type === "template_string" ? sqlTemplate(template, (p) => columnOf(table, p)) : null;
        if (!where) return fail();
        spec.where = where.sql;
        spec.whereColumns = where.columns;
      }
    }
    if (spec.keys.length === 0) return fail();
    spec.name ??= `${table.name}_${spec.keys.map((k) => k.column ?? "expr").join("_")}_index`;
    table.indexes.push({ spec, line });
  } else if (head.name === "primaryKey") {
    const options = head.args[0]?.kind === "object" ? head.args[0] : undefined;
    const columns = keysOf(options?.entries.get("columns")?.kind === "array" ? (options.entries.get("columns") as { items: JsValue[] }).items : head.args);
    if (!columns) return fail();
    table.constraints.push({ kind: "primary_key", name: asString(options?.entries.get("name")), columns: columns.map((k) => k.column!) });
  } else if (head.name === "unique") {
    const columns = keysOf(rest.find((l) => l.name === "on")?.args ?? []);
    if (!columns?.length) return fail();
    const cols = columns.map((k) => k.column!);
    const name = asString(head.args[0]) ?? `${table.name}_${cols.join("_")}_unique`;
    if (table.dialect === "postgres") table.constraints.push({ kind: "unique", name, columns: cols });
    else table.indexes.push({ spec: indexSpec(table, name, columns, true), line });
  } else if (head.name === "foreignKey") {
    const options = head.args[0]?.kind === "object" ? head.args[0] : undefined;
    const columns = keysOf((options?.entries.get("columns") as { items?: JsValue[] } | undefined)?.items ?? []);
    const foreign = (options?.entries.get("foreignColumns") as { items?: JsValue[] } | undefined)?.items ?? [];
    const target = foreign.map((f) => (f.kind === "ref" && f.path.length === 2 ? { variable: f.path[0]!, property: f.path[1]! } : null));
    if (!columns?.length || target.some((t) => t === null) || target.length === 0) return fail();
    const action = (name: string) => referentialAction(asString(rest.find((l) => l.name === name)?.args[0]));
    table.foreignKeys.push({ name: asString(options?.entries.get("name")), columns: columns.map((k) => k.column!), target: target as ColumnRef[], onDelete: action("onDelete"), onUpdate: action("onUpdate"), line });
  } else if (head.name === "check") {
    const template = head.args[1]?.kind === "call" ? head.args[1].node.childForFieldName("arguments") : null;
    const check = template?.type === "template_string" ? sqlTemplate(template, (p) => columnOf(table, p)) : null;
    if (!check) return fail();
    table.constraints.push({ kind: "check", name: asString(head.args[0]), expression: check.sql, columns: check.columns });
  } else fail();
}
