/**
 * Sequelize models as tables: `sequelize.define('User', attrs, options)`, `User.init(attrs, options)` and
 * sequelize-typescript's `@Table(options) class User extends Model { @Column(DataType.STRING) email }`.
 * Table and column names follow Sequelize's rules (naming.ts); the columns Sequelize adds itself (an `id`
 * when no attribute is the key, createdAt/updatedAt, deletedAt when paranoid) are added only where the
 * model extends Sequelize's `Model`, since a base class of the app's own may define them differently.
 */
import type { ColumnSpec, IndexSpec, Operation } from "../../model/operations.js";
import { applyOperation } from "../../model/replay.js";
import { emptySchema, type Schema, type Source, type SqlDialect, type Unreadable } from "../../model/schema.js";
import { classFields, decoratorsOf, superclassOf } from "../../parse/js-decorators.js";
import { asBoolean, asString, lineOf, type JsValue } from "../../parse/js-values.js";
import { outermostCalls } from "../../parse/js-walk.js";
import { languageOfPath, withTree, type Node } from "../../parse/tree-sitter.js";
import type { ModelMapping, ReadContext } from "../reader.js";
import { readAttribute } from "./attributes.js";
import { readIndexCall } from "./indexes.js";
import { attributeColumnName, modelTableName } from "./naming.js";

export interface ModelRead {
  mapping: ModelMapping;
  table: string;
  columns: ColumnSpec[];
  indexes: IndexSpec[];
  source: Source;
}

interface Options {
  tableName?: string | null;
  freezeTableName?: boolean;
  underscored?: boolean;
  timestamps?: boolean;
  paranoid?: boolean;
  modelName?: string | null;
  indexes?: JsValue;
}

export async function readModelFiles(paths: string[], context: ReadContext): Promise<{ models: ModelRead[]; unreadable: Unreadable[] }> {
  const models: ModelRead[] = [];
  const unreadable: Unreadable[] = [];
  for (const path of paths) {
    const language = languageOfPath(path);
    if (!language) continue;
    try {
      const text = await context.readText(path);
      models.push(...(await withTree(language, text, (root) => readModels(root, path, context.dialect))));
    } catch (error) {
      unreadable.push({ path, message: (error as Error).message });
    }
  }
  return { models, unreadable };
}

function readModels(root: Node, path: string, dialect: SqlDialect | null): ModelRead[] {
  const out: ModelRead[] = [];
  outermostCalls(root, (chain, node) => {
    const link = chain.links.at(-1);
    if (!link || chain.links.length !== 1) return false;
    if (link.name === "define" && link.args[0]?.kind === "string" && link.args[1]?.kind === "object") {
      out.push(model(link.args[0].value, link.args[1], options(link.args[2]), true, path, lineOf(node), dialect));
      return true;
    }
    if (link.name === "init" && chain.root.length === 1 && link.args[0]?.kind === "object") {
      const opts = options(link.args[1]);
      out.push(model(opts.modelName ?? chain.root[0]!, link.args[0], opts, extendsModel(root, chain.root[0]!), path, lineOf(node), dialect));
      return true;
    }
    return false;
  });
  for (const klass of root.descendantsOfType("class_declaration")) {
    const table = klass && decoratorsOf(klass).find((d) => d.name === "Table");
    if (!klass || !table) continue;
    const name = klass.childForFieldName("name")?.text ?? "";
    const opts = options(table.args[0]);
    const attributes = decoratedAttributes(klass);
    out.push(model(opts.modelName ?? name, attributes, opts, superclassOf(klass) === "Model", path, lineOf(klass), dialect));
  }
  return out;
}

function options(value: JsValue | undefined): Options {
  if (value?.kind !== "object") return {};
  const flag = (key: string) => asBoolean(value.entries.get(key)) ?? undefined;
  return {
    tableName: asString(value.entries.get("tableName")),
    modelName: asString(value.entries.get("modelName")),
    freezeTableName: flag("freezeTableName"),
    underscored: flag("underscored"),
    timestamps: flag("timestamps"),
    paranoid: flag("paranoid"),
    indexes: value.entries.get("indexes"),
  };
}

