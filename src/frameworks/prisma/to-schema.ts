/**
 * A parsed Prisma schema as the schema model: a model's table is its name as is unless `@@map` (a model
 * `User` is table `"User"`), a field's column its name unless `@map`; constraints and indexes get
 * Prisma's own names (`User_pkey`, `User_email_key`, `Post_authorId_idx`, `Post_authorId_fkey`) unless
 * `map:` says; foreign keys exist only where `relationMode` is not "prisma".
 */
import type { ColumnSpec, ConstraintSpec, IndexSpec, Operation } from "../../model/operations.js";
import { applyOperation } from "../../model/replay.js";
import { emptySchema, type DefaultValue, type Schema, type SqlDialect } from "../../model/schema.js";
import { referentialAction } from "../referential-action.js";
import type { ModelMapping } from "../reader.js";
import { argument, stringOf, type Attribute, type Block, type Field, type Value } from "./ast.js";
import { prismaColumnType } from "./types.js";

export interface PrismaFile {
  path: string;
  blocks: Block[];
}

const PROVIDERS: Record<string, SqlDialect> = { postgresql: "postgres", postgres: "postgres", cockroachdb: "postgres", mysql: "mysql", sqlite: "sqlite" };

export function providerDialect(files: PrismaFile[]): SqlDialect | null {
  const source = files.flatMap((f) => f.blocks).find((b) => b.kind === "datasource");
  const provider = stringOf(source?.properties.find((p) => p.key === "provider")?.value);
  return provider ? (PROVIDERS[provider] ?? null) : null;
}

export function prismaMappings(files: PrismaFile[]): ModelMapping[] {
  return files.flatMap((file) => file.blocks.filter((b) => b.kind === "model").map((model) => ({
    model: model.name,
    table: tableName(model),
    fields: Object.fromEntries(model.fields.map((f) => [f.name, columnName(f)])),
    source: { path: file.path, line: model.line },
  })));
}

function tableName(model: Block): string {
  return stringOf(argument(model.attributes.find((a) => a.name === "map"), "name", 0)) ?? model.name;
}

function columnName(field: Field): string {
  return stringOf(argument(field.attributes.find((a) => a.name === "map"), "name", 0)) ?? field.name;
}

export function prismaSchema(files: PrismaFile[], dialectGiven: SqlDialect | null): Schema {
  const dialect = providerDialect(files) ?? dialectGiven;
  const schema = emptySchema(dialect);
  const blocks = files.flatMap((file) => file.blocks.map((block) => ({ block, path: file.path })));
  const models = new Map(blocks.filter((b) => b.block.kind === "model").map((b) => [b.block.name, b.block]));
  const enums = new Map(blocks.filter((b) => b.block.kind === "enum").map((b) => [b.block.name, b]));
  const datasource = blocks.find((b) => b.block.kind === "datasource")?.block;
  const relationModePrisma = stringOf(datasource?.properties.find((p) => p.key === "relationMode" || p.key === "referentialIntegrity")?.value) === "prisma";
  for (const [name, { block, path }] of enums) {
    const type = stringOf(argument(block.attributes.find((a) => a.name === "map"), "name", 0)) ?? name;
    if (dialect === "postgres") applyOperation(schema, { kind: "create_enum", name: type, values: block.values.map((v) => v.mapped ?? v.name), source: { path, line: block.line } });
  }
  for (const { block: model, path } of blocks.filter((b) => b.block.kind === "model")) {
    const table = tableName(model);
    const at = (line: number) => ({ path, line });
    const columnOf = (fieldName: string) => columnName(model.fields.find((f) => f.name === fieldName) ?? ({ name: fieldName, attributes: [] } as unknown as Field));
    const columns: ColumnSpec[] = [];
    const constraints: ConstraintSpec[] = [];
    const indexes: { spec: IndexSpec; line: number }[] = [];
    for (const field of model.fields) {
      if (models.has(field.type)) {
        const relation = field.attributes.find((a) => a.name === "relation");
        const fields = names(argument(relation, "fields"));
        const target = models.get(field.type)!;
        if (relation && fields.length && !relationModePrisma) {
          const refFields = names(argument(relation, "references"));
          const targetColumn = (f: string) => columnName(target.fields.find((x) => x.name === f) ?? ({ name: f, attributes: [] } as unknown as Field));
          const cols = fields.map(columnOf);
          constraints.push({
            kind: "foreign_key",
            name: stringOf(argument(relation, "map")) ?? `${table}_${cols.join("_")}_fkey`,
            columns: cols, refTable: tableName(target), refColumns: refFields.map(targetColumn),
            onDelete: referentialAction(nameOf(argument(relation, "onDelete"))) ?? (fields.some((f) => model.fields.find((x) => x.name === f)?.optional) ? "set_null" : "restrict"),
            onUpdate: referentialAction(nameOf(argument(relation, "onUpdate"))) ?? "cascade",
          });
        }
        continue;
      }
      if (field.list && dialect !== "postgres") continue;
      const enumBlock = enums.get(field.type)?.block;
      const enumType = enumBlock ? (dialect === "postgres" ? (stringOf(argument(enumBlock.attributes.find((a) => a.name === "map"), "name", 0)) ?? enumBlock.name) : dialect === "mysql" ? `enum(${enumBlock.values.map((v) => `'${v.mapped ?? v.name}'`).join(",")})` : "text") : null;
      const name = columnName(field);
      let type = prismaColumnType(field.type, field.attributes, dialect, enumType);
      if (type && field.list) type = `${type}[]`;
      const spec: ColumnSpec = { name, type, nullable: field.optional, source: at(field.line) };
      const has = (attr: string) => field.attributes.find((a) => a.name === attr);
      const defaultAttr = has("default");
      if (defaultAttr) {
        const value = argument(defaultAttr, "value", 0);
        if (value?.kind === "call" && value.name === "autoincrement") {
          spec.identity = "auto_increment";
          if (dialect === "postgres" && type === "integer") spec.type = "serial";
          if (dialect === "postgres" && type === "bigint") spec.type = "bigserial";
        } else {
          const read = value ? prismaDefault(value, dialect) : undefined;
          if (read !== undefined) spec.default = read;
        }
      } else if (!has("updatedAt")) spec.default = null;
      if (has("id")) constraints.push({ kind: "primary_key", name: stringOf(argument(has("id"), "map")) ?? `${table}_pkey`, columns: [name] });
      if (has("unique")) indexes.push({ spec: index(table, stringOf(argument(has("unique"), "map")) ?? `${table}_${name}_key`, [{ column: name, columns: [name] }], true), line: field.line });
      columns.push(spec);
    }
    for (const attribute of model.attributes) {
      const keys = indexKeys(argument(attribute, "fields", 0), columnOf);
      if (attribute.name === "id") constraints.push({ kind: "primary_key", name: stringOf(argument(attribute, "map")) ?? `${table}_pkey`, columns: keys.map((k) => k.column!) });
      if (attribute.name === "unique" || attribute.name === "index") {
        const unique = attribute.name === "unique";
        const spec = index(table, stringOf(argument(attribute, "map")) ?? `${table}_${keys.map((k) => k.column).join("_")}_${unique ? "key" : "idx"}`, keys, unique);
        const method = nameOf(argument(attribute, "type"));
        if (method) spec.method = method.toLowerCase();
        const where = argument(attribute, "where");
        if (where?.kind === "call" && where.name === "raw") spec.where = stringOf(where.args[0]?.value);
        indexes.push({ spec, line: attribute.line });
      }
    }
    const ops: Operation[] = [
      { kind: "create_table", table, columns, constraints, source: at(model.line), call: "model" },
      ...indexes.map(({ spec, line }): Operation => ({ kind: "create_index", index: spec, concurrently: false, source: at(line), call: "@@index" })),
    ];
    for (const op of ops) applyOperation(schema, op);
    const created = schema.tables.get(table.toLowerCase());
    if (created) {
      created.models.push({ name: model.name, source: at(model.line) });
      for (const column of created.columns) column.codeNames = model.fields.filter((f) => columnName(f) === column.name).map((f) => f.name);
    }
  }
  return schema;
}

