/**
 * The calls of one Knex migration function, read whole: `knex.schema.createTable(…).alterTable(…)` chains,
 * `knex.raw(sql)` / `knex.schema.raw(sql)` (SQL for the SQL reader), `knex.transaction(async (trx) => …)`.
 * Calls to helper functions that are handed the knex object are listed for the reader to follow.
 */
import type { Operation } from "../../model/operations.js";
import type { Source, SqlDialect } from "../../model/schema.js";
import { asString, lineOf, type CallChain } from "../../parse/js-values.js";
import { constString, noteConditions, outermostCalls } from "../../parse/js-walk.js";
import type { Node } from "../../parse/tree-sitter.js";
import type { Step } from "../embedded-sql.js";
import { readTableCallback } from "./table-builder.js";

/** A helper that receives the knex object: `models.createUserTable(knex)`, `createIndexes(knex)`. */
export interface HelperCall {
  kind: "helper";
  /** The callee as written: `[models, createUserTable]` or `[createIndexes]`. */
  callee: string[];
  /** Which argument is the knex object. */
  argument: number;
  at: Source;
}

export type KnexStep = Step | HelperCall;

const IGNORED_SCHEMA_CALLS = new Set(["hasTable", "hasColumn", "withSchema", "connection", "debug", "toString", "toSQL", "then", "catch"]);

/** `conditions` collects, for the migration, each call that runs only under an `if` or after an early return. */
export function readMigrationBody(body: Node, knexNames: string[], dialect: SqlDialect | null, path: string, conditions: string[]): KnexStep[] {
  const steps: KnexStep[] = [];
  const knex = new Set(knexNames);
  outermostCalls(body, (chain, node) => {
    const before = steps.length;
    const read = visit(chain, node);
    if (steps.length > before) noteConditions(conditions, node, body, path);
    return read;
  });
  return steps;

  function visit(chain: CallChain, node: Node): boolean {
    const source: Source = { path, line: lineOf(node), endLine: node.endPosition.row + 1 };
    // `knex.schema`, `trx.schema`, `this.knex.schema`: the schema builder however the knex object is reached.
    if (chain.root.length > 1 && chain.root.at(-1) === "schema") {
      steps.push(...readSchemaChain(chain, dialect, path));
      return true;
    }
    const head = chain.links[0];
    if (chain.root.length === 1 && knex.has(chain.root[0]!) && head) {
      if (head.name === "raw") {
        const sql = constString(head.args[0]);
        steps.push(sql === null
          ? { kind: "raw", sql: node.text, reason: "the SQL is built at run time", source, call: "knex.raw" }
          : { kind: "sql", sql, at: { path, line: lineOf(head.args[0]!.node) }, call: "knex.raw" });
        return true;
      }
      if (head.name === "transaction") {
        // The callback's parameter is the knex object for what runs inside it.
        const callback = head.args.find((a) => a.kind === "function");
        if (callback?.kind === "function") steps.push(...readMigrationBody(callback.body, [...knex, ...callback.params.slice(0, 1)], dialect, path, conditions));
        return true;
      }
      // knex('users').update(…) and other data queries: not schema changes.
      return true;
    }
    // knex('visits').update(…): a data query, whose knex.raw(…) arguments are fragments, not statements.
    if (chain.root.length === 0 && head && knex.has(head.name)) return true;
    const argument = chain.links.length === 1 ? head!.args.findIndex((a) => a.kind === "ref" && a.path.length === 1 && knex.has(a.path[0]!)) : -1;
    if (argument >= 0) {
      steps.push({ kind: "helper", callee: [...chain.root, head!.name], argument, at: source });
      return true;
    }
    return false;
  }
}

function readSchemaChain(chain: CallChain, dialect: SqlDialect | null, path: string): Step[] {
  const steps: Step[] = [];
  for (const link of chain.links) {
    const call = `knex.schema.${link.name}`;
    const at: Source = { path, line: lineOf(link.node), endLine: link.node.endPosition.row + 1 };
    const name = asString(link.args[0]);
    const callback = link.args.find((a) => a.kind === "function");
    const raw = (reason: string): Operation => ({ kind: "raw", sql: link.node.text, reason, source: at, call });
    switch (link.name) {
      case "createTable":
      case "createTableIfNotExists":
      case "alterTable":
      case "table": {
        if (name === null || callback?.kind !== "function") {
          steps.push(raw("the table name or its callback is not literal"));
          break;
        }
        const mode = link.name.startsWith("create") ? "create" : "alter";
        const read = readTableCallback(name, callback, mode, dialect, path, call);
        if (link.name === "createTableIfNotExists" && read[0]?.kind === "create_table") read[0].ifNotExists = true;
        steps.push(...read);
        break;
      }
      case "renameTable": {
        const to = asString(link.args[1]);
        steps.push(name !== null && to !== null ? { kind: "rename_table", table: name, to, source: at, call } : raw("a table name is not literal"));
        break;
      }
      case "dropTable":
      case "dropTableIfExists":
        steps.push(name !== null ? { kind: "drop_table", table: name, ifExists: link.name === "dropTableIfExists", source: at, call } : raw("the table name is not literal"));
        break;
      case "raw":
        steps.push(name !== null ? { kind: "sql", sql: name, at: { path, line: lineOf(link.args[0]!.node) }, call } : raw("the SQL is built at run time"));
        break;
      default:
        if (!IGNORED_SCHEMA_CALLS.has(link.name)) steps.push(raw(`knex.schema.${link.name}() is not read`));
    }
  }
  return steps;
}
