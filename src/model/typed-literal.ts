/**
 * A literal as its column reads it (model.md: literals typed by the column): `DEFAULT '0'` on an integer is
 * the number 0, `DEFAULT 'f'` on a boolean is false. Readers and replay type defaults with it; renderers
 * write them back for the column's type.
 */
import type { SqlDialect } from "./schema.js";

export type TypeClass = "boolean" | "number" | "string" | "unknown";

/** What kind of literal a column of this type takes; `unknown` when the type is. */
export function typeClass(type: string | null | undefined, dialect: SqlDialect): TypeClass {
  if (!type) return "unknown";
  const t = type.toLowerCase().trim();
  if (/\[\]$/.test(t)) return "string";
  if (/^(boolean|bool)$/.test(t) || (dialect === "mysql" && /^tinyint\(1\)/.test(t))) return "boolean";
  if (/^(small|big|medium|tiny)?int(eger)?\b|^int[248]\b|^(small|big)?serial\b|^serial[248]\b/.test(t)) return "number";
  if (/^(numeric|decimal|real|double|float|dec)\b/.test(t)) return "number";
  return "string";
}

const TRUE_WORDS = new Set(["t", "true", "y", "yes", "on", "1"]);
const FALSE_WORDS = new Set(["f", "false", "n", "no", "off", "0"]);

/** A literal as the column reads it: `'0'` into an integer is 0, `'f'` into a boolean is false, `0` into text is `'0'`. */
export function typedLiteral(value: string | number | boolean | null, type: string | null | undefined, dialect: SqlDialect): string | number | boolean | null {
  if (value === null) return null;
  const cls = typeClass(type, dialect);
  if (cls === "boolean") {
    const word = String(value).toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  if (cls === "number" && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) && String(Number(value)) === value.trim()) {
    return Number(value);
  }
  if (cls === "string" && typeof value === "number") return String(value);
  return value;
}
