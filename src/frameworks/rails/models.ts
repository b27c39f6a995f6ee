/**
 * Active Record models → their tables: `self.table_name = "people"`, else the convention (plural snake case of
 * the class, its namespace dropped); a subclass of another model (single-table inheritance) shares its table.
 * `alias_attribute :new_name, :column` maps a code name to a column.
 */
import type { CodeStatement, CodeValue } from "../../parse/code-value.js";
import { nameOf } from "../../parse/code-value.js";
import { readRuby } from "../../parse/ruby-code.js";
import type { ModelMapping } from "../reader.js";
import { tableOfModel } from "./naming.js";

const ROOTS = new Set(["ApplicationRecord", "ActiveRecord::Base", "ActiveRecord.Base"]);

interface ModelClass {
  name: string;
  base: string | null;
  table: string | null;
  abstract: boolean;
  fields: Record<string, string>;
  path: string;
  line: number;
}

function baseName(value: CodeValue | undefined): string | null {
  return value?.kind === "name" ? value.parts.join("::") : null;
}

function classesIn(statements: CodeStatement[], path: string, namespace: string[], out: ModelClass[]): void {
  for (const statement of statements) {
    if (statement.kind !== "class") continue;
    const name = [...namespace, statement.name].join("::");
    const model: ModelClass = { name, base: baseName(statement.bases[0]), table: null, abstract: false, fields: {}, path, line: statement.line };
    for (const inner of statement.body) {
      if (inner.kind === "assign" && inner.target === "self.table_name") model.table = nameOf(inner.value);
      if (inner.kind === "assign" && inner.target === "self.abstract_class" && inner.value.kind === "boolean") model.abstract = inner.value.value;
      if (inner.kind === "call" && inner.name === "alias_attribute") {
        const [alias, column] = inner.args.map(nameOf);
        if (alias && column) model.fields[alias] = column;
      }
    }
    out.push(model);
    classesIn(statement.body, path, [...namespace, statement.name], out);
  }
}

export async function readModelFiles(files: { path: string; text: string }[]): Promise<ModelMapping[]> {
  const classes: ModelClass[] = [];
  for (const file of files) classesIn(await readRuby(file.text), file.path, [], classes);
  const byName = new Map(classes.map((c) => [c.name.split("::").pop()!, c]));
  const tableOf = (model: ModelClass, seen: Set<string>): string | null => {
    if (model.table) return model.table;
    if (model.base && ROOTS.has(model.base)) return tableOfModel(model.name);
    const parent = model.base ? byName.get(model.base.split("::").pop()!) : undefined;
    if (!parent || seen.has(parent.name)) return null;
    seen.add(parent.name);
    // A subclass of an abstract model has its own table; of a concrete one, its parent's (STI).
    return parent.abstract ? tableOfModel(model.name) : tableOf(parent, seen);
  };
  const mappings: ModelMapping[] = [];
  for (const model of classes) {
    if (model.abstract || model.name === "ApplicationRecord") continue;
    const table = tableOf(model, new Set([model.name]));
    if (table) mappings.push({ model: model.name, table, fields: model.fields, source: { path: model.path, line: model.line } });
  }
  return mappings;
}
