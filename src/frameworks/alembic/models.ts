/**
 * SQLAlchemy models → tables: a class with `__tablename__`, its `Column(...)` / `mapped_column(...)` attributes
 * (and those of mixins it inherits), and `__table_args__` constraints and indexes. A `mapped_column` without a
 * type takes it from its `Mapped[...]` annotation, and allows NULL exactly when that is Optional, as SQLAlchemy 2
 * does. Each model is read as the `op.create_table` it amounts to, by the same translators as migrations.
 */
import { replayMigrations } from "../../model/replay.js";
import { emptySchema, type Unreadable } from "../../model/schema.js";
import { lastName, nameOf, type CodeCall, type CodeStatement, type CodeValue, type Span } from "../../parse/code-value.js";
import { readPython } from "../../parse/python-code.js";
import { importsOf, PythonModules } from "../python-modules.js";
import type { ModelMapping, ReadContext, SnapshotRead } from "../reader.js";
import type { AlembicContext } from "./context.js";
import { CustomTypes } from "./custom-types.js";
import { createTable } from "./table-operations.js";

interface Attribute {
  name: string;
  call: CodeCall;
  annotation: string | null;
}

interface ModelClass {
  name: string;
  bases: string[];
  table: string | null;
  attributes: Attribute[];
  tableArgs: CodeValue[];
  path: string;
  line: number;
}

const ANNOTATED: Record<string, string> = { str: "String", int: "Integer", bool: "Boolean", float: "Float", datetime: "DateTime", date: "Date", time: "Time", bytes: "LargeBinary", UUID: "Uuid", Decimal: "Numeric", dict: "JSON" };

/** A type written by its imported name (`GUID()`), given its module, so that the project's own types are found. */
function located(value: CodeValue, imports: Map<string, string[]>): CodeValue {
  const name = value.kind === "call" && value.receiver === null ? value.name : value.kind === "name" && value.parts.length === 1 ? value.parts[0]! : null;
  const module = name ? imports.get(name) : undefined;
  if (!module?.length) return value;
  if (value.kind === "call") return { ...value, receiver: { kind: "name", parts: module, line: value.line, endLine: value.line } };
  return { ...value, parts: [...module, name!] } as CodeValue;
}

function classesOf(statements: CodeStatement[], path: string): ModelClass[] {
  const imports = importsOf(statements, path, "");
  return statements
    .filter((s): s is Extract<CodeStatement, { kind: "class" }> => s.kind === "class")
    .map((statement) => {
      const model: ModelClass = { name: statement.name, bases: statement.bases.map((b) => lastName(b) ?? ""), table: null, attributes: [], tableArgs: [], path, line: statement.line };
      for (const member of statement.body) {
        if (member.kind !== "assign") continue;
        if (member.target === "__tablename__") model.table = nameOf(member.value);
        else if (member.target === "__table_args__") model.tableArgs = member.value.kind === "list" ? member.value.items : [member.value];
        else if (member.value.kind === "call" && (member.value.name === "Column" || member.value.name === "mapped_column")) {
          const call = member.value;
          model.attributes.push({ name: member.target, call: { ...call, args: call.args.map((a) => located(a, imports)) }, annotation: member.annotation ?? null });
        }
      }
      return model;
    });
}

/** `Mapped[str | None]` → the type and whether NULL is allowed. */
function fromAnnotation(annotation: string | null): { type: string | null; nullable: boolean } | null {
  const inner = annotation?.match(/^Mapped\[(.*)\]$/s)?.[1]?.trim();
  if (!inner) return null;
  const optional = /^Optional\[(.*)\]$/.exec(inner);
  const parts = (optional ? optional[1]! : inner).split("|").map((p) => p.trim());
  const nullable = Boolean(optional) || parts.includes("None");
  const base = parts.find((p) => p !== "None")?.split(".").pop() ?? "";
  return { type: ANNOTATED[base] ?? null, nullable };
}

const span = (line: number): Span => ({ line, endLine: line });

/** An attribute as the `sa.Column("name", Type, …)` of a create_table. */
function asColumn(attribute: Attribute): CodeValue {
  const call = attribute.call;
  const named = call.args[0]?.kind === "string";
  const args = named ? call.args.slice(1) : call.args;
  const options = [...call.options];
  const hasType = args[0] !== undefined && !(args[0].kind === "call" && args[0].name === "ForeignKey");
  const annotated = call.name === "mapped_column" ? fromAnnotation(attribute.annotation) : null;
  const typeArgs: CodeValue[] = !hasType && annotated?.type ? [{ kind: "name", parts: [annotated.type], ...span(call.line) }] : [];
  if (call.name === "mapped_column" && annotated && !options.some((o) => o.key === "nullable") && !options.some((o) => o.key === "primary_key")) {
    options.push({ key: "nullable", value: { kind: "boolean", value: annotated.nullable, ...span(call.line) } });
  }
  const name: CodeValue = named ? call.args[0]! : { kind: "string", value: attribute.name, ...span(call.line) };
  return { ...call, name: "Column", args: [name, ...typeArgs, ...args], options };
}

