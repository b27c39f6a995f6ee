/**
 * Prisma field types → the column type Prisma Migrate creates, per provider (Prisma's "database type
 * mappings" reference): the scalar's default type, or the native type `@db.VarChar(255)` names.
 */
import type { SqlDialect } from "../../model/schema.js";
import type { Attribute } from "./ast.js";

const SCALARS: Record<string, Record<SqlDialect, string | null>> = {
  String: { postgres: "text", mysql: "varchar(191)", sqlite: "text" },
  Int: { postgres: "integer", mysql: "int", sqlite: "integer" },
  BigInt: { postgres: "bigint", mysql: "bigint", sqlite: "bigint" },
  Float: { postgres: "double precision", mysql: "double", sqlite: "real" },
  Decimal: { postgres: "numeric(65,30)", mysql: "decimal(65,30)", sqlite: "decimal" },
  Boolean: { postgres: "boolean", mysql: "tinyint(1)", sqlite: "boolean" },
  DateTime: { postgres: "timestamp(3) without time zone", mysql: "datetime(3)", sqlite: "datetime" },
  Json: { postgres: "jsonb", mysql: "json", sqlite: null },
  Bytes: { postgres: "bytea", mysql: "longblob", sqlite: "blob" },
};

const POSTGRES_NATIVE: Record<string, (args: string) => string> = {
  VarChar: (a) => `character varying${a}`, Char: (a) => `character${a}`, Text: () => "text", Uuid: () => "uuid",
  Integer: () => "integer", SmallInt: () => "smallint", BigInt: () => "bigint", Oid: () => "oid",
  DoublePrecision: () => "double precision", Real: () => "real", Decimal: (a) => `numeric${a}`, Money: () => "money",
  Boolean: () => "boolean", Date: () => "date", Time: (a) => `time${a} without time zone`, Timetz: (a) => `time${a} with time zone`,
  Timestamp: (a) => `timestamp${a} without time zone`, Timestamptz: (a) => `timestamp${a} with time zone`,
  Json: () => "json", JsonB: () => "jsonb", ByteA: () => "bytea", Xml: () => "xml", Inet: () => "inet", Citext: () => "citext", Bit: (a) => `bit${a}`, VarBit: (a) => `bit varying${a}`,
};

function nativeArgs(attribute: Attribute): string {
  const values = attribute.args.map((a) => (a.value.kind === "number" ? String(a.value.value) : a.value.kind === "name" ? a.value.name : ""));
  return values.length ? `(${values.join(",")})` : "";
}

/** The column type; null when the provider or a native type is not known here. */
export function prismaColumnType(type: string, attributes: Attribute[], dialect: SqlDialect | null, enumType: string | null): string | null {
  if (!dialect) return null;
  const native = attributes.find((a) => a.name.startsWith("db."));
  if (native) {
    const nativeName = native.name.slice(3);
    const args = nativeArgs(native);
    if (dialect === "postgres") return POSTGRES_NATIVE[nativeName]?.(args) ?? null;
    return `${nativeName.toLowerCase()}${args}`;
  }
  if (type.startsWith("Unsupported(")) return type.slice("Unsupported(".length, -1);
  if (enumType !== null) return enumType;
  return SCALARS[type]?.[dialect] ?? null;
}
