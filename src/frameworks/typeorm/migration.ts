/**
 * The calls of a TypeORM migration's `up(queryRunner)` / `down(queryRunner)`: `queryRunner.query(sql)` (SQL
 * for the SQL reader) and the schema builder API — createTable, dropTable, renameTable, addColumn(s),
 * changeColumn, renameColumn, dropColumn(s), createIndex, dropIndex, createForeignKey(s), dropForeignKey,
 * createUniqueConstraint, dropUniqueConstraint.
 */
import type { ColumnSpec, ConstraintSpec, IndexSpec, Operation } from "../../model/operations.js";
import type { Source, SqlDialect } from "../../model/schema.js";
import { asBoolean, asString, lineOf, type CallChain, type ChainLink, type JsValue } from "../../parse/js-values.js";
import { constString, noteConditions, outermostCalls } from "../../parse/js-walk.js";
import type { Node } from "../../parse/tree-sitter.js";
import type { Step } from "../embedded-sql.js";
import { optionsOf, readTableColumn, readTableForeignKey, readTableIndex, readTableUnique } from "./table-objects.js";

const READ_ONLY = new Set(["getTable", "hasTable", "hasColumn", "startTransaction", "commitTransaction", "rollbackTransaction", "release", "connect", "clearSqlMemory", "getTables", "hasIndex"]);

/** `conditions` collects each call that runs only under an `if` or after an early return. */
export function readQueryRunnerCalls(body: Node, runner: string, dialect: SqlDialect | null, path: string, conditions: string[]): Step[] {
  const steps: Step[] = [];
  outermostCalls(body, (chain, node) => {
    const before = steps.length;
    const done = visit(chain, node);
    if (steps.length > before) noteConditions(conditions, node, body, path);
    return done;
  });
  return steps;

  function visit(chain: CallChain, node: Node): boolean {
    if (chain.root.length !== 1 || chain.root[0] !== runner || chain.links.length !== 1) return false;
    const link = chain.links[0]!;
    const source: Source = { path, line: lineOf(node), endLine: node.endPosition.row + 1 };
    if (link.name === "query") {
      const sql = constString(link.args[0]);
      steps.push(sql === null
        ? { kind: "raw", sql: node.text, reason: "the SQL is built at run time", source, call: "queryRunner.query" }
        : { kind: "sql", sql, at: { path, line: lineOf(link.args[0]!.node) }, call: "queryRunner.query" });
      return true;
    }
    if (!READ_ONLY.has(link.name)) steps.push(...readCall(link, dialect, source, node));
    return true;
  }
}

/** `'users'` or a `Table` object's name. */
function tableOf(value: JsValue | undefined): string | null {
  return asString(value) ?? asString(optionsOf(value)?.entries.get("name"));
}

