/**
 * Drizzle's `sql` tagged template as SQL: `sql\`lower(${t.email})\`` → `lower("email")`, each `${table.prop}`
 * replaced by the quoted SQL name of the column it refers to. Null when a substitution is not a column.
 */
import type { Node } from "../../parse/tree-sitter.js";
import { memberPath } from "../../parse/js-values.js";

export function sqlTemplate(template: Node, column: (path: string[]) => string | null): { sql: string; columns: string[] } | null {
  let sql = "";
  const columns: string[] = [];
  for (const child of template.namedChildren) {
    if (!child) continue;
    if (child.type === "string_fragment" || child.type === "escape_sequence") sql += child.text;
    else if (child.type === "template_substitution") {
      const inner = child.namedChildren[0];
      const path = inner ? memberPath(inner) : null;
      const name = path ? column(path) : null;
      if (name === null) return null;
      sql += `"${name.replaceAll('"', '""')}"`;
      columns.push(name);
    }
  }
  return { sql, columns };
}
