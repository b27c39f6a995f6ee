/**
 * The calls of one Sequelize migration function on its query interface: createTable, addColumn,
 * changeColumn, renameColumn, removeColumn, addIndex, removeIndex, addConstraint, removeConstraint,
 * renameTable, dropTable, and `queryInterface.sequelize.query(sql)` (SQL for the SQL reader).
 */
import type { ColumnSpec, ConstraintSpec, Operation } from "../../model/operations.js";
import type { Source, SqlDialect } from "../../model/schema.js";
import { asString, asStringList, entry, lineOf, type CallChain, type ChainLink, type JsValue } from "../../parse/js-values.js";
import { constString, noteConditions, outermostCalls } from "../../parse/js-walk.js";
import type { Node } from "../../parse/tree-sitter.js";
import type { Step } from "../embedded-sql.js";
import { referentialAction } from "../referential-action.js";
import { readAttribute } from "./attributes.js";
import { readIndexCall, sequelizeIndexName } from "./indexes.js";

export interface BodyRead {
  steps: Step[];
  /** Where the migration wraps its work in `queryInterface.sequelize.transaction(…)`. */
  transaction: Source | null;
  /** Calls that run only under an `if` or after an early return. */
  conditions: string[];
}

const DATA_CALLS = new Set(["bulkInsert", "bulkUpdate", "bulkDelete", "insert", "upsert", "select", "rawSelect", "describeTable", "showAllTables"]);

export function readMigrationBody(body: Node, qi: string, dialect: SqlDialect | null, path: string): BodyRead {
  const read: BodyRead = { steps: [], transaction: null, conditions: [] };
  outermostCalls(body, (chain, node) => {
    const before = read.steps.length;
    const done = visit(chain, node);
    if (read.steps.length > before) noteConditions(read.conditions, node, body, path);
    return done;
  });
  return read;

  function visit(chain: CallChain, node: Node): boolean {
    if (chain.root[0] !== qi || chain.links.length === 0) return false;
    const link = chain.links.at(-1)!;
    const source: Source = { path, line: lineOf(node), endLine: node.endPosition.row + 1 };
    if (chain.root.at(-1) === "sequelize") {
      if (link.name === "query") {
        const sql = constString(link.args[0]);
        read.steps.push(sql === null
          ? { kind: "raw", sql: node.text, reason: "the SQL is built at run time", source, call: "sequelize.query" }
          : { kind: "sql", sql, at: { path, line: lineOf(link.args[0]!.node) }, call: "sequelize.query" });
        return true;
      }
      if (link.name === "transaction") read.transaction ??= source;
      return false;
    }
    if (chain.root.length !== 1 || chain.links.length !== 1) return false;
    if (DATA_CALLS.has(link.name)) return true;
    read.steps.push(...readCall(link, dialect, source, node));
    return true;
  }
}

function readCall(link: ChainLink, dialect: SqlDialect | null, source: Source, node: Node): Step[] {
  const call = `queryInterface.${link.name}`;
  const [first, second, third] = link.args;
  const table = tableName(first);
  const raw = (reason: string): Operation => ({ kind: "raw", sql: node.text, reason, source, call });
  if (table === null) return [raw("the table name is not literal")];
  switch (link.name) {
    case "createTable":
      return createTable(table, second, dialect, source, call) ?? [raw("the attributes are not an object literal")];
    case "dropTable":
      return [{ kind: "drop_table", table, source, call }];
    case "renameTable": {
      const to = tableName(second);
      return to === null ? [raw("the new name is not literal")] : [{ kind: "rename_table", table, to, source, call }];
    }
    case "addColumn":
    case "changeColumn": {
      const name = asString(second);
      if (name === null || !third) return [raw("the column is not literal")];
      const attribute = readAttribute(table, name, third, dialect);
      const ops: Operation[] = [];
      if (attribute.enumValues && dialect === "postgres" && link.name === "addColumn") {
        ops.push({ kind: "create_enum", name: `enum_${table}_${name}`, values: attribute.enumValues, source, call });
      }
      if (link.name === "addColumn") return [...ops, { kind: "add_column", table, column: attribute.spec, source, call }];
      return [...ops, ...changeColumn(table, attribute.spec, dialect, source, call)];
    }
    case "renameColumn": {
      const [from, to] = [asString(second), asString(third)];
      return from === null || to === null ? [raw("a column name is not literal")] : [{ kind: "rename_column", table, column: from, to, source, call }];
    }
    case "removeColumn": {
      const name = asString(second);
      return name === null ? [raw("the column name is not literal")] : [{ kind: "drop_column", table, column: name, source, call }];
    }
    case "addIndex": {
      const index = readIndexCall(table, link.args.slice(1));
      return index ? [{ kind: "create_index", index: index.spec, concurrently: index.concurrently, source, call }] : [raw("the index fields are not literal")];
    }
    case "removeIndex": {
      const fields = asStringList(second);
      const name = asString(second) ?? (fields ? sequelizeIndexName(table, fields) : null);
      const concurrently = entry(third, "concurrently")?.kind === "boolean" && (entry(third, "concurrently") as { value: boolean }).value;
      return name === null ? [raw("the index is not literal")] : [{ kind: "drop_index", name, table, concurrently, source, call }];
    }
    case "addConstraint": {
      const constraint = readConstraint(table, link.args.slice(1));
      return constraint ? [{ kind: "add_constraint", table, constraint, notValid: false, source, call }] : [raw("the constraint is not literal")];
    }
    case "removeConstraint": {
      const name = asString(second);
      return name === null ? [raw("the constraint name is not literal")] : [{ kind: "drop_constraint", table, name, source, call }];
    }
    default:
      return [raw(`queryInterface.${link.name}() is not read`)];
  }
}