function model(name: string, attributes: JsValue & { kind: "object" }, opts: Options, sequelizeModel: boolean, path: string, line: number, dialect: SqlDialect | null): ModelRead {
  const table = modelTableName(name, opts);
  const fields: Record<string, string> = {};
  const columns: ColumnSpec[] = [];
  for (const [attribute, value] of attributes.entries) {
    const field = value.kind === "object" ? asString(value.entries.get("field")) : null;
    const column = attributeColumnName(attribute, { field, underscored: opts.underscored });
    fields[attribute] = column;
    columns.push({ ...readAttribute(table, column, value, dialect).spec, source: { path, line: lineOf(value.node.type === "public_field_definition" ? value.node : (value.node.parent ?? value.node)) } });
  }
  if (sequelizeModel) {
    const has = (column: string) => columns.some((c) => c.name === column);
    if (!columns.some((c) => c.primaryKey)) {
      columns.unshift({ name: "id", type: dialect === "postgres" ? "serial" : dialect ? "integer" : null, nullable: false, primaryKey: true, identity: "auto_increment" });
      fields.id = "id";
    }
    const dateType = readAttribute(table, "createdAt", { kind: "ref", path: ["DataTypes", "DATE"], node: attributes.node }, dialect).spec.type;
    const stamps = [...(opts.timestamps === false ? [] : ["createdAt", "updatedAt"]), ...(opts.paranoid ? ["deletedAt"] : [])];
    for (const stamp of stamps) {
      const column = attributeColumnName(stamp, { underscored: opts.underscored });
      if (has(column)) continue;
      fields[stamp] = column;
      columns.push({ name: column, type: dateType, nullable: stamp === "deletedAt" });
    }
  }
  const indexes: IndexSpec[] = [];
  if (opts.indexes?.kind === "array") {
    for (const item of opts.indexes.items) {
      const index = readIndexCall(table, [item]);
      if (index) indexes.push(index.spec);
    }
  }
  return { mapping: { model: name, table, fields, source: { path, line } }, table, columns, indexes, source: { path, line } };
}

/** sequelize-typescript properties as Sequelize attributes: `@AllowNull(false) @Default(0) @Column(DataType.INTEGER) count: number`. */
function decoratedAttributes(klass: Node): JsValue & { kind: "object" } {
  const entries = new Map<string, JsValue>();
  for (const member of classFields(klass)) {
    const found = decoratorsOf(member);
    const column = found.find((d) => ["Column", "CreatedAt", "UpdatedAt", "DeletedAt"].includes(d.name));
    const name = member.childForFieldName("name")?.text;
    if (!column || !name) continue;
    const attribute = new Map<string, JsValue>();
    const arg = column.args[0];
    if (arg?.kind === "object") for (const [k, v] of arg.entries) attribute.set(k, v);
    else if (arg) attribute.set("type", arg);
    else attribute.set("type", typeFromAnnotation(member, column.name));
    for (const d of found) {
      if (d.name === "AllowNull") attribute.set("allowNull", d.args[0] ?? { kind: "boolean", value: true, node: member });
      if (d.name === "Default" && d.args[0]) attribute.set("defaultValue", d.args[0]);
      if (d.name === "PrimaryKey") attribute.set("primaryKey", { kind: "boolean", value: true, node: member });
      if (d.name === "AutoIncrement") attribute.set("autoIncrement", { kind: "boolean", value: true, node: member });
      if (d.name === "Unique") attribute.set("unique", d.args[0] ?? { kind: "boolean", value: true, node: member });
    }
    entries.set(name, { kind: "object", entries: attribute, spread: false, node: member });
  }
  return { kind: "object", entries, spread: false, node: klass };
}

/** sequelize-typescript infers a type from the property's TypeScript type when `@Column` gives none. */
function typeFromAnnotation(member: Node, decorator: string): JsValue {
  if (decorator !== "Column") return { kind: "ref", path: ["DataType", "DATE"], node: member };
  const annotation = member.childForFieldName("type")?.namedChildren[0];
  const first = annotation?.type === "union_type" ? annotation.namedChildren.find((t) => t && t.text !== "null" && t.text !== "undefined") : annotation;
  const byType: Record<string, string> = { string: "STRING", number: "INTEGER", boolean: "BOOLEAN", Date: "DATE", Buffer: "BLOB" };
  const type = first ? byType[first.text] : undefined;
  return type ? { kind: "ref", path: ["DataType", type], node: member } : { kind: "unknown", text: first?.text ?? "", node: member };
}

function extendsModel(root: Node, name: string): boolean {
  const klass = root.descendantsOfType("class_declaration").find((c) => c?.childForFieldName("name")?.text === name);
  return !!klass && superclassOf(klass) === "Model";
}

/** The models' tables as a schema: each a create_table and its indexes, replayed. */
export function modelsAsSchema(models: ModelRead[], dialect: SqlDialect | null): Schema {
  const schema = emptySchema(dialect);
  for (const read of models) {
    const ops: Operation[] = [
      { kind: "create_table", table: read.table, columns: read.columns, constraints: [], source: read.source, call: "model" },
      ...read.indexes.map((index): Operation => ({ kind: "create_index", index, concurrently: false, source: read.source, call: "model" })),
    ];
    for (const op of ops) applyOperation(schema, op);
    const table = schema.tables.get(read.table.toLowerCase());
    if (table) {
      table.models.push({ name: read.mapping.model, source: read.source });
      for (const column of table.columns) {
        column.codeNames = Object.entries(read.mapping.fields).filter(([, c]) => c === column.name).map(([code]) => code);
      }
    }
  }
  return schema;
}


