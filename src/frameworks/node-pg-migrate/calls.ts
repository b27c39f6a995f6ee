/**
 * The calls of a node-pg-migrate migration on its `pgm` builder: createTable, dropTable, renameTable,
 * addColumns, dropColumns, alterColumn, renameColumn, createIndex, dropIndex, addConstraint,
 * dropConstraint, createType, `pgm.sql(sql)` (for the SQL reader) and `pgm.noTransaction()`.
 */
import type { IndexSpec, Operation } from "../../model/operations.js";
import type { Source } from "../../model/schema.js";
import { asBoolean, asString, asStringList, entry, lineOf, type CallChain, type ChainLink, type JsValue } from "../../parse/js-values.js";
import { constString, noteConditions, outermostCalls } from "../../parse/js-walk.js";
import type { Node } from "../../parse/tree-sitter.js";
import type { Step } from "../embedded-sql.js";
import { referentialAction } from "../referential-action.js";
import { pgmDefault, readColumn, type Shorthands } from "./columns.js";

export interface BodyRead {
  steps: Step[];
  noTransaction: Source | null;
  /** Calls that run only under an `if` or after an early return. */
  conditions: string[];
}

export function readPgmCalls(body: Node, pgm: string, shorthands: Shorthands, path: string): BodyRead {
  const read: BodyRead = { steps: [], noTransaction: null, conditions: [] };
  outermostCalls(body, (chain, node) => {
    const before = read.steps.length;
    const done = visit(chain, node);
    if (read.steps.length > before) noteConditions(read.conditions, node, body, path);
    return done;
  });
  return read;

  function visit(chain: CallChain, node: Node): boolean {
    if (chain.root.length !== 1 || chain.root[0] !== pgm || chain.links.length !== 1) return false;
    const link = chain.links[0]!;
    const source: Source = { path, line: lineOf(node), endLine: node.endPosition.row + 1 };
    if (link.name === "noTransaction") read.noTransaction = source;
    else if (link.name === "sql") {
      const sql = constString(link.args[0]);
      read.steps.push(sql === null
        ? { kind: "raw", sql: node.text, reason: "the SQL is built at run time", source, call: "pgm.sql" }
        : { kind: "sql", sql, at: { path, line: lineOf(link.args[0]!.node) }, call: "pgm.sql" });
    } else if (link.name !== "func") read.steps.push(...readCall(link, shorthands, source, node));
    return true;
  }
}

/** `'users'` or `{ schema: 'app', name: 'users' }`. */
function nameOf(value: JsValue | undefined): string | null {
  return asString(value) ?? asString(entry(value, "name"));
}

function readCall(link: ChainLink, shorthands: Shorthands, source: Source, node: Node): Operation[] {
  const call = `pgm.${link.name}`;
  const [first, second, third] = link.args;
  const raw = (reason: string): Operation[] => [{ kind: "raw", sql: node.text, reason, source, call }];
  const table = nameOf(first);
  if (table === null) return raw("the name is not literal");
  const columnsOf = (value: JsValue | undefined) => {
    if (value?.kind !== "object") return null;
    const specs = [...value.entries].map(([name, v]) => {
      const spec = readColumn(name, v, shorthands);
      return spec && { ...spec, source: { path: source.path, line: lineOf(v.node.parent ?? v.node) } };
    });
    return specs.every((s) => s !== null) ? specs : null;
  };
  switch (link.name) {
    case "createTable": {
      const columns = columnsOf(second);
      if (!columns) return raw("a column is not literal");
      // Table constraints (`{ constraints: { primaryKey, unique, foreignKeys, check } }`) as the addConstraint that follows.
      const tableConstraints = entry(third, "constraints");
      const extra = tableConstraints ? addConstraint(table, null, tableConstraints, source, call) : [];
      if (extra === null) return raw("a table constraint is not literal");
      return [{ kind: "create_table", table, columns, constraints: [], ifNotExists: asBoolean(entry(third, "ifNotExists")) === true, source, call }, ...extra];
    }
    case "dropTable":
      return [{ kind: "drop_table", table, ifExists: asBoolean(entry(second, "ifExists")) === true, cascade: asBoolean(entry(second, "cascade")) === true, source, call }];
    case "renameTable": {
      const to = nameOf(second);
      return to === null ? raw("the new name is not literal") : [{ kind: "rename_table", table, to, source, call }];
    }
    case "addColumns":
    case "addColumn": {
      const columns = columnsOf(second);
      return columns ? columns.map((column) => ({ kind: "add_column", table, column, source, call })) : raw("a column is not literal");
    }
    case "dropColumns":
    case "dropColumn": {
      const names = asStringList(second) ?? (second?.kind === "object" ? [...second.entries.keys()] : null);
      return names ? names.map((column) => ({ kind: "drop_column", table, column, source, call })) : raw("a column name is not literal");
    }
    case "renameColumn": {
      const [from, to] = [asString(second), asString(third)];
      return from === null || to === null ? raw("a column name is not literal") : [{ kind: "rename_column", table, column: from, to, source, call }];
    }
    case "alterColumn":
      return alterColumn(table, asString(second), third, source, call) ?? raw("the change is not literal");
    case "createIndex":
    case "addIndex": {
      const index = readIndex(table, second, third);
      return index ? [{ kind: "create_index", index: index.spec, concurrently: index.concurrently, source, call }] : raw("the index columns are not literal");
    }
    case "dropIndex": {
      const cols = asStringList(second);
      const name = asString(entry(third, "name")) ?? (cols ? pgmIndexName(table, cols, false) : null);
      return name === null ? raw("the index is not literal") : [{ kind: "drop_index", name, table, concurrently: asBoolean(entry(third, "concurrently")) === true, source, call }];
    }
    case "addConstraint":
    case "createConstraint":
      return addConstraint(table, asString(second), third, source, call) ?? raw("the constraint is not literal");
    case "dropConstraint": {
      const name = asString(second);
      return name === null ? raw("the constraint name is not literal") : [{ kind: "drop_constraint", table, name, source, call }];
    }
    case "createType": {
      const values = asStringList(second);
      return values ? [{ kind: "create_enum", name: table, values, source, call }] : raw("the values are not literal");
    }
    default:
      return raw(`pgm.${link.name}() is not read`);
  }
}

