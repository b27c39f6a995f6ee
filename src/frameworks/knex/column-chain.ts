/**
 * One column builder chain, read whole: `t.string('email', 100).notNullable().defaultTo('').unique().index()`,
 * `t.integer('user_id').unsigned().references('id').inTable('users').onDelete('CASCADE')`. Knex columns
 * are nullable unless `notNullable()`; `.alter()` restates the column (knex then drops NOT NULL and the
 * default unless the chain gives them).
 */
import type { ColumnSpec, ConstraintSpec, IndexSpec } from "../../model/operations.js";
import type { ReferentialAction, SqlDialect } from "../../model/schema.js";
import { asNumber, asString, asStringList, type ChainLink } from "../../parse/js-values.js";
import { referentialAction } from "../referential-action.js";
import { isIncrements, knexColumnType } from "./column-types.js";
import { knexDefault } from "./defaults.js";
import { knexIndexName } from "./names.js";

export interface ColumnRead {
  spec: ColumnSpec;
  /** `.alter()`: the chain restates an existing column. */
  alter: boolean;
  /** Inline `.primary()`, `.unique()`, `.references()`: constraints on this column. */
  constraints: ConstraintSpec[];
  indexes: IndexSpec[];
  /** Chain methods this reader does not know: reported, never dropped in silence. */
  unknown: string[];
}

const IGNORED = new Set(["comment", "collate", "after", "first", "charset", "checkpositive", "checknegative", "deferrable", "withkeyname", "index_name"]);

export function readColumnChain(table: string, links: ChainLink[], dialect: SqlDialect | null): ColumnRead | null {
  const [head, ...modifiers] = links;
  if (!head) return null;
  const name = asString(head.args[0]) ?? (isIncrements(head.name) ? "id" : null);
  if (name === null) return null;
  const literalArgs = head.args.slice(1).map((a) => asNumber(a) ?? asString(a) ?? null);
  const enumValues = head.name.toLowerCase().startsWith("enu") ? asStringList(head.args[1]) : null;
  const has = (method: string) => modifiers.some((m) => m.name === method);
  const spec: ColumnSpec = {
    name,
    type: knexColumnType(head.name, literalArgs, dialect, { unsigned: has("unsigned"), enumValues }),
    nullable: isIncrements(head.name) ? false : true,
  };
  if (isIncrements(head.name)) {
    spec.identity = "auto_increment";
    // increments() is the primary key unless `{ primaryKey: false }` says otherwise.
    spec.primaryKey = !head.args.some((a) => a.kind === "object" && a.entries.get("primaryKey")?.kind === "boolean" && !(a.entries.get("primaryKey") as { value: boolean }).value);
  }
  if (enumValues) spec.check = `${name} IN (${enumValues.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")})`;
  if (enumValues && dialect === "mysql") delete spec.check;
  const read: ColumnRead = { spec, alter: false, constraints: [], indexes: [], unknown: [] };
  let reference: { table: string | null; columns: string[]; name: string | null; onDelete: ReferentialAction | null; onUpdate: ReferentialAction | null } | null = null;
  for (const link of modifiers) {
    const method = link.name;
    switch (method) {
      case "notNullable":
        spec.nullable = false;
        break;
      case "nullable":
        spec.nullable = true;
        break;
      case "defaultTo": {
        const value = knexDefault(link.args[0], dialect);
        if (value !== undefined) spec.default = value;
        else delete spec.default;
        break;
      }
      case "unsigned":
        break;
      case "primary":
        read.constraints.push({ kind: "primary_key", name: constraintName(link) ?? knexIndexName(table, [name], "primary"), columns: [name] });
        break;
      case "unique":
        read.constraints.push({ kind: "unique", name: constraintName(link) ?? knexIndexName(table, [name], "unique"), columns: [name] });
        break;
      case "index":
        read.indexes.push({
          name: asString(link.args[0]) ?? knexIndexName(table, [name], "index"),
          table, keys: [{ column: name, columns: [name] }], unique: false,
          method: asString(link.args[1])?.toLowerCase() ?? null, where: null, whereColumns: [], include: [],
        });
        break;
      case "references": {
        const target = asString(link.args[0]);
        const dot = target?.lastIndexOf(".") ?? -1;
        reference = {
          table: target && dot > 0 ? target.slice(0, dot) : null,
          columns: target ? [dot > 0 ? target.slice(dot + 1) : target] : [],
          name: null, onDelete: null, onUpdate: null,
        };
        break;
      }
      case "inTable":
        if (reference) reference.table = asString(link.args[0]);
        break;
      case "onDelete":
        if (reference) reference.onDelete = referentialAction(asString(link.args[0]));
        break;
      case "onUpdate":
        if (reference) reference.onUpdate = referentialAction(asString(link.args[0]));
        break;
      case "withKeyName":
        if (reference) reference.name = asString(link.args[0]);
        break;
      case "alter":
        read.alter = true;
        break;
      default:
        if (!IGNORED.has(method.toLowerCase())) read.unknown.push(method);
    }
  }
  if (reference?.table) {
    read.constraints.push({
      kind: "foreign_key",
      name: reference.name ?? knexIndexName(table, [name], "foreign"),
      columns: [name], refTable: reference.table, refColumns: reference.columns,
      onDelete: reference.onDelete, onUpdate: reference.onUpdate,
    });
  }
  return read;
}

/** `.unique('name')` or `.unique({ indexName: 'name' })`. */
function constraintName(link: ChainLink): string | null {
  const arg = link.args[0];
  if (arg?.kind === "string") return arg.value;
  if (arg?.kind === "object") return asString(arg.entries.get("indexName")) ?? asString(arg.entries.get("constraintName"));
  return null;
}
