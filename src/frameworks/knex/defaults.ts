import type { DefaultValue, SqlDialect } from "../../model/schema.js";
import { asString, calleePath, type JsValue } from "../../parse/js-values.js";

/**
 * The default `defaultTo(value)` gives, as knex writes it: a literal, `knex.fn.now()` → CURRENT_TIMESTAMP,
 * `knex.raw('…')` → that SQL. Undefined when the value is computed at run time (a constant from another
 * module), which leaves the default unknown.
 */
export function knexDefault(value: JsValue | undefined, dialect: SqlDialect | null): DefaultValue | undefined {
  if (!value) return undefined;
  switch (value.kind) {
    case "string":
    case "number":
    case "boolean":
      return { kind: "literal", value: value.value };
    case "null":
      return { kind: "literal", value: null };
    case "call": {
      const path = calleePath(value.chain);
      const last = path.at(-1);
      if (path.includes("fn") && last === "now") return { kind: "expression", sql: "CURRENT_TIMESTAMP" };
      if (path.includes("fn") && last === "uuid") {
        if (dialect === "postgres") return { kind: "expression", sql: "gen_random_uuid()" };
        if (dialect === "mysql") return { kind: "expression", sql: "(UUID())" };
        return undefined;
      }
      if (last === "raw") {
        const sql = asString(value.chain.links.at(-1)?.args[0]);
        return sql === null ? undefined : { kind: "expression", sql };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
