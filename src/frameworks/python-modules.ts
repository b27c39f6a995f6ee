/**
 * A project's own Python modules, found by dotted name under the project root (`utilities.fields` →
 * `utilities/fields.py` or `utilities/fields/__init__.py`), each read once. Django's field classes and
 * SQLAlchemy's type decorators are looked up here; a module outside the repo is simply not found.
 */
import type { CodeStatement } from "../parse/code-value.js";
import { readPython } from "../parse/python-code.js";

export type ClassStatement = Extract<CodeStatement, { kind: "class" }>;

export class PythonModules {
  private readonly modules = new Map<string, Promise<CodeStatement[] | null>>();

  constructor(private readonly readText: (path: string) => Promise<string>) {}

  module(parts: string[], root: string): Promise<CodeStatement[] | null> {
    const base = [root, ...parts].filter(Boolean).join("/");
    let loading = this.modules.get(base);
    if (!loading) {
      loading = (async () => {
        for (const path of [`${base}.py`, `${base}/__init__.py`]) {
          try {
            return await readPython(await this.readText(path));
          } catch {
            // Not this file: the package form next, else the module is not in the repo.
          }
        }
        return null;
      })();
      this.modules.set(base, loading);
    }
    return loading;
  }

  /** A class by its dotted name, following re-exports (`from .guid import GUID`) to where it is defined. */
  async findClass(dotted: string, root: string, depth = 0): Promise<{ statement: ClassStatement; module: string[]; statements: CodeStatement[] } | null> {
    const parts = dotted.split(".");
    const name = parts.pop()!;
    if (!parts.length || depth > 3) return null;
    const statements = await this.module(parts, root);
    if (!statements) return null;
    const statement = statements.find((s): s is ClassStatement => s.kind === "class" && s.name === name);
    if (statement) return { statement, module: parts, statements };
    const imported = statements.find((s) => s.kind === "assign" && s.target === name && s.value.kind === "name");
    if (imported?.kind !== "assign" || imported.value.kind !== "name") return null;
    const target = imported.value.parts;
    // A relative import counts from the module's own package.
    const leading = target.findIndex((p) => p !== "");
    const absolute = leading > 0 ? [...parts.slice(0, parts.length - (leading - 1)), ...target.slice(leading)] : target;
    return this.findClass(absolute.join("."), root, depth + 1);
  }
}

/**
 * A module's `from x.y import Name` bindings: Name → the dotted module it comes from, relative imports
 * (`from ..fields import Color`) resolved against the file's own package under `root`.
 */
export function importsOf(statements: CodeStatement[], path: string, root: string): Map<string, string[]> {
  const folder = path.split("/").slice(0, -1);
  const rootDepth = root ? root.split("/").length : 0;
  const imports = new Map<string, string[]>();
  for (const statement of statements) {
    if (statement.kind !== "assign" || statement.value.kind !== "name") continue;
    const parts = statement.value.parts.slice(0, -1);
    const dots = parts.findIndex((p) => p !== "");
    if (dots === 0) imports.set(statement.target, parts);
    else if (dots > 0) imports.set(statement.target, [...folder.slice(rootDepth, folder.length - (dots - 1)), ...parts.slice(dots)]);
  }
  return imports;
}
