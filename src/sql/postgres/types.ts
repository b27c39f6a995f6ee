/**
 * A column type as PostgreSQL spells it (`format_type`): the parser turns `int` into `pg_catalog.int4`,
 * `varchar(255)` into `pg_catalog.varchar(255)`; the model keeps `integer`, `character varying(255)`.
 */
import type { Node, TypeName } from "libpg-query";
import { quoteIdentifier } from "../render/quote.js";
import { strings } from "./nodes.js";

/** Internal names → the spelling PostgreSQL shows; `%` is where a type modifier goes. */
const SPELLING: Record<string, string> = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
  varchar: "character varying%",
  bpchar: "character%",
  varbit: "bit varying%",
  timestamp: "timestamp% without time zone",
  timestamptz: "timestamp% with time zone",
  time: "time% without time zone",
  timetz: "time% with time zone",
  numeric: "numeric%",
  bit: "bit%",
};

export function typeSpelling(type: TypeName, deparse: (node: Node) => string): string {
  const names = strings(type.names);
  const builtin = names.length === 2 && names[0] === "pg_catalog" ? names[1]! : names.length === 1 ? names[0]! : null;
  const modifiers = (type.typmods ?? []).map((node) => modifierText(node));
  const arrays = "[]".repeat(type.arrayBounds?.length ?? 0);
  if (builtin !== null && builtin in SPELLING) {
    const spelled = SPELLING[builtin]!;
    if (modifiers.some((m) => m === null)) return deparse({ TypeName: type });
    const mods = modifiers.length ? `(${modifiers.join(",")})` : "";
    return (spelled.includes("%") ? spelled.replace("%", mods) : spelled + mods) + arrays;
  }
  if (builtin === "interval" && modifiers.length) return deparse({ TypeName: { ...type, names: [{ String: { sval: "interval" } }] } });
  const name = names[0] === "pg_catalog" ? names.slice(1) : names;
  if (modifiers.some((m) => m === null)) return deparse({ TypeName: type });
  const mods = modifiers.length ? `(${modifiers.join(",")})` : "";
  return name.map((part) => quoteIdentifier(part, "postgres")).join(".") + mods + arrays;
}

function modifierText(node: Node): string | null {
  if ("A_Const" in node) {
    const c = node.A_Const;
    if (c.ival) return String(c.ival.ival ?? 0);
    if (c.sval) return c.sval.sval ?? "";
  }
  if ("ColumnRef" in node) return strings(node.ColumnRef.fields).join(".");
  return null;
}
