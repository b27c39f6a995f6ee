/**
 * Liquibase's portable types as each database gets them (liquibase-core's `datatype/core/*Type.java`):
 * `BOOLEAN` is `bit(1)` on MySQL, `DATETIME` is `timestamp without time zone` on PostgreSQL, `CLOB` is
 * `longtext`/`text`. Anything else is the type as written, in the database's spelling.
 */
import type { SqlDialect } from "../../model/schema.js";
import { postgresTypeName } from "../postgres-type-names.js";

const MYSQL: Record<string, string> = { boolean: "bit(1)", bool: "bit(1)", clob: "longtext", blob: "longblob", integer: "int", "java.sql.types.integer": "int", uuid: "char(36)", currency: "decimal(19,4)" };
const POSTGRES: Record<string, string> = { datetime: "timestamp without time zone", clob: "text", blob: "bytea", tinyint: "smallint", double: "double precision", longtext: "text", mediumtext: "text", longblob: "bytea", currency: "numeric(19,4)" };

export function liquibaseType(type: string | undefined, dialect: SqlDialect | null): string | null {
  if (!type || type.includes("${")) return null;
  const text = type.trim().toLowerCase();
  const open = text.indexOf("(");
  const bare = (open >= 0 ? text.slice(0, open) : text).trim();
  const args = open >= 0 ? text.slice(open).replaceAll(" ", "") : "";
  // MySQL reports a zero fractional-seconds precision as the bare type: datetime(0) is `datetime`.
  if (dialect === "mysql") return MYSQL[bare] ? MYSQL[bare]! : `${bare}${args === "(0)" && ["datetime", "timestamp", "time"].includes(bare) ? "" : args}`;
  if (dialect === "postgres") {
    if (bare === "datetime") return args ? `timestamp${args} without time zone` : POSTGRES.datetime!;
    return POSTGRES[bare] ?? postgresTypeName(`${bare}${args}`);
  }
  if (dialect === "sqlite") return `${bare}${args}`;
  return null;
}
