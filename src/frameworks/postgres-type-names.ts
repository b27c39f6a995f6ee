/**
 * PostgreSQL type aliases as the database reports them (`format_type`): `varchar(255)` → `character varying(255)`,
 * `timestamptz` → `timestamp with time zone`, `int4` → `integer`. Framework code writes the aliases.
 */
const NAMES: Record<string, string> = {
  varchar: "character varying", "character varying": "character varying", char: "character", character: "character", bpchar: "character",
  int: "integer", int4: "integer", integer: "integer", int8: "bigint", bigint: "bigint", int2: "smallint", smallint: "smallint",
  float4: "real", real: "real", float8: "double precision", float: "double precision", double: "double precision", "double precision": "double precision",
  decimal: "numeric", numeric: "numeric", bool: "boolean", boolean: "boolean",
  timestamp: "timestamp without time zone", "timestamp without time zone": "timestamp without time zone",
  timestamptz: "timestamp with time zone", "timestamp with time zone": "timestamp with time zone",
  time: "time without time zone", timetz: "time with time zone", date: "date", text: "text", uuid: "uuid", json: "json", jsonb: "jsonb",
  bytea: "bytea", citext: "citext", inet: "inet", tsvector: "tsvector", serial: "serial", bigserial: "bigserial", serial4: "serial", serial8: "bigserial",
};

export function postgresTypeName(type: string): string {
  const trimmed = type.trim();
  const open = trimmed.indexOf("(");
  const arrayDepth = trimmed.endsWith("[]") ? "[]" : "";
  const bare = (open >= 0 ? trimmed.slice(0, open) : trimmed.replace("[]", "")).trim().toLowerCase();
  const args = open >= 0 ? trimmed.slice(open, trimmed.indexOf(")", open) + 1).replaceAll(" ", "") : "";
  const name = NAMES[bare] ?? bare;
  // `timestamp(6) with time zone`: the precision goes after the name PostgreSQL reports.
  const tail = open >= 0 ? trimmed.slice(trimmed.indexOf(")", open) + 1).trim().toLowerCase().replace("[]", "").trim() : "";
  if (tail === "with time zone" || tail === "without time zone") return `${bare === "time" ? "time" : "timestamp"}${args} ${tail}${arrayDepth}`;
  if (name.startsWith("timestamp") || name.startsWith("time ")) return args ? name.replace(/^(timestamp|time)/, `$1${args}`) + arrayDepth : name + arrayDepth;
  return `${name}${args}${arrayDepth}`;
}
