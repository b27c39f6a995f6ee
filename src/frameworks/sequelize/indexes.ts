/**
 * `queryInterface.addIndex(table, fields, options)` or `addIndex(table, { fields, name, unique, where,
 * concurrently, using, operator })`, and the `indexes` option of a model. Fields may be names,
 * `{ name, order, operator }`, or expressions (`sequelize.fn('lower', sequelize.col('email'))`).
 */
import type { IndexSpec } from "../../model/operations.js";
import { asBoolean, asString, asStringList, calleePath, entry, type JsValue } from "../../parse/js-values.js";

/** Sequelize's own name for an unnamed index (`Utils.nameIndex`): the table and fields, underscored. */
export function sequelizeIndexName(table: string, fields: string[]): string {
  return `${table}_${fields.join("_")}`.replace(/([a-z\d])([A-Z])/g, "$1_$2").toLowerCase();
}

export function readIndexCall(table: string, args: JsValue[]): { spec: IndexSpec; concurrently: boolean } | null {
  const [first, second] = args;
  const options = first?.kind === "object" ? first : second?.kind === "object" ? second : undefined;
  const fieldsValue = first?.kind === "array" ? first : entry(options, "fields");
  if (fieldsValue?.kind !== "array") return null;
  const keys: IndexSpec["keys"] = [];
  for (const field of fieldsValue.items) {
    const key = readKey(field);
    if (!key) return null;
    keys.push(key);
  }
  const where = readWhere(entry(options, "where"));
  if (where === undefined) return null;
  const type = asString(entry(options, "type"))?.toUpperCase();
  const spec: IndexSpec = {
    name: asString(entry(options, "name")) ?? sequelizeIndexName(table, keys.map((k) => k.column ?? k.columns.join("_"))),
    table,
    keys,
    unique: asBoolean(entry(options, "unique")) === true || type === "UNIQUE",
    method: (asString(entry(options, "using")) ?? asString(entry(options, "method")))?.toLowerCase() ?? null,
    where: where?.sql ?? null,
    whereColumns: where?.columns ?? [],
    include: asStringList(entry(options, "include")) ?? [],
  };
  const operator = asString(entry(options, "operator"));
  if (operator) for (const key of spec.keys) key.opclass ??= operator;
  return { spec, concurrently: asBoolean(entry(options, "concurrently")) === true };
}

function readKey(field: JsValue): IndexSpec["keys"][number] | null {
  const name = asString(field);
  if (name !== null) return { column: name, columns: [name] };
  if (field.kind === "object") {
    const column = asString(field.entries.get("name")) ?? asString(field.entries.get("attribute"));
    if (column === null) return null;
    const key: IndexSpec["keys"][number] = { column, columns: [column] };
    if (asString(field.entries.get("order"))?.toUpperCase() === "DESC") key.descending = true;
    const opclass = asString(field.entries.get("operator"));
    if (opclass) key.opclass = opclass;
    return key;
  }
  const expression = sqlOf(field);
  return expression ? { expression: expression.sql, columns: expression.columns } : null;
}

/** `sequelize.fn('lower', sequelize.col('email'))` → `lower("email")`; `sequelize.literal('…')` → its SQL (columns unknown). */
function sqlOf(value: JsValue): { sql: string; columns: string[] } | null {
  if (value.kind === "string") return { sql: `'${value.value.replaceAll("'", "''")}'`, columns: [] };
  if (value.kind === "number") return { sql: String(value.value), columns: [] };
  if (value.kind !== "call") return null;
  const last = calleePath(value.chain).at(-1);
  const args = value.chain.links.at(-1)!.args;
  if (last === "col") {
    const column = asString(args[0]);
    return column === null ? null : { sql: `"${column}"`, columns: [column] };
  }
  if (last === "literal") {
    const sql = asString(args[0]);
    return sql === null ? null : { sql, columns: [] };
  }
  if (last === "fn") {
    const name = asString(args[0]);
    const inner = args.slice(1).map(sqlOf);
    if (name === null || inner.some((i) => i === null)) return null;
    return { sql: `${name}(${inner.map((i) => i!.sql).join(", ")})`, columns: inner.flatMap((i) => i!.columns) };
  }
  return null;
}

/**
 * A `where` object as SQL, for the forms an index takes: `{ deletedAt: null }`, `{ state: 'active' }`,
 * `{ deletedAt: { [Op.ne]: null } }`. Null when there is no where; undefined when it cannot be read.
 */
function readWhere(value: JsValue | undefined): { sql: string; columns: string[] } | null | undefined {
  if (!value) return null;
  if (value.kind === "string") return { sql: value.value, columns: [] };
  if (value.kind !== "object" || value.spread) return undefined;
  const parts: string[] = [];
  const columns: string[] = [];
  for (const [column, condition] of value.entries) {
    if (column.startsWith("[")) return undefined;
    const quoted = `"${column}"`;
    columns.push(column);
    if (condition.kind === "null") parts.push(`${quoted} IS NULL`);
    else if (condition.kind === "boolean" || condition.kind === "number") parts.push(`${quoted} = ${condition.value}`);
    else if (condition.kind === "string") parts.push(`${quoted} = '${condition.value.replaceAll("'", "''")}'`);
    else if (condition.kind === "object" && condition.entries.size === 1) {
      const [operator, operand] = [...condition.entries][0]!;
      const op = operator.slice(1, -1).split(".").at(-1);
      if (op === "ne" && operand.kind === "null") parts.push(`${quoted} IS NOT NULL`);
      else if (op === "is" && operand.kind === "null") parts.push(`${quoted} IS NULL`);
      else return undefined;
    } else return undefined;
  }
  return { sql: parts.join(" AND "), columns };
}
