/**
 * Migrations that repeat a command through a private helper (`defp fixup(table, columns)`) or a `for` over a
 * literal list: the helper's body is read with its parameters bound to the call's arguments, the loop's body
 * once per item. Anything computed (a list from a query, interpolated SQL) stays as it is, and is listed.
 */
import { substituteNames, type CodeStatement, type CodeValue } from "../../parse/code-value.js";

export type Helpers = Map<string, { params: string[]; body: CodeStatement[] }>;

const MAX_DEPTH = 4;

export function expandStatements(statements: CodeStatement[], helpers: Helpers, depth = 0): CodeStatement[] {
  const out: CodeStatement[] = [];
  for (const statement of statements) {
    if (statement.kind !== "call" || depth > MAX_DEPTH) {
      out.push(statement);
      continue;
    }
    const helper = statement.receiver === null ? helpers.get(statement.name) : undefined;
    if (helper && helper.params.length === statement.args.length && helper.params.every((p) => /^[a-z_]\w*$/.test(p))) {
      const bindings = new Map(helper.params.map((p, i) => [p, statement.args[i]!] as [string, CodeValue]));
      out.push(...expandStatements(substituteNames(helper.body, bindings), helpers, depth + 1));
      continue;
    }
    const loop = statement.name === "for" && statement.block && statement.args.length === 1 ? statement.args[0] : undefined;
    if (loop?.kind === "operator" && loop.operator === "<-" && loop.operands[0]?.kind === "name" && loop.operands[1]?.kind === "list") {
      const variable = loop.operands[0].parts[0]!;
      for (const item of loop.operands[1].items) {
        out.push(...expandStatements(substituteNames(statement.block!.body, new Map([[variable, item]])), helpers, depth + 1));
      }
      continue;
    }
    out.push(statement.block ? { ...statement, block: { ...statement.block, body: expandStatements(statement.block.body, helpers, depth + 1) } } : statement);
  }
  return out;
}
