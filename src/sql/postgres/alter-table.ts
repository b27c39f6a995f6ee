/** PostgreSQL ALTER TABLE: each subcommand is one operation, all citing the statement. */
import type { AlterTableCmd, AlterTableStmt } from "libpg-query";
import type { Draft } from "../draft.js";
import { columnSpec, constraintSpec, defaultOf } from "./columns.js";
import { tableName } from "./nodes.js";
import type { PgParser } from "./parser.js";
import { typeSpelling } from "./types.js";

export function alterTable(stmt: AlterTableStmt, pg: PgParser, sql: string): Draft[] {
  const table = tableName(stmt.relation);
  if (stmt.objtype !== "OBJECT_TABLE") return [{ kind: "raw", sql, reason: `ALTER ${objectWord(stmt.objtype)} is not modelled` }];
  return (stmt.cmds ?? []).flatMap((node) => ("AlterTableCmd" in node ? command(node.AlterTableCmd, table, pg, sql) : []));
}

function command(cmd: AlterTableCmd, table: string, pg: PgParser, sql: string): Draft[] {
  const column = cmd.name ?? "";
  switch (cmd.subtype) {
    case "AT_AddColumn": {
      if (!cmd.def || !("ColumnDef" in cmd.def)) break;
      const { spec, named } = columnSpec(cmd.def.ColumnDef, pg);
      const add: Draft = { kind: "add_column", table, column: spec, ...(cmd.missing_ok ? { ifNotExists: true } : {}) };
      return [add, ...named.map((constraint): Draft => ({ kind: "add_constraint", table, constraint, notValid: false }))];
    }
    case "AT_DropColumn":
      return [{ kind: "drop_column", table, column, ...(cmd.missing_ok ? { ifExists: true } : {}), ...(cmd.behavior === "DROP_CASCADE" ? { cascade: true } : {}) }];
    case "AT_AlterColumnType": {
      if (!cmd.def || !("ColumnDef" in cmd.def) || !cmd.def.ColumnDef.typeName) break;
      const def = cmd.def.ColumnDef;
      return [{ kind: "change_type", table, column, type: typeSpelling(def.typeName!, pg.deparse), using: def.raw_default ? pg.deparse(def.raw_default) : null }];
    }
    case "AT_SetNotNull":
      return [{ kind: "set_nullable", table, column, nullable: false }];
    case "AT_DropNotNull":
      return [{ kind: "set_nullable", table, column, nullable: true }];
    case "AT_ColumnDefault":
      // The column's type is not in the statement: a literal stays as written, typed later by replay's column.
      return [{ kind: "set_default", table, column, default: cmd.def ? defaultOf(cmd.def, null, pg) : null }];
    case "AT_AddConstraint": {
      if (!cmd.def || !("Constraint" in cmd.def)) break;
      const c = cmd.def.Constraint;
      const constraint = constraintSpec(c, pg);
      if (!constraint) break;
      return [{ kind: "add_constraint", table, constraint, notValid: Boolean(c.skip_validation), ...(c.indexname ? { usingIndex: c.indexname } : {}) }];
    }
    case "AT_ValidateConstraint":
      return [{ kind: "validate_constraint", table, name: column }];
    case "AT_DropConstraint":
      return [{ kind: "drop_constraint", table, name: column, ...(cmd.missing_ok ? { ifExists: true } : {}) }];
  }
  return [{ kind: "raw", sql, reason: `ALTER TABLE ${subcommandWords(cmd.subtype)} is not modelled` }];
}

/** `AT_SetStatistics` → `SET STATISTICS`, for a reason a person reads. */
function subcommandWords(subtype: string | undefined): string {
  return (subtype ?? "subcommand").replace(/^AT_/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
}

function objectWord(objtype: string | undefined): string {
  return (objtype ?? "OBJECT").replace(/^OBJECT_/, "").replaceAll("_", " ");
}
