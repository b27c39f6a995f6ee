/** Words the task parser recognises: column types, frameworks and databases one upgrades. */

/** Column types, as people write them in tasks; `varchar(255)`, `numeric(12,2)` keep their arguments. */
export const TYPE_WORDS = [
  "bigint", "biginteger", "integer", "int", "int2", "int4", "int8", "smallint", "tinyint", "mediumint", "serial", "bigserial",
  "text", "varchar", "character varying", "string", "char", "citext", "boolean", "bool",
  "timestamptz", "timestamp", "datetime", "date", "time", "interval", "uuid", "json", "jsonb",
  "decimal", "numeric", "float", "double", "double precision", "real", "money", "bytea", "blob", "binary", "enum", "inet",
];

export const TYPE_PATTERN = new RegExp(
  `\\b(${[...TYPE_WORDS].sort((a, b) => b.length - a.length).map((t) => t.replace(/ /g, "\\s+")).join("|")})\\b(\\s*\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?(\\[\\])?`,
  "i",
);

/** Things one upgrades: frameworks, languages, databases. */
export const UPGRADE_TARGETS = [
  "rails", "activerecord", "django", "sqlalchemy", "alembic", "prisma", "drizzle", "knex", "typeorm", "sequelize", "laravel",
  "ecto", "phoenix", "elixir", "flyway", "liquibase", "goose", "spring boot", "spring", "hibernate", "ruby", "python", "node",
  "nodejs", "php", "java", "go", "postgres", "postgresql", "mysql", "mariadb", "sqlite", "next.js", "nextjs", "react",
];

/** Words that never name a table or column in a task. */
export const STOPWORDS = new Set([
  "a", "an", "the", "on", "in", "of", "to", "from", "for", "at", "as", "and", "or", "with", "without", "into", "by", "table",
  "tables", "column", "columns", "field", "fields", "index", "indexes", "unique", "constraint", "key", "foreign", "primary",
  "not", "null", "default", "type", "make", "add", "drop", "remove", "delete", "rename", "change", "alter", "set", "new",
  "concurrently", "online", "safely", "check", "please", "its", "it", "that", "this", "be", "is", "are", "should", "called",
  "named", "name", "value", "values", "nullable", "required", "backfill", "split", "merge", "upgrade", "convert", "migrate",
  "we", "i", "our", "my", "need", "want", "let", "us", "so", "can", "all", "existing", "rows", "data", "then", "also",
]);
