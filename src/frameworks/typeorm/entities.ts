/**
 * TypeORM entities as tables: `@Entity('name')` classes with `@Column`, `@PrimaryGeneratedColumn`,
 * `@PrimaryColumn`, `@CreateDateColumn`/`@UpdateDateColumn`/`@DeleteDateColumn`, `@Index`, `@Unique`, and
 * `@ManyToOne`/`@OneToOne` + `@JoinColumn` (the foreign key column). TypeORM columns are NOT NULL unless
 * `nullable: true`; relation columns are nullable unless `nullable: false`.
 */
import type { ColumnSpec, ConstraintSpec, IndexSpec } from "../../model/operations.js";
import type { ReferentialAction, Source, SqlDialect } from "../../model/schema.js";
import { classFields, decoratorsOf, type Decorator } from "../../parse/js-decorators.js";
import { asBoolean, asNumber, asString, asStringList, jsValue, lineOf, type JsValue } from "../../parse/js-values.js";
import type { Node } from "../../parse/tree-sitter.js";
import { referentialAction } from "../referential-action.js";
import { typeFromDesignType, typeormType } from "./column-types.js";
import { entityColumnName, entityTableName, snakeCase, type Naming } from "./naming.js";

export interface Relation {
  target: string;
  column: string;
  nullable: boolean;
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
  /** The referenced column named by `@JoinColumn({ referencedColumnName })`; else the target's primary key. */
  refColumn: string | null;
  source: Source;
}

export interface EntityRead {
  className: string;
  table: string;
  fields: Record<string, string>;
  columns: ColumnSpec[];
  constraints: ConstraintSpec[];
  indexes: IndexSpec[];
  relations: Relation[];
  /** `@Column(() => AccessTimestamps)`: the embedded class's columns, prefixed. */
  embeds: { property: string; className: string; prefix: string }[];
  /** A class with columns but no @Entity: embedded into entities, never a table of its own. */
  embeddable: boolean;
  source: Source;
}

const DATE_COLUMNS = new Set(["CreateDateColumn", "UpdateDateColumn", "DeleteDateColumn"]);

export function readEntities(root: Node, path: string, dialect: SqlDialect | null, naming: Naming): EntityRead[] {
  const out: EntityRead[] = [];
  for (const klass of root.descendantsOfType("class_declaration")) {
    if (!klass) continue;
    const classDecorators = decoratorsOf(klass);
    const entity = classDecorators.find((d) => d.name === "Entity");
    const className = klass.childForFieldName("name")?.text ?? "";
    const given = entity ? (asString(entity.args[0]) ?? asString(optionsArg(entity.args)?.entries.get("name"))) : null;
    const read: EntityRead = {
      className, table: entityTableName(className, given), fields: {}, columns: [], constraints: [], indexes: [], relations: [], embeds: [],
      embeddable: !entity, source: { path, line: lineOf(klass) },
    };
    for (const field of classFields(klass)) readField(read, field, path, dialect, naming);
    if (!entity && read.columns.length === 0) continue;
    for (const decorator of classDecorators) readClassConstraint(read, decorator);
    out.push(read);
  }
  return out;
}

function optionsArg(args: JsValue[]): (JsValue & { kind: "object" }) | undefined {
  return args.find((a): a is JsValue & { kind: "object" } => a.kind === "object");
}

