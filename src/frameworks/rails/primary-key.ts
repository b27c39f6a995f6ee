/**
 * The primary key `create_table` adds unless `id: false`: `id` (or `primary_key:`), of the type `id:` names or
 * the version's default, with the default the adapter gives it (PostgreSQL's serial sequence, `gen_random_uuid()`
 * for uuid keys, MySQL's auto_increment).
 */
import type { ColumnSpec, ConstraintSpec } from "../../model/operations.js";
import { booleanOf, hasOption, nameOf, option, type CodeCall } from "../../parse/code-value.js";
import { namesIn } from "./column.js";
import type { RailsContext } from "./context.js";
import { railsType } from "./types.js";
import { defaultOf } from "./values.js";

const INTEGER_KEYS = new Set(["primary_key", "integer", "bigint", "serial", "bigserial"]);

export function primaryKeyOf(table: string, call: CodeCall, ctx: RailsContext): { columns: ColumnSpec[]; constraints: ConstraintSpec[] } {
  const id = option(call, "id");
  const primaryKey = option(call, "primary_key");
  const names = namesIn(primaryKey);
  if (names.length > 1) return { columns: [], constraints: [{ kind: "primary_key", name: null, columns: names }] };
  if (id && (booleanOf(id) === false || id.kind === "null")) return { columns: [], constraints: [] };
  const name = names[0] ?? "id";
  // `id: primary_key_type`, a value Ruby computes: the key exists, its type and default are unknown.
  if (id && nameOf(id) === null && id.kind !== "boolean") return { columns: [{ name, type: null, nullable: false, primaryKey: true }], constraints: [] };
  const type = nameOf(id) ?? (ctx.behavior.keyType === "integer" ? "integer" : "primary_key");
  const spec: ColumnSpec = { name, type: keyType(type, ctx), nullable: false, primaryKey: true };
  if (hasOption(call, "default")) {
    const value = defaultOf(option(call, "default")!);
    if (value !== undefined) spec.default = value;
  } else if (INTEGER_KEYS.has(type)) {
    if (ctx.dialect === "postgres") spec.default = { kind: "expression", sql: `nextval('${table}_${name}_seq'::regclass)` };
    else if (ctx.dialect !== null) spec.identity = "auto_increment";
  } else if (type === "uuid" && ctx.dialect === "postgres") {
    spec.default = { kind: "expression", sql: ctx.behavior.uuidDefault };
  } else {
    spec.default = null;
  }
  return { columns: [spec], constraints: [] };
}

function keyType(type: string, ctx: RailsContext): string | null {
  if (ctx.dialect === "sqlite" && INTEGER_KEYS.has(type)) return "integer";
  if (type === "primary_key") return ctx.dialect === null ? null : "bigint";
  return railsType(type === "serial" ? "integer" : type === "bigserial" ? "bigint" : type, {}, ctx.dialect, ctx.behavior);
}
