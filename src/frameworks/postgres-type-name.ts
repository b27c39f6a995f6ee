/**
 * A PostgreSQL type as DDL writes it (`varchar(255)`, `timestamptz`, `float`, `decimal(10,2)`) → the name
 * PostgreSQL itself reports (`format_type`: `character varying(255)`, `timestamp with time zone`,
 * `double precision`, `numeric(10,2)`), so that every reader spells a column's type the same way.
 * A name it does not know (an enum, `citext`, `geometry(Point,4326)`) is kept as written, lower-cased.
 */

const ALIASES: Record<string, string> = {
  int: "integer",
  int4: "integer",
  serial: "integer",
  serial4: "integer",
  int8: "bigint",
  bigserial: "bigint",
  serial8: "bigint",
  int2: "smallint",
  smallserial: "smallint",
  serial2: "smallint",
  float: "double precision",
  float8: "double precision",
  double: "double precision",
  float4: "real",
  bool: "boolean",
  decimal: "numeric",
  varchar: "character varying",
  char: "character",
  bpchar: "character",
  timestamptz: "timestamp with time zone",
  timetz: "time with time zone",
  varbit: "bit varying",
};

export function postgresTypeName(written: string): string {
  let text = written.trim().toLowerCase().replace(/\s+/g, " ");
  let array = "";
  while (text.endsWith("[]")) {
    array += "[]";
    text = text.slice(0, -2).trimEnd();
  }
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  let base = (open >= 0 ? text.slice(0, open) : text).trim();
  const args = open >= 0 && close > open ? text.slice(open + 1, close).replace(/\s+/g, "") : null;
  const after = close > open && open >= 0 ? text.slice(close + 1).trim() : "";
  if (base === "float" && args !== null) {
    // float(p): 1–24 is real, 25–53 double precision.
    return (Number(args) <= 24 ? "real" : "double precision") + array;
  }
  const suffix = args !== null ? `(${args})` : "";
  const [head = "", ...words] = base.split(" ");
  if (["timestamp", "time", "timestamptz", "timetz"].includes(head)) {
    const rest = [...words, after].join(" ");
    const zoned = head.endsWith("tz") || rest.includes("with time zone");
    return `${head.replace(/tz$/, "")}${suffix} ${zoned ? "with" : "without"} time zone${array}`;
  }
  base = ALIASES[base] ?? base;
  return `${base}${suffix}${after ? ` ${after}` : ""}${array}`;
}
