/**
 * JPA entities, for names only: `@Entity` classes map to `@Table(name = "…")` and their fields to
 * `@Column(name = "…")` / `@JoinColumn(name = "…")`. Where the code names no table or column, the name is
 * the naming strategy's (JPA's default or Spring Boot's snake_case), which the code does not say: left out.
 */
import { withTree, type Node } from "../../parse/tree-sitter.js";
import type { FrameworkReader, ModelMapping } from "../reader.js";

export const jpaReader: FrameworkReader = {
  async readMigrations() {
    return { migrations: [], unreadable: [] };
  },
  async readModels(paths, context): Promise<ModelMapping[]> {
    const out: ModelMapping[] = [];
    for (const path of paths.filter((p) => p.endsWith(".java"))) {
      const text = await context.readText(path);
      out.push(...(await withTree("java", text, (root) => readEntities(root, path))));
    }
    return out;
  },
};

const OTHER_TABLE = new Set(["ElementCollection", "CollectionTable", "JoinTable", "ManyToMany", "OneToMany"]);

interface Annotation {
  name: string;
  values: Map<string, string>;
}

function annotations(node: Node): Annotation[] {
  const modifiers = node.namedChildren.find((c) => c?.type === "modifiers");
  const out: Annotation[] = [];
  for (const child of modifiers?.namedChildren ?? []) {
    if (child?.type !== "annotation" && child?.type !== "marker_annotation") continue;
    const name = child.childForFieldName("name")?.text.split(".").at(-1) ?? "";
    const values = new Map<string, string>();
    for (const pair of child.childForFieldName("arguments")?.namedChildren ?? []) {
      if (pair?.type === "element_value_pair") {
        const value = pair.childForFieldName("value");
        if (value?.type === "string_literal") values.set(pair.childForFieldName("key")?.text ?? "", value.text.slice(1, -1));
      } else if (pair?.type === "string_literal") values.set("value", pair.text.slice(1, -1));
    }
    out.push({ name, values });
  }
  return out;
}

function readEntities(root: Node, path: string): ModelMapping[] {
  const out: ModelMapping[] = [];
  for (const klass of root.descendantsOfType("class_declaration")) {
    if (!klass) continue;
    const classAnnotations = annotations(klass);
    if (!classAnnotations.some((a) => a.name === "Entity")) continue;
    const table = classAnnotations.find((a) => a.name === "Table")?.values.get("name");
    if (!table) continue;
    const fields: Record<string, string> = {};
    for (const field of klass.childForFieldName("body")?.namedChildren ?? []) {
      if (field?.type !== "field_declaration") continue;
      const fieldAnnotations = annotations(field);
      // An element collection or a join table keeps its columns in another table, not this entity's.
      if (fieldAnnotations.some((a) => OTHER_TABLE.has(a.name))) continue;
      const named = fieldAnnotations.find((a) => a.name === "Column" || a.name === "JoinColumn")?.values.get("name");
      const declarator = field.childForFieldName("declarator")?.childForFieldName("name")?.text;
      if (named && declarator) fields[declarator] = named;
    }
    out.push({ model: klass.childForFieldName("name")?.text ?? "", table, fields, source: { path, line: klass.startPosition.row + 1 } });
  }
  return out;
}
