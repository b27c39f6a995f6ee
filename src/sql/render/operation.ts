/**
 * Operation → SQL statements for one dialect, one statement per string (MySQL drivers refuse several in one
 * call), no trailing semicolon. Names are quoted by construction, literals typed by their column; what a
 * dialect cannot do, or a fact the model lacks, is a visible placeholder that fails if run.
 */
import type { ColumnSpec, Operation } from "../../model/operations.js";
import { findColumn, findTable, type Schema, type SqlDialect } from "../../model/schema.js";
import { placeholder, renderDefault } from "../literal.js";
import { columnDefinition, constraintDefinition, q, qt } from "./parts.js";
import { quoteString } from "./quote.js";
import { renderIndex, renderDropIndex, renderMaintenance } from "./statements.js";

export interface RenderContext {
  /** The schema the operation applies to: column types for literals, MySQL's whole-column MODIFY, constraint kinds. */
  schema?: Schema;
}

export function renderOperation(op: Operation, dialect: SqlDialect, context: RenderContext = {}): string[] {
  const d = dialect;
  const alter = (table: string) => `ALTER TABLE ${qt(table, d)}`;
  const only = (which: SqlDialect[], what: string, sql: () => string[]) => (which.includes(d) ? sql() : [placeholder(`${what} has no ${d} statement`)]);
  const mysql = (clauses?: { algorithm?: string; lock?: string }) =>
    d === "mysql" && clauses ? [clauses.algorithm && `ALGORITHM=${clauses.algorithm}`, clauses.lock && `LOCK=${clauses.lock}`].filter(Boolean).map((c) => `, ${c}`).join("") : "";
  switch (op.kind) {
    case "create_table": {
      const name = op.schema && op.schema !== "public" ? `${op.schema}.${op.table}` : op.table;
      const body = [...op.columns.map((c) => columnDefinition(c, op.table, d)), ...op.constraints.map((c) => constraintDefinition(c, d))];
      return [`CREATE TABLE ${op.ifNotExists ? "IF NOT EXISTS " : ""}${qt(name, d)} (\n  ${body.join(",\n  ")}\n)`];
    }
    case "drop_table":
      return [`DROP TABLE ${op.ifExists ? "IF EXISTS " : ""}${qt(op.table, d)}${op.cascade && d === "postgres" ? " CASCADE" : ""}`];
    case "rename_table":
      return [`${alter(op.table)} RENAME TO ${qt(op.to, d)}`];
    case "add_column":
      return [`${alter(op.table)} ADD COLUMN ${op.ifNotExists && d !== "sqlite" ? "IF NOT EXISTS " : ""}${columnDefinition(op.column, op.table, d)}${mysql(op.mysql)}`];
    case "drop_column":
      return [`${alter(op.table)} DROP COLUMN ${op.ifExists && d === "postgres" ? "IF EXISTS " : ""}${q(op.column, d)}${op.cascade && d === "postgres" ? " CASCADE" : ""}`];
    case "rename_column":
      return [`${alter(op.table)} RENAME COLUMN ${q(op.column, d)} TO ${q(op.to, d)}`];
    case "change_type":
      if (d === "postgres") return [`${alter(op.table)} ALTER COLUMN ${q(op.column, d)} TYPE ${op.type}${op.using ? ` USING ${op.using}` : ""}`];
      if (d === "mysql") return [modify(op.table, op.column, { type: op.type }, context, op.mysql)];
      return [placeholder(`SQLite cannot change ${op.table}.${op.column}'s type in place: rebuild the table`)];
    case "redefine_column":
      if (d === "mysql") {
        const head = op.to ? `CHANGE COLUMN ${q(op.column, d)}` : "MODIFY COLUMN";
        return [`${alter(op.table)} ${head} ${columnDefinition({ ...op.spec, name: op.to ?? op.column }, op.table, d)}${mysql(op.mysql)}`];
      }
      if (d === "sqlite") return [placeholder(`SQLite cannot redefine ${op.table}.${op.column} in place: rebuild the table`)];
      return redefineOnPostgres(op.table, op.column, op.spec, op.to);
    case "set_nullable":
      if (d === "postgres") return [`${alter(op.table)} ALTER COLUMN ${q(op.column, d)} ${op.nullable ? "DROP" : "SET"} NOT NULL`];
      if (d === "mysql") return [modify(op.table, op.column, { nullable: op.nullable }, context)];
      return [placeholder(`SQLite cannot change ${op.table}.${op.column}'s nullability in place: rebuild the table`)];
    case "set_default": {
      if (d === "sqlite") return [placeholder(`SQLite cannot change ${op.table}.${op.column}'s default in place: rebuild the table`)];
      const type = columnIn(context, op.table, op.column)?.type?.value;
      const value = op.default ? `SET DEFAULT ${renderDefault(op.default, type, d, `${op.table}.${op.column}`)}` : "DROP DEFAULT";
      return [`${alter(op.table)} ALTER COLUMN ${q(op.column, d)} ${value}`];
    }
    case "create_index":
      return [renderIndex(op, d)];
    case "drop_index":
      return [renderDropIndex(op, d)];
    case "rename_index":
      if (d === "postgres") return [`ALTER INDEX ${qt(op.name, d)} RENAME TO ${q(op.to, d)}`];
      if (d === "mysql") return [op.table ? `${alter(op.table)} RENAME INDEX ${q(op.name, d)} TO ${q(op.to, d)}` : placeholder(`the table of index ${op.name}`)];
      return [placeholder(`SQLite cannot rename index ${op.name}: drop it and create ${op.to}`)];
    case "add_constraint": {
      if (d === "sqlite") return [placeholder(`SQLite cannot add a constraint to ${op.table}: rebuild the table`)];
      if (op.usingIndex) {
        const kind = op.constraint.kind === "primary_key" ? "PRIMARY KEY" : "UNIQUE";
        const name = op.constraint.name ? `CONSTRAINT ${q(op.constraint.name, d)} ` : "";
        return only(["postgres"], "ADD CONSTRAINT … USING INDEX", () => [`${alter(op.table)} ADD ${name}${kind} USING INDEX ${q(op.usingIndex!, d)}`]);
      }
      if (op.notValid && d !== "postgres") return [placeholder(`${d} has no NOT VALID constraint (${op.constraint.name ?? op.table})`)];
      return [`${alter(op.table)} ADD ${constraintDefinition(op.constraint, d)}${op.notValid ? " NOT VALID" : ""}`];
    }
    case "validate_constraint":
      return only(["postgres"], "VALIDATE CONSTRAINT", () => [`${alter(op.table)} VALIDATE CONSTRAINT ${q(op.name, d)}`]);
    case "drop_constraint":
      if (d === "sqlite") return [placeholder(`SQLite cannot drop constraint ${op.name}: rebuild the table`)];
      if (d === "mysql") return [`${alter(op.table)} ${dropOnMysql(op.table, op.name, context)}`];
      return [`${alter(op.table)} DROP CONSTRAINT ${op.ifExists ? "IF EXISTS " : ""}${q(op.name, d)}`];
    case "rename_constraint":
      return only(["postgres"], "RENAME CONSTRAINT", () => [`${alter(op.table)} RENAME CONSTRAINT ${q(op.name, d)} TO ${q(op.to, d)}`]);
    case "create_enum":
      return only(["postgres"], "CREATE TYPE … AS ENUM", () => [`CREATE TYPE ${qt(op.name, d)} AS ENUM (${op.values.map((v) => quoteString(v, d)).join(", ")})`]);
    case "add_enum_value": {
      const anchor = op.before !== undefined ? ` BEFORE ${quoteString(op.before, d)}` : op.after !== undefined ? ` AFTER ${quoteString(op.after, d)}` : "";
      return only(["postgres"], "ALTER TYPE … ADD VALUE", () => [`ALTER TYPE ${qt(op.name, d)} ADD VALUE ${quoteString(op.value, d)}${anchor}`]);
    }
    case "rename_enum_value":
      return only(["postgres"], "ALTER TYPE … RENAME VALUE", () => [`ALTER TYPE ${qt(op.name, d)} RENAME VALUE ${quoteString(op.from, d)} TO ${quoteString(op.to, d)}`]);
    case "drop_enum":
      return only(["postgres"], "DROP TYPE", () => [`DROP TYPE ${qt(op.name, d)}`]);
    case "update": {
      const set = op.set.map((s) => `${q(s.column, d)} = ${s.sql}`).join(", ");
      if (op.limit == null) return [`UPDATE ${qt(op.table, d)} SET ${set}${op.where ? ` WHERE ${op.where}` : ""}`];
      if (d === "mysql") return [`UPDATE ${qt(op.table, d)} SET ${set}${op.where ? ` WHERE ${op.where}` : ""} LIMIT ${op.limit}`];
      // PostgreSQL and SQLite have no UPDATE … LIMIT: one batch is the rows a limited sub-select picks.
      const row = d === "postgres" ? "ctid" : "rowid";
      return [`UPDATE ${qt(op.table, d)} SET ${set} WHERE ${row} IN (SELECT ${row} FROM ${qt(op.table, d)}${op.where ? ` WHERE ${op.where}` : ""} LIMIT ${op.limit})`];
    }
    case "delete":
      return [`DELETE FROM ${qt(op.table, d)}${op.where ? ` WHERE ${op.where}` : ""}`];
    case "maintenance":
      return [renderMaintenance(op, d)];
    case "setting":
      if (d === "sqlite") return [`PRAGMA ${op.name} = ${/^[\w-]+$/.test(op.value) ? op.value : quoteString(op.value, d)}`];
      if (op.value === "DEFAULT") return [`SET ${op.local ? "LOCAL " : ""}${op.name} TO DEFAULT`];
      if (d === "mysql") return [`SET ${op.name} = ${/^-?\d+(\.\d+)?$/.test(op.value) ? op.value : quoteString(op.value, d)}`];
      return [`SET ${op.local ? "LOCAL " : ""}${op.name} = ${quoteString(op.value, d)}`];
    case "transaction":
      return [op.action.toUpperCase()];
    case "raw":
      return [op.sql];
  }
}