interface Resolved {
  model: ModelClass;
  table: string;
  attributes: Attribute[];
}

/**
 * Columns come from the class and the mixins it inherits (bases without a table). A subclass of a mapped class
 * without a `__tablename__` of its own is single-table inheritance: its columns are its parent table's; one with
 * its own table (joined inheritance) has only its own.
 */
function resolveModels(classes: ModelClass[]): Resolved[] {
  const byName = new Map(classes.map((c) => [c.name, c]));
  const inherited = (c: ModelClass, seen: Set<string>): Attribute[] => {
    const fromBases = c.bases.flatMap((b) => {
      const base = byName.get(b);
      return base && !seen.has(b) && !base.table && !tableOf(base, new Set()) ? inherited(base, new Set([...seen, b])) : [];
    });
    const own = new Set(c.attributes.map((a) => a.name));
    return [...fromBases.filter((a) => !own.has(a.name)), ...c.attributes];
  };
  /** The mapped class a table-less class inherits its table from, if any. */
  const tableOf = (c: ModelClass, seen: Set<string>): ModelClass | null => {
    for (const b of c.bases) {
      const base = byName.get(b);
      if (!base || seen.has(b)) continue;
      if (base.table) return base;
      const found = tableOf(base, new Set([...seen, b]));
      if (found) return found;
    }
    return null;
  };
  const resolved = new Map(classes.filter((c) => c.table).map((c) => [c.name, { model: c, table: c.table!, attributes: inherited(c, new Set([c.name])) }]));
  for (const c of classes) {
    if (c.table || !c.attributes.length) continue;
    const owner = tableOf(c, new Set([c.name]));
    const target = owner && resolved.get(owner.name);
    if (!target) continue;
    const present = new Set(target.attributes.map((a) => a.name));
    target.attributes.push(...c.attributes.filter((a) => !present.has(a.name)));
  }
  return [...resolved.values()];
}

async function read(paths: string[], context: ReadContext, unreadable: Unreadable[]): Promise<{ resolved: Resolved[]; customTypes: CustomTypes }> {
  const classes: ModelClass[] = [];
  for (const path of paths) {
    try {
      classes.push(...classesOf(await readPython(await context.readText(path)), path));
    } catch (error) {
      unreadable.push({ path, message: `could not be read: ${(error as Error).message}` });
    }
  }
  const customTypes = new CustomTypes(new PythonModules(context.readText));
  const resolved = resolveModels(classes);
  const dotted = resolved
    .flatMap((r) => r.attributes.flatMap((a) => a.call.args))
    .flatMap((v) => (v.kind === "call" && v.receiver?.kind === "name" && v.receiver.parts.length > 1 ? [`${v.receiver.parts.join(".")}.${v.name}`] : v.kind === "name" && v.parts.length > 2 ? [v.parts.join(".")] : []));
  await customTypes.load(dotted, "", context.dialect);
  return { resolved, customTypes };
}

export async function readModelMappings(paths: string[], context: ReadContext): Promise<ModelMapping[]> {
  const { resolved } = await read(paths, context, []);
  return resolved.map((r) => ({
    model: r.model.name,
    table: r.table,
    fields: Object.fromEntries(r.attributes.map((a) => [a.name, a.call.args[0]?.kind === "string" ? a.call.args[0].value : a.name])),
    source: { path: r.model.path, line: r.model.line },
  }));
}

export async function readModelsSnapshot(paths: string[], context: ReadContext): Promise<SnapshotRead | null> {
  const unreadable: Unreadable[] = [];
  const { resolved, customTypes } = await read(paths, context, unreadable);
  if (!resolved.length) return null;
  const schema = emptySchema(context.dialect);
  for (const r of resolved) {
    const ctx: AlembicContext = { path: r.model.path, dialect: context.dialect, unreadable, customTypes, locals: new Map(), helpers: new Map(), helperParams: new Map(), depth: 0 };
    const columns = r.attributes.map(asColumn);
    const args = r.model.tableArgs.filter((a) => a.kind === "call");
    const call: CodeCall = { kind: "call", name: "create_table", receiver: null, args: [{ kind: "string", value: r.table, ...span(r.model.line) }, ...columns, ...args], options: [], block: null, text: r.model.name, ...span(r.model.line) };
    const ops = createTable(call, ctx);
    replayMigrations(schema, [{ path: r.model.path, framework: "alembic", version: null, transaction: "wrapped", up: ops, down: null }]);
    schema.tables.get(r.table.toLowerCase())?.models.push({ name: r.model.name, source: { path: r.model.path, line: r.model.line } });
  }
  schema.unreadable.push(...unreadable);
  return { schema, unreadable };
}