function readField(read: EntityRead, field: Node, path: string, dialect: SqlDialect | null, naming: Naming): void {
  const property = field.childForFieldName("name")?.text;
  if (!property) return;
  const decorators = decoratorsOf(field);
  const source: Source = { path, line: lineOf(field) };
  const relation = decorators.find((d) => d.name === "ManyToOne" || d.name === "OneToOne");
  const join = decorators.find((d) => d.name === "JoinColumn");
  if (relation && (relation.name === "ManyToOne" || join)) {
    const target = relation.args[0]?.kind === "function" ? relation.args[0].body.text : null;
    const options = optionsArg(relation.args);
    const joinOptions = join ? optionsArg(join.args) : undefined;
    const column = asString(joinOptions?.entries.get("name")) ?? (naming.snakeColumns ? `${snakeCase(property)}_id` : `${property}Id`);
    if (target) {
      read.relations.push({
        target, column, source,
        nullable: asBoolean(options?.entries.get("nullable")) ?? true,
        onDelete: referentialAction(asString(options?.entries.get("onDelete"))),
        onUpdate: referentialAction(asString(options?.entries.get("onUpdate"))),
        refColumn: asString(joinOptions?.entries.get("referencedColumnName")),
      });
      read.fields[property] = column;
      // The owning side of a one-to-one is unique: TypeORM adds a UNIQUE constraint on its join column.
      if (relation.name === "OneToOne") read.constraints.push({ kind: "unique", name: null, columns: [column] });
    }
    return;
  }
  const columnDecorator = decorators.find((d) => d.name.endsWith("Column") && d.name !== "JoinColumn");
  if (!columnDecorator) return;
  if (columnDecorator.name === "Column" && columnDecorator.args[0]?.kind === "function") {
    const embedded = columnDecorator.args[0].body.text;
    const prefix = asString(optionsArg(columnDecorator.args)?.entries.get("prefix"));
    read.embeds.push({ property, className: embedded, prefix: prefix ?? property });
    return;
  }
  const options = optionsArg(columnDecorator.args);
  const get = (key: string) => options?.entries.get(key);
  // Options built by code (`NumberColumnType.integer(0)`, `{ ...helper(), nullable: true }`) may set anything: what they set is unknown.
  const opaque = columnDecorator.args.some((a) => a.kind !== "string" && !(a.kind === "object" && !a.spread));
  const name = entityColumnName(property, asString(get("name")), naming);
  read.fields[property] = name;
  const spec: ColumnSpec = { name, type: columnType(columnDecorator, field, dialect, opaque, `${read.table}_${name}_enum`), nullable: asBoolean(get("nullable")) ?? (opaque ? null : false), source };
  if (columnDecorator.name === "PrimaryGeneratedColumn" || columnDecorator.name === "PrimaryColumn" || asBoolean(get("primary"))) spec.primaryKey = true;
  if (columnDecorator.name === "PrimaryGeneratedColumn") {
    const strategy = asString(columnDecorator.args[0]) ?? "increment";
    if (strategy === "increment") spec.identity = "auto_increment";
    else if (strategy === "uuid" && dialect === "postgres") spec.default = { kind: "expression", sql: "uuid_generate_v4()" };
  }
  if (columnDecorator.name === "DeleteDateColumn" && !opaque) spec.nullable = true;
  if ((columnDecorator.name === "CreateDateColumn" || columnDecorator.name === "UpdateDateColumn") && !opaque) {
    const now: Partial<Record<SqlDialect, string>> = { postgres: "now()", mysql: "CURRENT_TIMESTAMP(6)", sqlite: "datetime('now')" };
    if (dialect && now[dialect]) spec.default = { kind: "expression", sql: now[dialect]! };
  }
  if (get("default")) {
    const value = get("default")!;
    if (value.kind === "string" || value.kind === "number" || value.kind === "boolean") spec.default = { kind: "literal", value: value.value };
    else if (value.kind === "null") spec.default = { kind: "literal", value: null };
    else if (value.kind === "function" && asString(jsValue(value.body)) !== null) spec.default = { kind: "expression", sql: asString(jsValue(value.body))! };
    else delete spec.default;
  } else if (opaque) delete spec.default;
  if (asBoolean(get("unique"))) read.constraints.push({ kind: "unique", name: null, columns: [name] });
  if (decorators.some((d) => d.name === "Index")) {
    const index = decorators.find((d) => d.name === "Index")!;
    read.indexes.push({ name: asString(index.args[0]), table: read.table, keys: [{ column: name, columns: [name] }], unique: asBoolean(optionsArg(index.args)?.entries.get("unique")) === true, method: null, where: asString(optionsArg(index.args)?.entries.get("where")), whereColumns: [], include: [] });
  }
  read.columns.push(spec);
}

