/**
 * One Drizzle schema file: `export const users = pgTable('users', { email: varchar('email', …).notNull() },
 * (t) => [uniqueIndex('users_email_idx').on(sql\`lower(${t.email})\`)])`, and `pgEnum('role', […])`.
 * Column names are the builders' SQL names. References to other tables (`() => user.id`) are kept by
 * variable and property, for the reader to resolve across files.
 */
import type { ColumnSpec, ConstraintSpec, IndexSpec } from "../../model/operations.js";
import type { ReferentialAction, SqlDialect } from "../../model/schema.js";
import { asString, asStringList, callChain, lineOf, memberPath, type ChainLink, type JsValue, jsValue } from "../../parse/js-values.js";
import type { Node } from "../../parse/tree-sitter.js";
import { referentialAction } from "../referential-action.js";
import { drizzleColumnType, tableFunctionDialect } from "./column-builders.js";
import { sqlTemplate } from "./sql-template.js";

export interface ColumnRef {
  variable: string;
  property: string;
}

export interface PendingForeignKey {
  name: string | null;
  columns: string[];
  target: ColumnRef[];
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
}

export interface DrizzleTable {
  variable: string;
  name: string;
  dialect: SqlDialect;
  path: string;
  line: number;
  /** Property → SQL column name. */
  fields: Record<string, string>;
  columns: ColumnSpec[];
  constraints: ConstraintSpec[];
  indexes: { spec: IndexSpec; line: number }[];
  foreignKeys: (PendingForeignKey & { line: number })[];
  unreadable: { line: number; message: string }[];
}

export type Enums = Map<string, { name: string; values: string[] }>;

/** Top-level `const x = fn(…)` declarations, exported or not. */
function declarations(root: Node): { variable: string; value: Node }[] {
  const out: { variable: string; value: Node }[] = [];
  for (const statement of root.namedChildren) {
    const declaration = statement?.type === "export_statement" ? statement.childForFieldName("declaration") : statement;
    if (declaration?.type !== "lexical_declaration" && declaration?.type !== "variable_declaration") continue;
    for (const declarator of declaration.namedChildren) {
      const name = declarator?.childForFieldName("name");
      const value = declarator?.childForFieldName("value");
      if (declarator?.type === "variable_declarator" && name?.type === "identifier" && value) out.push({ variable: name.text, value });
    }
  }
  return out;
}

export function readEnums(root: Node): Enums {
  const enums: Enums = new Map();
  for (const { variable, value } of declarations(root)) {
    const chain = callChain(value);
    const link = chain?.links[0];
    if (!link || chain!.links.length !== 1 || (link.name !== "pgEnum" && link.name !== "mysqlEnum")) continue;
    const name = asString(link.args[0]);
    const values = asStringList(link.args[1]);
    if (name !== null && values) enums.set(variable, { name, values });
  }
  return enums;
}

export function readTables(root: Node, path: string, enums: Enums): DrizzleTable[] {
  const tables: DrizzleTable[] = [];
  for (const { variable, value } of declarations(root)) {
    const chain = callChain(value);
    const link = chain?.links[0];
    const dialect = link ? tableFunctionDialect(link.name) : null;
    const name = asString(link?.args[0]);
    const columnsArg = link?.args[1];
    if (!dialect || name === null || columnsArg?.kind !== "object") continue;
    const table: DrizzleTable = { variable, name, dialect, path, line: lineOf(value), fields: {}, columns: [], constraints: [], indexes: [], foreignKeys: [], unreadable: [] };
    for (const [property, builder] of columnsArg.entries) readColumn(table, property, builder, enums);
    const extra = link!.args[2];
    if (extra?.kind === "function") readExtras(table, extra);
    tables.push(table);
  }
  return tables;
}

