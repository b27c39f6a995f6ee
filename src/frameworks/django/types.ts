/**
 * A Django field class → the column type its backend creates (each backend's `data_types`), spelled as the
 * database reports it. Fields that are not columns (ManyToManyField, GenericForeignKey) have none; a field class
 * Django does not define is unknown, unless the project defines it on a known one (custom-fields.ts).
 */
import type { SqlDialect } from "../../model/schema.js";

export interface TypeArgs {
  maxLength: number | null;
  maxDigits: number | null;
  decimalPlaces: number | null;
}

/** Fields that are CharFields with a default max_length. */
const CHAR_DEFAULTS: Record<string, number> = { EmailField: 254, URLField: 200, SlugField: 50, FileField: 100, ImageField: 100, FilePathField: 100 };

const POSTGRES: Record<string, string> = {
  AutoField: "integer", BigAutoField: "bigint", SmallAutoField: "smallint", BinaryField: "bytea", BooleanField: "boolean",
  NullBooleanField: "boolean", DateField: "date", DateTimeField: "timestamp with time zone", DurationField: "interval",
  FloatField: "double precision", IntegerField: "integer", BigIntegerField: "bigint", IPAddressField: "inet",
  GenericIPAddressField: "inet", JSONField: "jsonb", PositiveBigIntegerField: "bigint", PositiveIntegerField: "integer",
  PositiveSmallIntegerField: "smallint", SmallIntegerField: "smallint", TextField: "text", TimeField: "time without time zone",
  UUIDField: "uuid", HStoreField: "hstore", CICharField: "citext", CIEmailField: "citext", CITextField: "citext",
  IntegerRangeField: "int4range", BigIntegerRangeField: "int8range", DecimalRangeField: "numrange",
  DateTimeRangeField: "tstzrange", DateRangeField: "daterange", SearchVectorField: "tsvector",
};

const MYSQL: Record<string, string> = {
  AutoField: "int", BigAutoField: "bigint", SmallAutoField: "smallint", BinaryField: "longblob", BooleanField: "tinyint(1)",
  NullBooleanField: "tinyint(1)", DateField: "date", DateTimeField: "datetime(6)", DurationField: "bigint", FloatField: "double",
  IntegerField: "int", BigIntegerField: "bigint", IPAddressField: "char(15)", GenericIPAddressField: "char(39)", JSONField: "json",
  PositiveBigIntegerField: "bigint unsigned", PositiveIntegerField: "int unsigned", PositiveSmallIntegerField: "smallint unsigned",
  SmallIntegerField: "smallint", TextField: "longtext", TimeField: "time(6)", UUIDField: "char(32)",
};

const SQLITE: Record<string, string> = {
  AutoField: "integer", BigAutoField: "integer", SmallAutoField: "integer", BinaryField: "BLOB", BooleanField: "bool",
  NullBooleanField: "bool", DateField: "date", DateTimeField: "datetime", DurationField: "bigint", FloatField: "real",
  IntegerField: "integer", BigIntegerField: "bigint", IPAddressField: "char(15)", GenericIPAddressField: "char(39)", JSONField: "text",
  PositiveBigIntegerField: "bigint unsigned", PositiveIntegerField: "integer unsigned", PositiveSmallIntegerField: "smallint unsigned",
  SmallIntegerField: "smallint", TextField: "text", TimeField: "time", UUIDField: "char(32)",
};

export const AUTO_FIELDS = new Set(["AutoField", "BigAutoField", "SmallAutoField"]);
export const POSITIVE_FIELDS = new Set(["PositiveIntegerField", "PositiveSmallIntegerField", "PositiveBigIntegerField"]);

/** Whether Django knows the class as a column field. */
export function isKnownField(fieldClass: string): boolean {
  return fieldClass === "CharField" || fieldClass === "DecimalField" || fieldClass === "ArrayField" || fieldClass in CHAR_DEFAULTS || fieldClass in POSTGRES;
}

export function djangoType(fieldClass: string, args: TypeArgs, dialect: SqlDialect | null): string | null {
  if (dialect === null) return null;
  if (fieldClass === "CharField" || fieldClass in CHAR_DEFAULTS) {
    const length = args.maxLength ?? CHAR_DEFAULTS[fieldClass] ?? null;
    if (dialect === "postgres") return length === null ? "character varying" : `character varying(${length})`;
    return length === null ? null : `varchar(${length})`;
  }
  if (fieldClass === "DecimalField") {
    if (args.maxDigits === null || args.decimalPlaces === null) return null;
    const name = dialect === "postgres" ? "numeric" : "decimal";
    return `${name}(${args.maxDigits},${args.decimalPlaces})`;
  }
  const table = dialect === "postgres" ? POSTGRES : dialect === "mysql" ? MYSQL : SQLITE;
  return table[fieldClass] ?? null;
}

/** The type of a column that references a field of this class (`rel_db_type`): an auto field's integer, else its own type. */
export function referenceType(fieldClass: string, ownType: string | null, dialect: SqlDialect | null): string | null {
  if (!AUTO_FIELDS.has(fieldClass)) return ownType;
  if (dialect === "mysql") return fieldClass === "AutoField" ? "int" : fieldClass === "BigAutoField" ? "bigint" : "smallint";
  return djangoType(fieldClass === "AutoField" ? "IntegerField" : fieldClass === "BigAutoField" ? "BigIntegerField" : "SmallIntegerField", { maxLength: null, maxDigits: null, decimalPlaces: null }, dialect);
}
