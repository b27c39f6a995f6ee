/**
 * A Blueprint column method (`$table->string('name', 100)`, `->decimal('price', 10, 2)`) → the column type each
 * grammar writes (Illuminate\Database\Schema\Grammars\{MySql,Postgres,SQLite}Grammar::type*), spelled as the
 * database reports it. Times default to precision 0, as Blueprint does.
 */
import type { SqlDialect } from "../../model/schema.js";

export interface TypeArgs {
  length: number | null;
  precision: number | null;
  scale: number | null;
  allowed: string[] | null;
  unsigned: boolean;
}

/** Column methods → the grammar type they use. */
export const COLUMN_METHODS: Record<string, string> = {
  id: "bigInteger", bigIncrements: "bigInteger", increments: "integer", mediumIncrements: "mediumInteger", smallIncrements: "smallInteger",
  tinyIncrements: "tinyInteger", integerIncrements: "integer",
  integer: "integer", bigInteger: "bigInteger", mediumInteger: "mediumInteger", smallInteger: "smallInteger", tinyInteger: "tinyInteger",
  unsignedInteger: "integer", unsignedBigInteger: "bigInteger", unsignedMediumInteger: "mediumInteger", unsignedSmallInteger: "smallInteger",
  unsignedTinyInteger: "tinyInteger", foreignId: "bigInteger", foreignIdFor: "bigInteger",
  string: "string", char: "char", text: "text", tinyText: "tinyText", mediumText: "mediumText", longText: "longText",
  boolean: "boolean", date: "date", dateTime: "dateTime", dateTimeTz: "dateTimeTz", time: "time", timeTz: "timeTz",
  timestamp: "timestamp", timestampTz: "timestampTz", year: "year", decimal: "decimal", unsignedDecimal: "decimal", float: "float",
  double: "double", json: "json", jsonb: "jsonb", uuid: "uuid", foreignUuid: "uuid", ulid: "ulid", foreignUlid: "ulid",
  binary: "binary", enum: "enum", set: "set", ipAddress: "ipAddress", macAddress: "macAddress", geometry: "geometry", point: "point",
};

const INCREMENTS = new Set(["id", "bigIncrements", "increments", "mediumIncrements", "smallIncrements", "tinyIncrements", "integerIncrements"]);
const UNSIGNED = new Set(["id", "bigIncrements", "increments", "mediumIncrements", "smallIncrements", "tinyIncrements", "unsignedInteger", "unsignedBigInteger", "unsignedMediumInteger", "unsignedSmallInteger", "unsignedTinyInteger", "foreignId", "foreignIdFor", "unsignedDecimal"]);

export function isIncrementing(method: string): boolean {
  return INCREMENTS.has(method);
}

export function isUnsigned(method: string): boolean {
  return UNSIGNED.has(method);
}

const quoted = (values: string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",");

export function laravelType(type: string, args: TypeArgs, dialect: SqlDialect | null): string | null {
  if (dialect === null) return null;
  if (dialect === "mysql") return mysql(type, args);
  if (dialect === "postgres") return postgres(type, args);
  return sqlite(type);
}

function mysql(type: string, { length, precision, scale, allowed, unsigned }: TypeArgs): string | null {
  const sign = unsigned ? " unsigned" : "";
  const time = (name: string) => `${name}${precision ? `(${precision})` : ""}`;
  switch (type) {
    case "bigInteger":
      return `bigint${sign}`;
    case "integer":
      return `int${sign}`;
    case "mediumInteger":
      return `mediumint${sign}`;
    case "smallInteger":
      return `smallint${sign}`;
    case "tinyInteger":
      return `tinyint${sign}`;
    case "string":
      return `varchar(${length ?? 255})`;
    case "char":
      return `char(${length ?? 255})`;
    case "text":
    case "tinyText":
    case "mediumText":
    case "longText":
      return type.toLowerCase();
    case "boolean":
      return "tinyint(1)";
    case "date":
    case "year":
      return type;
    case "dateTime":
    case "dateTimeTz":
      return time("datetime");
    case "timestamp":
    case "timestampTz":
      return time("timestamp");
    case "time":
    case "timeTz":
      return time("time");
    case "decimal":
      return `decimal(${precision ?? 8},${scale ?? 2})${sign}`;
    case "float":
      // MySQL stores FLOAT(p) with p over 24 as DOUBLE.
      return precision !== null && precision <= 24 ? "float" : "double";
    case "double":
      return "double";
    case "json":
    case "jsonb":
      return "json";
    case "uuid":
      return "char(36)";
    case "ulid":
      return "char(26)";
    case "binary":
      return "blob";
    case "enum":
    case "set":
      return allowed ? `${type}(${quoted(allowed)})` : null;
    case "ipAddress":
      return "varchar(45)";
    case "macAddress":
      return "varchar(17)";
    default:
      return null;
  }
}

function postgres(type: string, { length, precision, scale }: TypeArgs): string | null {
  const time = (name: string, zone: string) => `${name}(${precision ?? 0}) ${zone} time zone`;
  switch (type) {
    case "bigInteger":
      return "bigint";
    case "integer":
    case "mediumInteger":
    case "year":
      return "integer";
    case "smallInteger":
    case "tinyInteger":
      return "smallint";
    case "string":
      return `character varying(${length ?? 255})`;
    case "char":
      return `character(${length ?? 255})`;
    case "tinyText":
      return "character varying(255)";
    case "text":
    case "mediumText":
    case "longText":
      return "text";
    case "boolean":
      return "boolean";
    case "date":
      return "date";
    case "dateTime":
    case "timestamp":
      return time("timestamp", "without");
    case "dateTimeTz":
    case "timestampTz":
      return time("timestamp", "with");
    case "time":
      return time("time", "without");
    case "timeTz":
      return time("time", "with");
    case "decimal":
      return `numeric(${precision ?? 8},${scale ?? 2})`;
    case "float":
      return precision !== null && precision <= 24 ? "real" : "double precision";
    case "double":
      return "double precision";
    case "json":
    case "jsonb":
    case "uuid":
      return type;
    case "ulid":
      return "character(26)";
    case "binary":
      return "bytea";
    case "enum":
      return "character varying(255)";
    case "ipAddress":
      return "inet";
    case "macAddress":
      return "macaddr";
    default:
      return null;
  }
}

function sqlite(type: string): string | null {
  switch (type) {
    case "bigInteger":
    case "integer":
    case "mediumInteger":
    case "smallInteger":
    case "tinyInteger":
    case "year":
      return "integer";
    case "string":
    case "char":
    case "uuid":
    case "ulid":
    case "ipAddress":
    case "macAddress":
    case "enum":
      return "varchar";
    case "text":
    case "tinyText":
    case "mediumText":
    case "longText":
    case "json":
    case "jsonb":
      return "text";
    case "boolean":
      return "tinyint(1)";
    case "date":
      return "date";
    case "dateTime":
    case "dateTimeTz":
    case "timestamp":
    case "timestampTz":
      return "datetime";
    case "time":
    case "timeTz":
      return "time";
    case "decimal":
      return "numeric";
    case "float":
      return "float";
    case "double":
      return "double";
    case "binary":
      return "blob";
    default:
      return null;
  }
}