function columnIn(context: RenderContext, table: string, column: string) {
  const t = context.schema && findTable(context.schema, table);
  return t ? findColumn(t, column) : undefined;
}

/** MySQL changes one attribute of a column only by restating the whole column: the rest comes from the schema, or is a placeholder. */
function modify(table: string, column: string, change: Partial<ColumnSpec>, context: RenderContext, clauses?: { algorithm?: string; lock?: string }): string {
  const known = columnIn(context, table, column);
  const spec: ColumnSpec = {
    name: column,
    type: known?.type?.value ?? null,
    nullable: known?.nullable?.value ?? null,
    ...(known?.default ? { default: known.default.value } : {}),
    ...change,
  };
  const tail = clauses ? [clauses.algorithm && `ALGORITHM=${clauses.algorithm}`, clauses.lock && `LOCK=${clauses.lock}`].filter(Boolean).map((c) => `, ${c}`).join("") : "";
  const unknownDefault = known?.default ? "" : ` ${placeholder(`default of ${table}.${column}`)}`;
  return `ALTER TABLE ${qt(table, "mysql")} MODIFY COLUMN ${columnDefinition(spec, table, "mysql")}${unknownDefault}${tail}`;
}

function dropOnMysql(table: string, name: string, context: RenderContext): string {
  if (name.toUpperCase() === "PRIMARY") return "DROP PRIMARY KEY";
  const t = context.schema && findTable(context.schema, table);
  if (t?.foreignKeys.some((fk) => fk.name?.toLowerCase() === name.toLowerCase())) return `DROP FOREIGN KEY ${q(name, "mysql")}`;
  return `DROP CONSTRAINT ${q(name, "mysql")}`;
}

/** PostgreSQL has no whole-column redefinition: the rename, type, nullability and default, each its own statement. */
function redefineOnPostgres(table: string, column: string, spec: ColumnSpec, to?: string): string[] {
  const d = "postgres";
  const statements: string[] = [];
  const name = to ?? column;
  const at = `ALTER TABLE ${qt(table, d)} ALTER COLUMN ${q(name, d)}`;
  if (to && to !== column) statements.push(`ALTER TABLE ${qt(table, d)} RENAME COLUMN ${q(column, d)} TO ${q(to, d)}`);
  statements.push(`${at} TYPE ${spec.type ?? placeholder(`type of ${table}.${name}`)}`);
  statements.push(spec.nullable === null ? placeholder(`NULL or NOT NULL for ${table}.${name}`) : `${at} ${spec.nullable ? "DROP" : "SET"} NOT NULL`);
  statements.push(spec.default ? `${at} SET DEFAULT ${renderDefault(spec.default, spec.type, d, `${table}.${name}`)}` : `${at} DROP DEFAULT`);
  return statements;
}
