/**
 * Conditions on the database in migrations and type decorators: `op.get_bind().dialect.name == "postgresql"`,
 * `dialect.name != "sqlite"`, a helper such as `is_postgres()` whose body returns such a comparison. Decided
 * from the repo's dialect; anything else is undecided (null).
 */
import type { SqlDialect } from "../../model/schema.js";
import { nameOf, type CodeStatement, type CodeValue } from "../../parse/code-value.js";

const NAMES: Record<SqlDialect, string[]> = { postgres: ["postgresql", "postgres"], mysql: ["mysql", "mariadb"], sqlite: ["sqlite"] };

function isDialectName(value: CodeValue | undefined, helpers: Map<string, CodeStatement[]> = new Map()): boolean {
  if (!value) return false;
  // `get_db_type()` whose body is `return op.get_context().dialect.name`.
  if (value.kind === "call" && value.receiver === null && helpers.has(value.name)) {
    const [only] = helpers.get(value.name)!.filter((s) => s.kind === "return");
    return only?.kind === "return" && only.value !== null && isDialectName(only.value);
  }
  if (value.kind === "name") return value.parts.slice(-2).join(".") === "dialect.name";
  return value.kind === "other" && value.text.replace(/\s/g, "").endsWith("dialect.name");
}

/** `url.startswith("mysql")` where `url` holds the engine's URL (`str(bind.engine.url)`). */
function urlScheme(value: CodeValue, locals: Map<string, CodeValue>): string | null {
  if (value.kind !== "call" || value.name !== "startswith" || value.receiver?.kind !== "name") return null;
  const bound = value.receiver.parts.length === 1 ? locals.get(value.receiver.parts[0]!) : value.receiver;
  const text = bound?.kind === "call" ? bound.text : bound?.kind === "name" ? bound.parts.join(".") : "";
  return text.replace(/\s/g, "").endsWith("url)") || text.endsWith(".url") ? nameOf(value.args[0]) : null;
}

/** Whether the condition holds on this dialect; `helpers` are the file's own functions, `locals` its names. */
export function dialectCondition(value: CodeValue, dialect: SqlDialect, helpers: Map<string, CodeStatement[]> = new Map(), locals: Map<string, CodeValue> = new Map()): boolean | null {
  const scheme = urlScheme(value, locals);
  if (scheme !== null) return NAMES[dialect].some((n) => n.startsWith(scheme.toLowerCase()) || scheme.toLowerCase().startsWith(n));
  if (value.kind === "operator" && ["is", "is not", "==", "!="].includes(value.operator) && value.operands[1]?.kind === "boolean") {
    const inner = dialectCondition(value.operands[0]!, dialect, helpers, locals);
    if (inner === null) return null;
    const same = inner === value.operands[1].value;
    return value.operator === "is" || value.operator === "==" ? same : !same;
  }
  if (value.kind === "operator" && (value.operator === "==" || value.operator === "!=")) {
    const [left, right] = value.operands;
    const literal = isDialectName(left, helpers) ? nameOf(right) : isDialectName(right, helpers) ? nameOf(left) : null;
    if (literal === null) return null;
    const same = NAMES[dialect].includes(literal.toLowerCase());
    return value.operator === "==" ? same : !same;
  }
  if (value.kind === "operator" && value.operator === "not") {
    const inner = dialectCondition(value.operands[0]!, dialect, helpers, locals);
    return inner === null ? null : !inner;
  }
  if (value.kind === "call" && value.receiver === null && helpers.has(value.name)) {
    const [only] = helpers.get(value.name)!.filter((s) => s.kind === "return");
    return only?.kind === "return" && only.value ? dialectCondition(only.value, dialect, helpers, locals) : null;
  }
  return null;
}
