/**
 * Field classes a project defines itself (`utilities.fields.ColorField(models.CharField)`, a field whose
 * `db_type` returns `'cidr'`): read from the module that defines them, so that their columns get the type
 * Django would create — the base field's, with the keyword arguments `__init__` forces, or the literal
 * `db_type`. A class the reader cannot find or follow stays unknown.
 */
import type { CodeStatement, CodeValue } from "../../parse/code-value.js";
import { nameOf } from "../../parse/code-value.js";
import { PythonModules } from "../python-modules.js";
import { isKnownField } from "./types.js";

export interface CustomField {
  /** The Django field it builds on (`CharField`), after following the project's own chain. */
  base: string | null;
  /** A literal `db_type()`: the column's type whatever the base. */
  dbType: string | null;
  /** Keyword arguments `__init__` sets (`kwargs['max_length'] = 6`). */
  kwargs: Record<string, CodeValue>;
}

/** Relation classes a project field may build on: it is then that relation, not a column of its own type. */
const RELATIONS = new Set(["ForeignKey", "OneToOneField", "ManyToManyField", "TaggableManager", "GenericForeignKey", "GenericRelation", "TreeForeignKey"]);

interface ClassInfo {
  bases: string[];
  dbType: string | null;
  internalType: string | null;
  kwargs: Record<string, CodeValue>;
}

function lastPart(value: CodeValue): string | null {
  return value.kind === "name" ? value.parts[value.parts.length - 1]! : null;
}

/** A method's single `return '<literal>'`. */
function literalReturn(body: CodeStatement[]): string | null {
  const returns = body.filter((s) => s.kind === "return");
  const [only] = returns;
  return returns.length === 1 && only?.kind === "return" && only.value?.kind === "string" ? only.value.value : null;
}

function classInfo(statement: Extract<CodeStatement, { kind: "class" }>): ClassInfo {
  const info: ClassInfo = { bases: statement.bases.map(lastPart).filter((b): b is string => b !== null), dbType: null, internalType: null, kwargs: {} };
  for (const member of statement.body) {
    if (member.kind !== "def") continue;
    if (member.name === "db_type") info.dbType = literalReturn(member.body);
    if (member.name === "get_internal_type") info.internalType = literalReturn(member.body);
    if (member.name !== "__init__") continue;
    for (const line of member.body) {
      // kwargs['max_length'] = 6
      if (line.kind === "assign" && line.target.startsWith("kwargs[")) {
        const key = line.target.slice("kwargs[".length, -1).replace(/^['"]|['"]$/g, "");
        info.kwargs[key] = line.value;
      }
      // kwargs.setdefault('max_length', 6)
      if (line.kind === "call" && line.name === "setdefault" && line.receiver?.kind === "name" && line.receiver.parts.join(".") === "kwargs") {
        const key = nameOf(line.args[0]);
        if (key && line.args[1]) info.kwargs[key] ??= line.args[1];
      }
    }
  }
  return info;
}

export class CustomFields {
  private readonly resolved = new Map<string, CustomField | null>();
  private readonly modules: PythonModules;

  constructor(readText: (path: string) => Promise<string>) {
    this.modules = new PythonModules(readText);
  }

  /** Reads the modules that define these dotted field classes (`utilities.fields.ColorField`), under the project root. */
  async load(dotted: string[], root: string): Promise<void> {
    for (const name of dotted) {
      if (this.resolved.has(name)) continue;
      const found = await this.modules.findClass(name, root);
      const classes = new Map((found?.statements ?? []).filter((s) => s.kind === "class").map((s) => [s.name, classInfo(s)]));
      this.resolved.set(name, found ? this.follow(found.statement.name, classes, new Set()) : null);
    }
  }

  get(dotted: string): CustomField | null {
    return this.resolved.get(dotted) ?? null;
  }

  /** Follows a class to the Django field it builds on, through the module's own classes. */
  private follow(name: string, classes: Map<string, ClassInfo>, seen: Set<string>): CustomField | null {
    const info = classes.get(name);
    if (!info || seen.has(name)) return null;
    seen.add(name);
    for (const base of info.bases) {
      const known = isKnownField(base) || RELATIONS.has(base) ? { base, dbType: null, kwargs: {} } : this.follow(base, classes, seen);
      if (!known && base !== "Field") continue;
      const inherited = known ?? { base: info.internalType, dbType: null, kwargs: {} };
      return { base: inherited.base ?? info.internalType, dbType: info.dbType ?? inherited.dbType, kwargs: { ...inherited.kwargs, ...info.kwargs } };
    }
    return null;
  }
}
