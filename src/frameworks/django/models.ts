/**
 * `models.py` (or a `models/` package) → the tables the models declare: the table (`Meta.db_table`, else
 * `<app_label>_<model>`), the columns of their own and inherited abstract fields, `Meta` indexes and
 * constraints. A model's implicit `id` takes its type from DEFAULT_AUTO_FIELD, a setting the models do not
 * show: its type is unknown.
 */
import { replayMigrations } from "../../model/replay.js";
import { emptySchema, type Source, type Unreadable } from "../../model/schema.js";
import { booleanOf, lastName, stringOf, type CodeCall, type CodeStatement } from "../../parse/code-value.js";
import { readPython } from "../../parse/python-code.js";
import type { ModelMapping, ReadContext, SnapshotRead } from "../reader.js";
import { importsOf } from "../python-modules.js";
import { CustomFields } from "./custom-fields.js";
import { fieldClassName, isFieldCall, readField } from "./fields.js";
import { callsOf } from "./meta-indexes.js";
import { fieldGroups, tableOperations, type DeclaredField } from "./model-operations.js";
import { tableOfModel } from "./naming.js";
import { ProjectState, type DjangoContext, type FieldState, type ModelState } from "./state.js";

interface ModelClass {
  name: string;
  bases: string[];
  app: string;
  path: string;
  line: number;
  fields: { name: string; call: CodeCall; source: Source }[];
  meta: Map<string, Extract<CodeStatement, { kind: "assign" }>["value"]>;
}

/** `shop/models.py` and `shop/models/order.py` belong to app `shop`. */
function appOf(path: string): string {
  const parts = path.split("/");
  const at = parts.lastIndexOf("models");
  if (at > 0 && at === parts.length - 2) return parts[at - 1]!;
  return parts[parts.length - 2] ?? "";
}

/** The project folder the app sits in (`netbox/dcim/models/sites.py` → `netbox`), where its modules are found. */
function rootOf(path: string): string {
  const parts = path.split("/");
  const at = parts.lastIndexOf("models");
  const app = at > 0 && at === parts.length - 2 ? at - 1 : parts.length - 2;
  return parts.slice(0, Math.max(app, 0)).join("/");
}

function classesOf(statements: CodeStatement[], path: string): ModelClass[] {
  const out: ModelClass[] = [];
  const imports = importsOf(statements, path, rootOf(path));
  for (const statement of statements) {
    if (statement.kind !== "class") continue;
    const model: ModelClass = { name: statement.name, bases: statement.bases.map((b) => lastName(b) ?? ""), app: appOf(path), path, line: statement.line, fields: [], meta: new Map() };
    for (const member of statement.body) {
      if (member.kind === "assign" && member.value.kind === "call" && !member.target.includes(".")) {
        const call = member.value;
        // An imported field class is looked up in the module it comes from.
        const module = call.receiver === null ? imports.get(call.name) : undefined;
        const located: CodeCall = module?.length ? { ...call, receiver: { kind: "name", parts: module, line: call.line, endLine: call.line } } : call;
        model.fields.push({ name: member.target, call: located, source: { path, line: member.line } });
      }
      if (member.kind === "class" && member.name === "Meta") {
        for (const option of member.body) if (option.kind === "assign") model.meta.set(option.target, option.value);
      }
    }
    const appLabel = stringOf(model.meta.get("app_label"));
    if (appLabel) model.app = appLabel;
    out.push(model);
  }
  return out;
}

const MODEL_ROOTS = new Set(["Model", "AbstractUser", "AbstractBaseUser", "MPTTModel", "PolymorphicModel"]);

interface Resolved {
  model: ModelClass;
  abstract: boolean;
  proxy: boolean;
  /** Fields of its own and of the abstract models it inherits, in Django's order (inherited first). */
  fields: ModelClass["fields"];
}

function resolveModels(classes: ModelClass[]): Resolved[] {
  const byName = new Map(classes.map((c) => [c.name, c]));
  const isModel = (c: ModelClass, seen: Set<string>): boolean =>
    c.bases.some((b) => MODEL_ROOTS.has(b) || (!seen.has(b) && byName.has(b) && isModel(byName.get(b)!, new Set([...seen, b]))));
  const fieldsOf = (c: ModelClass, seen: Set<string>): ModelClass["fields"] => {
    const inherited = c.bases.flatMap((b) => {
      const base = byName.get(b);
      return base && !seen.has(b) && booleanOf(base.meta.get("abstract")) === true ? fieldsOf(base, new Set([...seen, b])) : [];
    });
    const own = new Set(c.fields.map((f) => f.name));
    return [...inherited.filter((f) => !own.has(f.name)), ...c.fields];
  };
  return classes
    .filter((c) => isModel(c, new Set([c.name])))
    .map((c) => ({ model: c, abstract: booleanOf(c.meta.get("abstract")) === true, proxy: booleanOf(c.meta.get("proxy")) === true, fields: fieldsOf(c, new Set([c.name])) }));
}

