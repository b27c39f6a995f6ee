import { z } from "zod";

/**
 * Parameter kinds the model may send loosely: numbers as numeric strings, booleans as "true"/"false"
 * (`z.coerce.boolean()` would turn "false" into true). Each call builds a fresh schema, so the JSON schema
 * the model sees spells every field out instead of pointing at shared `$defs`. The description sits on the
 * innermost schema, and `.optional()` goes last, for the same reason.
 */
export function wholeNumber(minimum: number, description: string) {
  return z.preprocess(numberFromString, z.number().int().min(minimum).describe(description));
}

export function flag(description: string) {
  return z.preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean().describe(description));
}

function numberFromString(value: unknown): unknown {
  if (typeof value !== "string" || value.trim() === "") return value;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
}
