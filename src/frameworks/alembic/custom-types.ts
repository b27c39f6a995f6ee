/**
 * A project's own SQLAlchemy types (`mealie.db.migration_types.GUID()`): a TypeDecorator whose
 * `load_dialect_impl` picks a type by `dialect.name`, or whose `impl` names one. The type it yields for the
 * repo's dialect is read from the class; one the reader cannot follow stays unknown.
 */
import type { SqlDialect } from "../../model/schema.js";
import type { CodeCall, CodeStatement, CodeValue } from "../../parse/code-value.js";
import type { PythonModules } from "../python-modules.js";
import { dialectCondition } from "./conditions.js";
import { typeCall } from "./types.js";

/** `return dialect.type_descriptor(UUID())` → `UUID()`; `return UUID()` as it is. */
function returned(value: CodeValue | null): CodeCall | null {
  if (value?.kind === "call" && value.name === "type_descriptor") return typeCall(value.args[0]);
  return typeCall(value ?? undefined);
}

/** The type a method body returns for this dialect, through `if dialect.name == …` branches. */
function returnFor(body: CodeStatement[], dialect: SqlDialect): CodeCall | null | undefined {
  for (const statement of body) {
    if (statement.kind === "return") return returned(statement.value);
    if (statement.kind === "branch") {
      const holds = dialectCondition(statement.condition, dialect);
      if (holds === null) return undefined;
      const taken = holds !== statement.negated ? statement.then : statement.otherwise;
      const inner = returnFor(taken, dialect);
      if (inner !== null) return inner;
    }
  }
  return null;
}

export class CustomTypes {
  private readonly resolved = new Map<string, CodeCall | null>();

  constructor(private readonly modules: PythonModules) {}

  async load(dotted: string[], root: string, dialect: SqlDialect | null): Promise<void> {
    for (const name of dotted) {
      if (this.resolved.has(name)) continue;
      this.resolved.set(name, dialect ? await this.resolve(name, root, dialect) : null);
    }
  }

  /** The SQLAlchemy type a project type stands for on this dialect, or null. */
  get(dotted: string): CodeCall | null {
    return this.resolved.get(dotted) ?? null;
  }

  private async resolve(dotted: string, root: string, dialect: SqlDialect): Promise<CodeCall | null> {
    const found = await this.modules.findClass(dotted, root);
    if (!found) return null;
    const body = found.statement.body;
    const method = body.find((s) => s.kind === "def" && s.name === "load_dialect_impl");
    if (method?.kind === "def") {
      const type = returnFor(method.body, dialect);
      if (type) return type;
    }
    const impl = body.find((s) => s.kind === "assign" && s.target === "impl");
    return impl?.kind === "assign" ? typeCall(impl.value) : null;
  }
}