function alterColumn(table: string, column: string | null, options: JsValue | undefined, source: Source, call: string): Operation[] | null {
  if (column === null || options?.kind !== "object") return null;
  const ops: Operation[] = [];
  const type = asString(options.entries.get("type"));
  if (type !== null) ops.push({ kind: "change_type", table, column, type: readColumn(column, { kind: "string", value: type, node: options.node }, new Map())!.type!, using: asString(options.entries.get("using")), source, call });
  const notNull = asBoolean(options.entries.get("notNull"));
  const allowNull = asBoolean(options.entries.get("allowNull"));
  if (notNull !== null || allowNull !== null) ops.push({ kind: "set_nullable", table, column, nullable: allowNull ?? !notNull, source, call });
  if (options.entries.has("default")) {
    const value = pgmDefault(options.entries.get("default")!);
    if (value !== undefined) ops.push({ kind: "set_default", table, column, default: value, source, call });
  }
  return ops;
}

/** node-pg-migrate's own index name: `<table>_<columns>[_unique]_index`. */
function pgmIndexName(table: string, columns: string[], unique: boolean): string {
  return `${table}_${columns.join("_")}${unique ? "_unique" : ""}_index`;
}

function readIndex(table: string, columnsValue: JsValue | undefined, options: JsValue | undefined): { spec: IndexSpec; concurrently: boolean } | null {
  const items = columnsValue?.kind === "array" ? columnsValue.items : columnsValue ? [columnsValue] : [];
  const keys: IndexSpec["keys"] = [];
  for (const item of items) {
    const name = asString(item) ?? asString(entry(item, "name"));
    if (name === null) return null;
    const key: IndexSpec["keys"][number] = { column: name, columns: [name] };
    const opclass = asString(entry(item, "opclass"));
    if (opclass) key.opclass = opclass;
    if (asString(entry(item, "sort"))?.toUpperCase() === "DESC") key.descending = true;
    keys.push(key);
  }
  if (keys.length === 0) return null;
  const unique = asBoolean(entry(options, "unique")) === true;
  return {
    spec: {
      name: asString(entry(options, "name")) ?? pgmIndexName(table, keys.map((k) => k.column!), unique),
      table, keys, unique,
      method: asString(entry(options, "method"))?.toLowerCase() ?? null,
      where: asString(entry(options, "where")),
      whereColumns: [],
      include: asStringList(entry(options, "include")) ?? [],
    },
    concurrently: asBoolean(entry(options, "concurrently")) === true,
  };
}

function addConstraint(table: string, name: string | null, options: JsValue | undefined, source: Source, call: string): Operation[] | null {
  if (options?.kind === "string") return [{ kind: "raw", sql: `ALTER TABLE ${table} ADD CONSTRAINT ${name ?? ""} ${options.value}`, reason: "a constraint given as SQL", source, call }];
  if (options?.kind !== "object") return null;
  const ops: Operation[] = [];
  const unique = asStringList(options.entries.get("unique"));
  if (unique) ops.push({ kind: "add_constraint", table, constraint: { kind: "unique", name, columns: unique }, notValid: false, source, call });
  const primaryKey = asStringList(options.entries.get("primaryKey"));
  if (primaryKey) ops.push({ kind: "add_constraint", table, constraint: { kind: "primary_key", name, columns: primaryKey }, notValid: false, source, call });
  const check = asString(options.entries.get("check"));
  if (check) ops.push({ kind: "add_constraint", table, constraint: { kind: "check", name, expression: check, columns: [] }, notValid: false, source, call });
  const fk = options.entries.get("foreignKeys");
  for (const key of fk?.kind === "array" ? fk.items : fk ? [fk] : []) {
    const columns = asStringList(entry(key, "columns"));
    const refTable = nameOf(entry(key, "references"));
    if (!columns || !refTable) return null;
    ops.push({
      kind: "add_constraint", table, notValid: false, source, call,
      constraint: { kind: "foreign_key", name, columns, refTable, refColumns: asStringList(entry(key, "referencesColumns")) ?? [], onDelete: referentialAction(asString(entry(key, "onDelete"))), onUpdate: referentialAction(asString(entry(key, "onUpdate"))) },
    });
  }
  return ops.length ? ops : null;
}
