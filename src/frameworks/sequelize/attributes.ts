/**
 * A Sequelize attribute (`{ type, allowNull, defaultValue, primaryKey, autoIncrement, unique, references }`,
 * or a bare type) → a column. Sequelize columns are nullable unless `allowNull: false`.
 */
import type { ColumnSpec } from "../../model/operations.js";
import type { DefaultValue, SqlDialect } from "../../model/schema.js";
import { asBoolean, asString, calleePath, entry, type JsValue } from "../../parse/js-values.js";
import { referentialAction } from "../referential-action.js";
import { sequelizeType } from "./data-types.js";

export interface AttributeRead {
  spec: ColumnSpec;
  /** `unique: 'name'`: a named (possibly composite) unique constraint. */
  uniqueName?: string;
  enumValues?: string[];
}

export function readAttribute(table: string, name: string, value: JsValue, dialect: SqlDialect | null): AttributeRead {
  const options = value.kind === "object" ? value : null;
  const typeValue = options ? options.entries.get("type") : value;
  const enumName = `enum_${table}_${name}`;
  const type = sequelizeType(typeValue, dialect, enumName);
  const spec: ColumnSpec = { name, type: type.sql, nullable: true };
  const read: AttributeRead = { spec };
  if (type.enumValues) read.enumValues = type.enumValues;
  if (!options) return read;
  const allowNull = asBoolean(options.entries.get("allowNull"));
  if (allowNull !== null) spec.nullable = allowNull;
  else if (options.entries.has("allowNull")) spec.nullable = null;
  if (asBoolean(options.entries.get("primaryKey"))) spec.primaryKey = true;
  if (asBoolean(options.entries.get("autoIncrement"))) {
    spec.identity = "auto_increment";
    // PostgreSQL's query generator writes an auto-increment integer as SERIAL / BIGSERIAL.
    if (dialect === "postgres" && spec.type === "integer") spec.type = "serial";
    if (dialect === "postgres" && spec.type === "bigint") spec.type = "bigserial";
  }
  const unique = options.entries.get("unique");
  if (asBoolean(unique)) spec.unique = true;
  else if (asString(unique) !== null) read.uniqueName = asString(unique)!;
  if (options.entries.has("defaultValue")) {
    const value = sequelizeDefault(options.entries.get("defaultValue")!);
    if (value !== undefined) spec.default = value;
  }
  const references = options.entries.get("references");
  if (references?.kind === "object") {
    const model = references.entries.get("model") ?? references.entries.get("table");
    const refTable = asString(model) ?? asString(entry(model, "tableName"));
    if (refTable) {
      spec.references = {
        table: refTable,
        columns: [asString(references.entries.get("key")) ?? "id"],
        onDelete: referentialAction(asString(options.entries.get("onDelete"))),
        onUpdate: referentialAction(asString(options.entries.get("onUpdate"))),
      };
    }
  }
  return read;
}

/**
 * The database default a `defaultValue` gives. `Sequelize.NOW`, `UUIDV4` and `UUIDV1` are filled in by
 * Sequelize in JavaScript: its query generator writes no DEFAULT for them (`defaultValueSchemable`), so the
 * column has none. Undefined when the value is computed at run time.
 */
export function sequelizeDefault(value: JsValue): DefaultValue | null | undefined {
  switch (value.kind) {
    case "string":
    case "number":
    case "boolean":
      return { kind: "literal", value: value.value };
    case "null":
      return { kind: "literal", value: null };
    case "ref": {
      const last = value.path.at(-1);
      if (last === "NOW" || last === "UUIDV4" || last === "UUIDV1") return null;
      return undefined;
    }
    case "call": {
      const path = calleePath(value.chain);
      const link = value.chain.links.at(-1)!;
      if (path.at(-1) === "literal") {
        const sql = asString(link.args[0]);
        return sql === null ? undefined : { kind: "expression", sql };
      }
      if (path.at(-1) === "fn") {
        const fn = asString(link.args[0]);
        return fn !== null && link.args.length === 1 ? { kind: "expression", sql: `${fn}()` } : undefined;
      }
      if (path.at(-1) === "NOW" || path.at(-1) === "UUIDV4") return null;
      return undefined;
    }
    case "array":
    case "object":
      return undefined;
    default:
      return undefined;
  }
}
