/**
 * One Drizzle schema file: `export const users = pgTable('users', { email: varchar('email', …).notNull() },
 * (t) => [uniqueIndex('users_email_idx').on(sql\`lower(${t.email})\`)])`, and `pgEnum('role', […])`.
 * Column names are the builders' SQL names. References to other tables (`() => user.id`) are kept by
 * variable and property, for the reader to resolve across files.
 */
import type { ColumnSpec } from "../../model/operations.js";
import { asString, asStringList, callChain, lineOf, memberPath, type JsValue } from "../../parse/js-values.js";
import type { Node } from "../../parse/tree-sitter.js";
import { referentialAction } from "../referential-action.js";
import { drizzleColumnType, tableFunctionDialect } from "./column-builders.js";
import { sqlTemplate } from "./sql-template.js";
import { columnOf, indexSpec, type DrizzleTable, type Enums } from "./table.js";
import { readExtras } from "./table-extras.js";

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