/** `@Column('varchar', { length: 100 })`, `@Column({ type: 'text' })`, or the property's TypeScript type. */
function columnType(decorator: Decorator, field: Node, dialect: SqlDialect | null, opaque: boolean, enumName: string): string | null {
  const options = optionsArg(decorator.args);
  const given = (decorator.name !== "PrimaryGeneratedColumn" ? asString(decorator.args[0]) : null) ?? asString(options?.entries.get("type"));
  const length = asNumber(options?.entries.get("length")) ?? asString(options?.entries.get("length"));
  const sizes = { length, precision: asNumber(options?.entries.get("precision")), scale: asNumber(options?.entries.get("scale")) };
  if (given === "enum" || given === "simple-enum") return enumType(given, options, dialect, enumName);
  if (given) return typeormType(given, dialect, sizes);
  if (opaque) return null;
  if (decorator.name === "PrimaryGeneratedColumn") {
    const strategy = asString(decorator.args[0]) ?? "increment";
    if (strategy === "uuid") return dialect === "postgres" ? "uuid" : dialect === "mysql" ? "varchar(36)" : dialect ? "varchar" : null;
    return dialect === "postgres" ? "serial" : dialect === "mysql" ? "int" : dialect ? "integer" : null;
  }
  if (DATE_COLUMNS.has(decorator.name)) return dialect === "postgres" ? "timestamp without time zone" : dialect === "mysql" ? "datetime(6)" : dialect ? "datetime" : null;
  if (decorator.name === "VersionColumn") return typeFromDesignType("number", dialect);
  const annotation = field.childForFieldName("type")?.namedChildren[0];
  const first = annotation?.type === "union_type" ? annotation.namedChildren.find((t) => t && t.text !== "null" && t.text !== "undefined") : annotation;
  const type = first ? typeFromDesignType(first.text, dialect) : null;
  if (type && length !== null && type.includes("char")) return `${type.replace(/\(\d+\)$/, "")}(${length})`;
  return type;
}

/**
 * TypeORM's enum column: on PostgreSQL a type named `enumName` or `<table>_<column>_enum`; on MySQL
 * `enum('a','b')` when the values are literals; `simple-enum` is a varchar with a CHECK elsewhere.
 */
function enumType(given: string, options: (JsValue & { kind: "object" }) | undefined, dialect: SqlDialect | null, enumName: string): string | null {
  if (given === "simple-enum") return dialect === "postgres" ? "character varying" : dialect ? "varchar" : null;
  if (dialect === "postgres") return asString(options?.entries.get("enumName")) ?? enumName;
  const values = asStringList(options?.entries.get("enum"));
  if (dialect === "mysql") return values ? `enum(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")})` : null;
  return dialect ? "varchar" : null;
}

/** `@Index(['a', 'b'], { unique: true })`, `@Index('name', ['a'])`, `@Unique(['a'])`, `@Unique('name', ['a'])` on the class. */
function readClassConstraint(read: EntityRead, decorator: Decorator): void {
  if (decorator.name !== "Index" && decorator.name !== "Unique") return;
  const name = asString(decorator.args[0]);
  const list = decorator.args.find((a) => a.kind === "array");
  const properties = asStringList(list);
  if (!properties) return;
  const columns = properties.map((p) => read.fields[p] ?? p);
  if (decorator.name === "Unique") {
    read.constraints.push({ kind: "unique", name, columns });
    return;
  }
  const options = optionsArg(decorator.args);
  read.indexes.push({
    name, table: read.table, keys: columns.map((column) => ({ column, columns: [column] })),
    unique: asBoolean(options?.entries.get("unique")) === true, method: null,
    where: asString(options?.entries.get("where")), whereColumns: [], include: [],
  });
}
