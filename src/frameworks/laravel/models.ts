/**
 * Eloquent models → their tables: `protected $table = 'people'`, else the convention (snake case plural of the
 * class). A class is a model when it extends Eloquent's Model, User or Pivot (as its `use` names them), or
 * another model it can see.
 */
import type { CodeStatement } from "../../parse/code-value.js";
import { stringOf } from "../../parse/code-value.js";
import { readPhp } from "../../parse/php-code.js";
import type { ModelMapping } from "../reader.js";
import { tableOfModel } from "./naming.js";

/** Eloquent's base classes, by their full names. */
const ROOTS = new Set([
  "Illuminate\\Database\\Eloquent\\Model",
  "Illuminate\\Foundation\\Auth\\User",
  "Illuminate\\Database\\Eloquent\\Relations\\Pivot",
  "Illuminate\\Database\\Eloquent\\Relations\\MorphPivot",
]);

interface ModelClass {
  name: string;
  base: string | null;
  /** The base's full name where a `use` gives it. */
  baseFull: string | null;
  table: string | null;
  abstract: boolean;
  path: string;
  line: number;
}

export async function readModelFiles(files: { path: string; text: string }[]): Promise<ModelMapping[]> {
  const classes: ModelClass[] = [];
  for (const file of files) {
    const statements = await readPhp(file.text);
    const uses = new Map(statements.flatMap((s) => (s.kind === "assign" && s.value.kind === "name" ? [[s.target, s.value.parts.join("\\")] as [string, string]] : [])));
    for (const statement of statements) {
      if (statement.kind !== "class") continue;
      const base = statement.bases[0];
      const baseName = base?.kind === "name" ? base.parts[base.parts.length - 1]! : null;
      const table = statement.body.find((m): m is Extract<CodeStatement, { kind: "assign" }> => m.kind === "assign" && m.target === "$table");
      classes.push({
        name: statement.name,
        base: baseName,
        baseFull: baseName ? (uses.get(baseName) ?? null) : null,
        table: table ? stringOf(table.value) : null,
        abstract: statement.modifiers?.includes("abstract") ?? false,
        path: file.path,
        line: statement.line,
      });
    }
  }
  const byName = new Map(classes.map((c) => [c.name, c]));
  const isModel = (c: ModelClass, seen: Set<string>): boolean => {
    if (!c.base) return false;
    if (c.baseFull && ROOTS.has(c.baseFull)) return true;
    const parent = byName.get(c.base);
    return !!parent && !seen.has(parent.name) && isModel(parent, new Set([...seen, parent.name]));
  };
  return classes
    .filter((c) => !c.abstract && isModel(c, new Set([c.name])))
    .map((c) => ({ model: c.name, table: c.table ?? tableOfModel(c.name), fields: {}, source: { path: c.path, line: c.line } }));
}
