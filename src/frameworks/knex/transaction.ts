/**
 * A Knex migration runs in a transaction unless it opts out (knex/knex#3913):
 * `exports.config = { transaction: false }`, `export const config = { transaction: false }`,
 * `module.exports = { up, down, config: { transaction: false } }` or `exports.config.transaction = false`.
 */
import type { Source } from "../../model/schema.js";
import { exportedValue } from "../../parse/js-exports.js";
import { lineOf, memberPath } from "../../parse/js-values.js";
import type { Node } from "../../parse/tree-sitter.js";

export function transactionOptOut(root: Node, path: string): Source | null {
  const config = exportedValue(root, "config");
  const flag = config?.kind === "object" ? config.entries.get("transaction") : undefined;
  if (flag?.kind === "boolean" && !flag.value) return { path, line: lineOf(flag.node) };
  for (const statement of root.namedChildren) {
    const assignment = statement?.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (assignment?.type !== "assignment_expression") continue;
    const left = memberPath(assignment.childForFieldName("left")!);
    if (left?.slice(-2).join(".") === "config.transaction" && assignment.childForFieldName("right")?.type === "false") {
      return { path, line: lineOf(assignment) };
    }
  }
  return null;
}