/** `'users'` or `{ tableName: 'users', schema: 'public' }`. */
function tableName(value: JsValue | undefined): string | null {
  return asString(value) ?? asString(entry(value, "tableName"));
}

function createTable(table: string, attributes: JsValue | undefined, dialect: SqlDialect | null, source: Source, call: string): Operation[] | null {
  if (attributes?.kind !== "object") return null;
  const ops: Operation[] = [];
  const columns: ColumnSpec[] = [];
  const named = new Map<string, string[]>();
  for (const [name, value] of attributes.entries) {
    const attribute = readAttribute(table, name, value, dialect);
    if (attribute.enumValues && dialect === "postgres") ops.push({ kind: "create_enum", name: `enum_${table}_${name}`, values: attribute.enumValues, source, call });
    if (attribute.uniqueName) named.set(attribute.uniqueName, [...(named.get(attribute.uniqueName) ?? []), name]);
    columns.push({ ...attribute.spec, source: { path: source.path, line: lineOf(value.node.parent ?? value.node) } });
  }
  const constraints: ConstraintSpec[] = [...named].map(([name, cols]) => ({ kind: "unique", name, columns: cols }));
  ops.push({ kind: "create_table", table, columns, constraints, source, call });
  return ops;
}

/**
 * changeColumn restates the column: type, nullability (NULL unless allowNull: false) and default (dropped
 * unless given). On PostgreSQL, a definition with `references` only adds the foreign key (and SET NOT NULL /
 * SET DEFAULT when given): Sequelize's changeColumnQuery then leaves the type, NULL and default alone.
 */
function changeColumn(table: string, spec: ColumnSpec, dialect: SqlDialect | null, source: Source, call: string): Operation[] {
  if (dialect !== "postgres") return [{ kind: "redefine_column", table, column: spec.name, spec, source, call }];
  const ops: Operation[] = [];
  const references = spec.references;
  if (spec.nullable === false || (!references && spec.nullable !== null)) ops.push({ kind: "set_nullable", table, column: spec.name, nullable: spec.nullable!, source, call });
  if (spec.default !== undefined || !references) ops.push({ kind: "set_default", table, column: spec.name, default: spec.default ?? null, source, call });
  if (spec.unique) ops.push({ kind: "add_constraint", table, constraint: { kind: "unique", name: null, columns: [spec.name] }, notValid: false, source, call });
  if (references) {
    const constraint: ConstraintSpec = { kind: "foreign_key", name: null, columns: [spec.name], refTable: references.table, refColumns: references.columns, onDelete: references.onDelete, onUpdate: references.onUpdate };
    ops.push({ kind: "add_constraint", table, constraint, notValid: false, source, call });
  } else if (spec.type) ops.unshift({ kind: "change_type", table, column: spec.name, type: spec.type, source, call });
  return ops;
}

/** `addConstraint(table, { fields, type: 'unique' | 'foreign key' | 'check' | 'primary key', name, references, onDelete })`; v4's `(table, fields, options)` too. */
function readConstraint(table: string, args: JsValue[]): ConstraintSpec | null {
  const options = args.find((a) => a.kind === "object");
  const fields = asStringList(entry(options, "fields")) ?? asStringList(args[0]);
  const type = asString(entry(options, "type"))?.toLowerCase();
  const name = asString(entry(options, "name"));
  if (!fields || !type) return null;
  if (type === "unique") return { kind: "unique", name: name ?? `${table}_${fields.join("_")}_uk`, columns: fields };
  if (type === "primary key") return { kind: "primary_key", name: name ?? `${table}_${fields.join("_")}_pk`, columns: fields };
  if (type === "foreign key") {
    const references = entry(options, "references");
    const refTable = asString(entry(references, "table")) ?? asString(entry(entry(references, "table"), "tableName"));
    if (!refTable) return null;
    return {
      kind: "foreign_key",
      name: name ?? `${table}_${fields.join("_")}_${refTable}_fk`,
      columns: fields,
      refTable,
      refColumns: asStringList(entry(references, "field")) ?? asStringList(entry(references, "fields")) ?? [],
      onDelete: referentialAction(asString(entry(options, "onDelete"))),
      onUpdate: referentialAction(asString(entry(options, "onUpdate"))),
    };
  }
  return null;
}
