import type { DefaultValue } from "../model/schema.js";

/**
 * A default written as SQL text (drizzle-kit's snapshot, TypeORM's TableColumn `default`): a lone quoted
 * string `'x'` is that literal, a number is a number, `true`/`false`/`NULL` are literals; anything else is
 * an expression the database evaluates (`now()`, `'{}'::jsonb`).
 */
export function defaultFromSql(text: string): DefaultValue {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'") && !trimmed.slice(1, -1).replaceAll("''", "").includes("'")) {
    return { kind: "literal", value: trimmed.slice(1, -1).replaceAll("''", "'") };
  }
  if (trimmed !== "" && Number.isFinite(Number(trimmed))) return { kind: "literal", value: Number(trimmed) };
  const lower = trimmed.toLowerCase();
  if (lower === "true" || lower === "false") return { kind: "literal", value: lower === "true" };
  if (lower === "null") return { kind: "literal", value: null };
  return { kind: "expression", sql: trimmed };
}