function readCall(link: ChainLink, dialect: SqlDialect | null, source: Source, node: Node): Operation[] {
  const call = `queryRunner.${link.name}`;
  const [first, second, third] = link.args;
  const raw = (reason: string): Operation[] => [{ kind: "raw", sql: node.text, reason, source, call }];
  const table = tableOf(first);
  if (table === null) return raw("the table is not literal");
  const list = (value: JsValue | undefined) => (value?.kind === "array" ? value.items : value ? [value] : []);
  switch (link.name) {
    case "createTable":
      return createTable(first, dialect, source, call, asBoolean(second) === true) ?? raw("the table definition is not literal");
    case "dropTable":
      return [{ kind: "drop_table", table, ifExists: asBoolean(second) === true, source, call }];
    case "renameTable": {
      const to = tableOf(second);
      return to === null ? raw("the new name is not literal") : [{ kind: "rename_table", table, to, source, call }];
    }
    case "addColumn":
    case "addColumns": {
      const specs = list(second).map((c) => readTableColumn(c, dialect, table));
      if (specs.some((s) => s === null)) return raw("a column is not literal");
      return specs.map((column) => ({ kind: "add_column", table, column: column!, source, call }));
    }
    case "changeColumn": {
      const from = asString(second) ?? asString(optionsOf(second)?.entries.get("name"));
      const spec = readTableColumn(third, dialect, table);
      if (from === null || !spec) return raw("the column is not literal");
      return [{ kind: "redefine_column", table, column: from, spec, ...(spec.name !== from ? { to: spec.name } : {}), source, call }];
    }
    case "renameColumn": {
      const from = asString(second) ?? asString(optionsOf(second)?.entries.get("name"));
      const to = asString(third) ?? asString(optionsOf(third)?.entries.get("name"));
      return from === null || to === null ? raw("a column name is not literal") : [{ kind: "rename_column", table, column: from, to, source, call }];
    }
    case "dropColumn":
    case "dropColumns": {
      const names = list(second).map((c) => asString(c) ?? asString(optionsOf(c)?.entries.get("name")));
      if (names.some((n) => n === null)) return raw("a column name is not literal");
      return names.map((column) => ({ kind: "drop_column", table, column: column!, source, call }));
    }
    case "createIndex":
    case "createIndices": {
      const indexes = list(second).map((i) => readTableIndex(table, i));
      if (indexes.some((i) => i === null)) return raw("an index is not literal");
      return indexes.map((index) => ({ kind: "create_index", index: index!, concurrently: false, source, call }));
    }
    case "dropIndex": {
      const name = asString(second) ?? asString(optionsOf(second)?.entries.get("name"));
      return name === null ? raw("the index name is not literal") : [{ kind: "drop_index", name, table, concurrently: false, source, call }];
    }
    case "createForeignKey":
    case "createForeignKeys":
    case "addForeignKey": {
      const keys = list(second).map(readTableForeignKey);
      if (keys.some((k) => k === null)) return raw("a foreign key is not literal");
      return keys.map((constraint) => ({ kind: "add_constraint", table, constraint: constraint!, notValid: false, source, call }));
    }
    case "createUniqueConstraint": {
      const constraint = readTableUnique(second);
      return constraint ? [{ kind: "add_constraint", table, constraint, notValid: false, source, call }] : raw("the constraint is not literal");
    }
    case "dropForeignKey":
    case "dropUniqueConstraint":
    case "dropCheckConstraint": {
      const name = asString(second) ?? asString(optionsOf(second)?.entries.get("name"));
      return name === null ? raw("the constraint name is not literal") : [{ kind: "drop_constraint", table, name, source, call }];
    }
    default:
      return raw(`queryRunner.${link.name}() is not read`);
  }
}

function createTable(value: JsValue | undefined, dialect: SqlDialect | null, source: Source, call: string, ifNotExists: boolean): Operation[] | null {
  const options = optionsOf(value);
  const table = asString(options?.entries.get("name"));
  const columnsValue = options?.entries.get("columns");
  if (!options || table === null || columnsValue?.kind !== "array") return null;
  const columns: ColumnSpec[] = [];
  for (const item of columnsValue.items) {
    const spec = readTableColumn(item, dialect, table);
    if (!spec) return null;
    columns.push({ ...spec, source: { path: source.path, line: lineOf(item.node) } });
  }
  const items = (key: string) => { const v = options.entries.get(key); return v?.kind === "array" ? v.items : []; };
  const constraints: ConstraintSpec[] = [
    ...items("foreignKeys").map(readTableForeignKey),
    ...items("uniques").map(readTableUnique),
  ].filter((c): c is ConstraintSpec => c !== null);
  const indexes = [...items("indices"), ...items("indexes")].map((i) => readTableIndex(table, i)).filter((i): i is IndexSpec => i !== null);
  return [
    { kind: "create_table", table, columns, constraints, ...(ifNotExists ? { ifNotExists } : {}), source, call },
    ...indexes.map((index): Operation => ({ kind: "create_index", index, concurrently: false, source, call })),
  ];
}