function index(table: string, name: string, keys: IndexSpec["keys"], unique: boolean): IndexSpec {
  return { name, table, keys, unique, method: null, where: null, whereColumns: [], include: [] };
}

function names(value: Value | undefined): string[] {
  return value?.kind === "array" ? value.items.map((item) => (item.kind === "name" ? item.name : item.kind === "call" ? item.name : "")).filter(Boolean) : [];
}

function nameOf(value: Value | undefined): string | null {
  return value?.kind === "name" ? value.name : null;
}

/** `[email, title(ops: raw("gin_trgm_ops")), createdAt(sort: Desc)]` → index keys on the columns. */
function indexKeys(value: Value | undefined, columnOf: (field: string) => string): IndexSpec["keys"] {
  if (value?.kind !== "array") return [];
  return value.items.map((item) => {
    const field = item.kind === "name" ? item.name : item.kind === "call" ? item.name : "";
    const column = columnOf(field);
    const key: IndexSpec["keys"][number] = { column, columns: [column] };
    if (item.kind === "call") {
      const options = { args: item.args } as Attribute;
      const ops = argument(options, "ops");
      if (ops?.kind === "call" && ops.name === "raw") key.opclass = stringOf(ops.args[0]?.value) ?? undefined;
      else if (ops?.kind === "name") key.opclass = ops.name.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
      if (nameOf(argument(options, "sort")) === "Desc") key.descending = true;
      if (key.opclass === undefined) delete key.opclass;
    }
    return key;
  });
}

/**
 * A `@default(...)`: literals and enum values as literals, `now()` as CURRENT_TIMESTAMP, `dbgenerated("…")`
 * as its SQL. `uuid()`, `cuid()`, `nanoid()` and `ulid()` are made by Prisma Client, not the database: no default.
 */
function prismaDefault(value: Value, dialect: SqlDialect | null): DefaultValue | null | undefined {
  if (value.kind === "string" || value.kind === "number" || value.kind === "boolean") return { kind: "literal", value: value.value };
  if (value.kind === "name") return { kind: "literal", value: value.name };
  if (value.kind === "call") {
    if (value.name === "now") return { kind: "expression", sql: "CURRENT_TIMESTAMP" };
    if (value.name === "dbgenerated") {
      const sql = stringOf(value.args[0]?.value);
      return sql === null ? undefined : { kind: "expression", sql };
    }
    if (["uuid", "cuid", "nanoid", "ulid"].includes(value.name)) return null;
    if (value.name === "sequence" && dialect) return undefined;
  }
  return undefined;
}
