/**
 * Identifier quoting by construction: a name is quoted when the database would otherwise fold it
 * (PostgreSQL lower-cases `User`) or refuse it (a reserved word such as `order`, a space, a leading digit).
 */
import { keywordKindOf } from "@pgsql/quotes";
import type { SqlDialect } from "../../model/schema.js";

/** MySQL 8.0 / MariaDB reserved words (MySQL's "Keywords and Reserved Words", the (R) entries). Quoting one more never hurts. */
const MYSQL_RESERVED = new Set(
  `accessible add all alter analyze and as asc asensitive before between bigint binary blob both by call cascade case change char
  character check collate column condition constraint continue convert create cross cube cume_dist current_date current_time
  current_timestamp current_user cursor database databases day_hour day_microsecond day_minute day_second dec decimal declare
  default delayed delete dense_rank desc describe deterministic distinct distinctrow div double drop dual each else elseif empty
  enclosed escaped except exists exit explain false fetch first_value float float4 float8 for force foreign from fulltext function
  generated get grant group grouping groups having high_priority hour_microsecond hour_minute hour_second if ignore in index infile
  inner inout insensitive insert int int1 int2 int3 int4 int8 integer intersect interval into io_after_gtids io_before_gtids is
  iterate join json_table key keys kill lag last_value lateral lead leading leave left like limit linear lines load localtime
  localtimestamp lock long longblob longtext loop low_priority master_bind master_ssl_verify_server_cert match maxvalue mediumblob
  mediumint mediumtext middleint minute_microsecond minute_second mod modifies natural not no_write_to_binlog nth_value ntile null
  numeric of offset on optimize optimizer_costs option optionally or order out outer outfile over partition percent_rank precision
  primary procedure purge range rank read reads read_write real recursive references regexp release rename repeat replace require
  resignal restrict return returning revoke right rlike row row_number rows schema schemas second_microsecond select sensitive
  separator set show signal smallint spatial specific sql sqlexception sqlstate sqlwarning sql_big_result sql_calc_found_rows
  sql_small_result ssl starting stored straight_join system table terminated then tinyblob tinyint tinytext to trailing trigger
  true undo union unique unlock unsigned update usage use using utc_date utc_time utc_timestamp values varbinary varchar varcharacter
  varying virtual when where while window with write xor year_month zerofill`.split(/\s+/),
);

/** SQLite's keywords (sqlite.org/lang_keywords.html). SQLite accepts many of them as names, but not all, in every position. */
const SQLITE_KEYWORDS = new Set(
  `abort action add after all alter always analyze and as asc attach autoincrement before begin between by cascade case cast check
  collate column commit conflict constraint create cross current current_date current_time current_timestamp database default
  deferrable deferred delete desc detach distinct do drop each else end escape except exclude exclusive exists explain fail filter
  first following for foreign from full generated glob group groups having if ignore immediate in index indexed initially inner
  insert instead intersect into is isnull join key last left like limit match materialized natural no not nothing notnull null nulls
  of offset on or order others outer over partition plan pragma preceding primary query raise range recursive references regexp
  reindex release rename replace restrict returning right rollback row rows savepoint select set table temp temporary then ties to
  transaction trigger unbounded union unique update using vacuum values view virtual when where window with without`.split(/\s+/),
);

export function quoteIdentifier(name: string, dialect: SqlDialect): string {
  return needsQuotes(name, dialect) ? quoted(name, dialect) : name;
}

/** A possibly schema-qualified name (`auth.users`) as the model holds it: each part quoted on its own. */
export function quoteQualified(name: string, dialect: SqlDialect): string {
  return name
    .split(".")
    .map((part) => quoteIdentifier(part, dialect))
    .join(".");
}

function needsQuotes(name: string, dialect: SqlDialect): boolean {
  const lower = name.toLowerCase();
  switch (dialect) {
    case "postgres":
      return !/^[a-z_][a-z0-9_$]*$/.test(name) || keywordKindOf(lower) !== "NO_KEYWORD" && keywordKindOf(lower) !== "UNRESERVED_KEYWORD";
    case "mysql":
      return !/^[A-Za-z0-9_$]+$/.test(name) || /^[0-9]+$/.test(name) || /^[0-9]+e/i.test(name) || MYSQL_RESERVED.has(lower);
    case "sqlite":
      return !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || SQLITE_KEYWORDS.has(lower);
  }
}

function quoted(name: string, dialect: SqlDialect): string {
  const quote = dialect === "mysql" ? "`" : '"';
  return quote + name.replaceAll(quote, quote + quote) + quote;
}

/** A string literal: single quotes, doubled inside (and, for MySQL, backslashes doubled, since it reads them as escapes). */
export function quoteString(value: string, dialect: SqlDialect): string {
  const escaped = value.replaceAll("'", "''");
  return `'${dialect === "mysql" ? escaped.replaceAll("\\", "\\\\") : escaped}'`;
}