function readColumn(table: DrizzleTable, property: string, builder: JsValue, enums: Enums): void {
  const line = lineOf(builder.node);
  const chain = builder.kind === "call" ? builder.chain : null;
  const head = chain?.links[0];
  if (!chain || !head || chain.root.length > 0) {
    table.unreadable.push({ line, message: `column ${property} is not a builder call` });
    return;
  }
  const name = asString(head.args[0]) ?? property;
  table.fields[property] = name;
  const spec: ColumnSpec = { name, type: drizzleColumnType(head.name, head.args, table.dialect, enums), nullable: true, default: null, source: { path: table.path, line } };
  for (const link of chain.links.slice(1)) {
    switch (link.name) {
      case "notNull":
        spec.nullable = false;
        break;
      case "primaryKey":
        spec.primaryKey = true;
        spec.nullable = false;
        // SQLite's `integer("id").primaryKey({ autoIncrement: true })`.
        if (link.args[0]?.kind === "object" && link.args[0].entries.get("autoIncrement")?.kind === "boolean" && (link.args[0].entries.get("autoIncrement") as { value: boolean }).value) spec.identity = "auto_increment";
        break;
      case "default": {
        const value = defaultOf(link.args[0], table);
        if (value === undefined) delete spec.default;
        else spec.default = value;
        break;
      }
      case "defaultNow":
        spec.default = table.dialect === "postgres" ? { kind: "expression", sql: "now()" } : table.dialect === "mysql" ? { kind: "expression", sql: "(now())" } : spec.default;
        if (table.dialect === "sqlite") delete spec.default;
        break;
      case "defaultRandom":
        spec.default = { kind: "expression", sql: "gen_random_uuid()" };
        break;
      case "autoincrement":
        spec.identity = "auto_increment";
        break;
      case "generatedAlwaysAsIdentity":
      case "generatedByDefaultAsIdentity":
        spec.identity = link.name === "generatedAlwaysAsIdentity" ? "always" : "by_default";
        spec.nullable = false;
        break;
      case "array":
        if (spec.type) spec.type = `${spec.type}[]`;
        break;
      case "unique": {
        const uniqueName = asString(link.args[0]) ?? `${table.name}_${name}_unique`;
        if (table.dialect === "postgres") table.constraints.push({ kind: "unique", name: uniqueName, columns: [name] });
        else table.indexes.push({ spec: indexSpec(table, uniqueName, [{ column: name, columns: [name] }], true), line });
        break;
      }
      case "references": {
        const target = link.args[0]?.kind === "function" ? memberPath(link.args[0].body) : null;
        const options = link.args[1]?.kind === "object" ? link.args[1] : undefined;
        if (target?.length === 2) {
          table.foreignKeys.push({
            name: null, columns: [name], target: [{ variable: target[0]!, property: target[1]! }], line,
            onDelete: referentialAction(asString(options?.entries.get("onDelete"))),
            onUpdate: referentialAction(asString(options?.entries.get("onUpdate"))),
          });
        } else table.unreadable.push({ line, message: `the reference of ${property} is not a table column` });
        break;
      }
      default:
        // $type, $defaultFn, $onUpdate, mode options: TypeScript and client-side behaviour, not the database's.
        break;
    }
  }
  table.columns.push(spec);
}

/** `.default('x')`, `.default(0)`, `.default(sql\`(strftime('%s', 'now'))\`)`; undefined when not literal. */
function defaultOf(value: JsValue | undefined, table: DrizzleTable): ColumnSpec["default"] | undefined {
  if (!value) return undefined;
  if (value.kind === "string" || value.kind === "number" || value.kind === "boolean") return { kind: "literal", value: value.value };
  if (value.kind === "null") return { kind: "literal", value: null };
  if (value.kind === "call" && value.chain.links.length === 1 && value.chain.links[0]!.name === "sql") {
    const template = value.node.childForFieldName("arguments");
    const sql = template?.type === "template_string" ? sqlTemplate(template, (path) => columnOf(table, path)) : null;
    return sql ? { kind: "expression", sql: sql.sql } : undefined;
  }
  return undefined;
}

function columnOf(table: DrizzleTable, path: string[]): string | null {
  return path.length === 2 ? (table.fields[path[1]!] ?? null) : null;
}

function indexSpec(table: DrizzleTable, name: string | null, keys: IndexSpec["keys"], unique: boolean): IndexSpec {
  return { name, table: table.name, keys, unique, method: null, where: null, whereColumns: [], include: [] };
}

/** The third argument: `(t) => ({ …: index(…).on(…) })` or `(t) => [ … ]`. */
function readExtras(table: DrizzleTable, fn: JsValue & { kind: "function" }): void {
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