interface ReadModels {
  states: { resolved: Resolved; state: ModelState; declared: DeclaredField[] }[];
  ctx: DjangoContext;
}

async function read(paths: string[], context: ReadContext, unreadable: Unreadable[]): Promise<ReadModels> {
  const classes: ModelClass[] = [];
  for (const path of paths) {
    try {
      classes.push(...classesOf(await readPython(await context.readText(path)), path));
    } catch (error) {
      unreadable.push({ path, message: `could not be read: ${(error as Error).message}` });
    }
  }
  const state = new ProjectState();
  const customFields = new CustomFields(context.readText);
  const ctx: DjangoContext = { path: "", app: "", dialect: context.dialect, unreadable, state, customFields };
  const resolved = resolveModels(classes).filter((r) => !r.abstract);
  const states = resolved.map((r) => {
    const dbTable = stringOf(r.model.meta.get("db_table"));
    const model: ModelState = {
      app: r.model.app,
      name: r.model.name,
      table: dbTable ?? tableOfModel(r.model.app, r.model.name),
      explicitTable: dbTable !== null,
      hasTable: !r.proxy && booleanOf(r.model.meta.get("managed")) !== false,
      fields: [],
      uniqueTogether: fieldGroups(r.model.meta.get("unique_together")),
      indexTogether: fieldGroups(r.model.meta.get("index_together")),
      togetherNames: new Map(),
    };
    state.models.set(ProjectState.key(model.app, model.name), model);
    return { resolved: r, state: model, declared: [] as DeclaredField[] };
  });
  // Twice: foreign keys take their type from the referenced model's key, which may be declared later.
  for (let pass = 0; pass < 2; pass += 1) {
    for (const entry of states) {
      const r = entry.resolved;
      await customFields.load(r.fields.map((f) => fieldClassName(f.call)), rootOf(r.model.path));
      const local: DjangoContext = { ...ctx, path: r.model.path, app: r.model.app, unreadable: pass === 0 ? [] : unreadable };
      // Managers and other class attributes are not fields.
      const declared = r.fields.filter((f) => isFieldCall(f.call, local)).map((f) => ({ field: readField(f.name, f.call, r.model.name, local), source: f.source }));
      if (!declared.some((d) => d.field.primaryKey)) declared.unshift({ field: implicitId(r.model), source: { path: r.model.path, line: r.model.line } });
      entry.state.fields = declared.map((d) => d.field);
      entry.declared = declared;
    }
  }
  return { states, ctx };
}

/** The `id` Django adds to a model that declares no primary key. */
function implicitId(model: ModelClass): FieldState {
  const call: CodeCall = { kind: "call", name: "DEFAULT_AUTO_FIELD", receiver: null, args: [], options: [], block: null, text: "", line: model.line, endLine: model.line };
  return { name: "id", column: "id", fieldClass: "DEFAULT_AUTO_FIELD", call, spec: { name: "id", type: null, nullable: false, primaryKey: true }, relation: null, unique: true, dbIndex: false, primaryKey: true };
}

export async function readModelMappings(paths: string[], context: ReadContext): Promise<ModelMapping[]> {
  const { states } = await read(paths, context, []);
  return states.map(({ resolved, state }) => ({
    model: resolved.model.name,
    table: state.table,
    fields: Object.fromEntries(state.fields.filter((f) => f.column).map((f) => [f.name, f.column!])),
    source: { path: resolved.model.path, line: resolved.model.line },
  }));
}

export async function readModelsSnapshot(paths: string[], context: ReadContext): Promise<SnapshotRead | null> {
  const unreadable: Unreadable[] = [];
  const { states, ctx } = await read(paths, context, unreadable);
  if (!states.length) return null;
  const schema = emptySchema(context.dialect);
  for (const { resolved, state, declared } of states) {
    if (!state.hasTable) continue;
    const local: DjangoContext = { ...ctx, path: resolved.model.path, app: resolved.model.app };
    const meta = { indexes: callsOf(resolved.model.meta.get("indexes")), constraints: callsOf(resolved.model.meta.get("constraints")) };
    const ops = tableOperations(state, declared, meta, local, { path: resolved.model.path, line: resolved.model.line }, "models.Model");
    replayMigrations(schema, [{ path: resolved.model.path, framework: "django", version: null, transaction: "wrapped", up: ops, down: null }]);
    const table = schema.tables.get(state.table.toLowerCase());
    table?.models.push({ name: resolved.model.name, source: { path: resolved.model.path, line: resolved.model.line } });
    for (const column of table?.columns ?? []) {
      const field = state.fields.find((f) => f.column === column.name);
      if (field) column.codeNames = [field.name];
    }
  }
  schema.unreadable.push(...unreadable);
  return { schema, unreadable };
}

