/**
 * Conditions in migrations. What the reader can decide it decides: the adapter (`connection.adapter_name ==
 * "PostgreSQL"`) from the database's dialect, `supports_datetime_with_precision?` (every supported version).
 * An existence guard (`unless index_exists?`) is taken, since replay runs each migration on the state before it.
 * Anything else is taken and listed, so that nothing is assumed in silence.
 */
import { brief, nameOf, type CodeStatement, type CodeValue } from "../../parse/code-value.js";
import type { RailsContext } from "./context.js";

const ADAPTERS: Record<string, string[]> = { postgres: ["postgresql", "postgis"], mysql: ["mysql2", "trilogy", "mysql"], sqlite: ["sqlite", "sqlite3"] };

function evaluate(value: CodeValue, ctx: RailsContext): boolean | null {
  if (value.kind === "boolean") return value.value;
  if (value.kind === "call" && value.name === "supports_datetime_with_precision?") return ctx.dialect === null ? null : true;
  if (value.kind === "operator" && (value.operator === "!" || value.operator === "not")) {
    const inner = evaluate(value.operands[0]!, ctx);
    return inner === null ? null : !inner;
  }
  if (value.kind === "operator" && (value.operator === "==" || value.operator === "!=") && ctx.dialect) {
    const [left, right] = value.operands;
    const adapter = left?.kind === "call" && left.name === "adapter_name" ? nameOf(right) : right?.kind === "call" && right.name === "adapter_name" ? nameOf(left) : null;
    if (adapter === null) return null;
    const same = ADAPTERS[ctx.dialect]!.includes(adapter.toLowerCase());
    return value.operator === "==" ? same : !same;
  }
  return null;
}

/** The statements a branch runs, as far as the reader can tell. */
export function branchTaken(branch: Extract<CodeStatement, { kind: "branch" }>, ctx: RailsContext): CodeStatement[] {
  const value = evaluate(branch.condition, ctx);
  if (value !== null) return value !== branch.negated ? branch.then : branch.otherwise;
  const guard = branch.condition.kind === "call" && branch.condition.name.endsWith("_exists?");
  if (!guard || branch.otherwise.length) {
    const text = "text" in branch.condition ? brief(branch.condition.text) : branch.condition.kind;
    ctx.unreadable.push({ path: ctx.path, line: branch.line, message: `replayed as if this condition holds: ${text}` });
  }
  return branch.then;
}
