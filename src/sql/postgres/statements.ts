/** One PostgreSQL statement's parse tree → operations; a statement the model has no place for is `raw`. */
import type { CreateStmt, DropStmt, IndexStmt, Node, RenameStmt, VariableSetStmt } from "libpg-query";
import type { ConstraintSpec, IndexSpec } from "../../model/operations.js";
import type { Draft } from "../draft.js";
import { alterTable } from "./alter-table.js";
import { columnSpec, constraintSpec } from "./columns.js";
import { columnsRead, qualified, str, strings, tableName } from "./nodes.js";
import type { PgParser } from "./parser.js";

export function statement(node: Node, pg: PgParser, sql: string): Draft[] {
  const kind = Object.keys(node)[0] ?? "statement";
  const raw = (reason: string): Draft[] => [{ kind: "raw", sql, reason }];
  if ("CreateStmt" in node) return createTable(node.CreateStmt, pg, sql);
  if ("AlterTableStmt" in node) return alterTable(node.AlterTableStmt, pg, sql);
  if ("IndexStmt" in node) return [createIndex(node.IndexStmt, pg)];
  if ("DropStmt" in node) return drop(node.DropStmt, sql);
  if ("RenameStmt" in node) return rename(node.RenameStmt, sql);
  if ("CreateEnumStmt" in node) return [{ kind: "create_enum", name: qualified(node.CreateEnumStmt.typeName), values: strings(node.CreateEnumStmt.vals) }];
  if ("AlterEnumStmt" in node) {
    const e = node.AlterEnumStmt;
    const name = qualified(e.typeName);
    if (e.oldVal !== undefined) return [{ kind: "rename_enum_value", name, from: e.oldVal, to: e.newVal ?? "" }];
    const anchor = e.newValNeighbor === undefined ? {} : e.newValIsAfter ? { after: e.newValNeighbor } : { before: e.newValNeighbor };
    return [{ kind: "add_enum_value", name, value: e.newVal ?? "", ...anchor }];
  }
  if ("UpdateStmt" in node) {
    const u = node.UpdateStmt;
    const set = (u.targetList ?? []).flatMap((t) => ("ResTarget" in t && t.ResTarget.val ? [{ column: t.ResTarget.name ?? "", sql: pg.deparse(t.ResTarget.val) }] : []));
    if (u.fromClause?.length || u.withClause) return raw("UPDATE … FROM / WITH is not modelled");
    return [{ kind: "update", table: tableName(u.relation), set, where: u.whereClause ? pg.deparse(u.whereClause) : null }];
  }
  if ("DeleteStmt" in node) {
    const d = node.DeleteStmt;
    if (d.usingClause?.length || d.withClause) return raw("DELETE … USING / WITH is not modelled");
    return [{ kind: "delete", table: tableName(d.relation), where: d.whereClause ? pg.deparse(d.whereClause) : null }];
  }
  if ("VariableSetStmt" in node) return setting(node.VariableSetStmt, pg, sql);
  if ("TransactionStmt" in node) {
    const t = node.TransactionStmt.kind;
    if (t === "TRANS_STMT_BEGIN" || t === "TRANS_STMT_START") return [{ kind: "transaction", action: "begin" }];
    if (t === "TRANS_STMT_COMMIT") return [{ kind: "transaction", action: "commit" }];
    if (t === "TRANS_STMT_ROLLBACK") return [{ kind: "transaction", action: "rollback" }];
    return raw(`${(t ?? "").replace("TRANS_STMT_", "")} is not modelled`);
  }
  if ("ReindexStmt" in node) {
    const r = node.ReindexStmt;
    const concurrently = (r.params ?? []).some((p) => "DefElem" in p && p.DefElem.defname === "concurrently");
    const table = r.kind === "REINDEX_OBJECT_TABLE" ? tableName(r.relation) : null;
    return [{ kind: "maintenance", action: "reindex", table, ...(concurrently ? { concurrently } : {}) }];
  }
  if ("VacuumStmt" in node) {
    const v = node.VacuumStmt;
    const full = (v.options ?? []).some((o) => "DefElem" in o && o.DefElem.defname === "full");
    if (!v.is_vacuumcmd || !full) return raw(v.is_vacuumcmd ? "VACUUM without FULL takes no exclusive lock and is not modelled" : "ANALYZE is not modelled");
    const rels = (v.rels ?? []).flatMap((r) => ("VacuumRelation" in r ? [tableName(r.VacuumRelation.relation)] : []));
    return rels.length ? rels.map((table) => ({ kind: "maintenance", action: "vacuum_full", table })) : [{ kind: "maintenance", action: "vacuum_full", table: null }];
  }
  if ("ClusterStmt" in node) return [{ kind: "maintenance", action: "cluster", table: node.ClusterStmt.relation ? tableName(node.ClusterStmt.relation) : null }];
  if ("TruncateStmt" in node) {
    const t = node.TruncateStmt;
    const cascade = t.behavior === "DROP_CASCADE";
    return (t.relations ?? []).flatMap((r) => ("RangeVar" in r ? [{ kind: "maintenance", action: "truncate", table: tableName(r.RangeVar), ...(cascade ? { cascade } : {}) } as Draft] : []));
  }
  return raw(`${kind.replace(/Stmt$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase()} is not modelled`);
}

function createTable(stmt: CreateStmt, pg: PgParser, sql: string): Draft[] {
  const relation = stmt.relation;
  const columns = [];
  const constraints: ConstraintSpec[] = [];
  const notes: Draft[] = [];
  for (const element of stmt.tableElts ?? []) {
    if ("ColumnDef" in element) {
      const { spec, named } = columnSpec(element.ColumnDef, pg);
      columns.push(spec);
      constraints.push(...named);
    } else if ("Constraint" in element) {
      const constraint = constraintSpec(element.Constraint, pg);
      if (constraint) constraints.push(constraint);
    } else {
      notes.push({ kind: "raw", sql, reason: "CREATE TABLE … LIKE copies columns this statement does not list" });
    }
  }
  if (stmt.inhRelations?.length) notes.push({ kind: "raw", sql, reason: "CREATE TABLE … INHERITS adds the parent's columns, which this statement does not list" });
  const schema = relation?.schemaname ?? null;
  return [
    { kind: "create_table", table: relation?.relname ?? "", schema, columns, constraints, ...(stmt.if_not_exists ? { ifNotExists: true } : {}) },
    ...notes,
  ];
}

function createIndex(stmt: IndexStmt, pg: PgParser): Draft {
  const keys: IndexSpec["keys"] = [];
  for (const param of stmt.indexParams ?? []) {
    if (!("IndexElem" in param)) continue;
    const e = param.IndexElem;
    const opclass = strings(e.opclass).join(".");
    const key: IndexSpec["keys"][number] = e.name !== undefined ? { column: e.name, columns: [e.name] } : { expression: e.expr ? pg.deparse(e.expr) : "", columns: columnsRead(e.expr) };
    if (opclass) key.opclass = opclass;
    if (e.ordering === "SORTBY_DESC") key.descending = true;
    keys.push(key);
  }
  const include = (stmt.indexIncludingParams ?? []).flatMap((p) => ("IndexElem" in p && p.IndexElem.name ? [p.IndexElem.name] : []));
  const index: IndexSpec = {
    name: stmt.idxname ?? null,
    table: tableName(stmt.relation),
    keys,
    unique: Boolean(stmt.unique),
    method: stmt.accessMethod ?? null,
    where: stmt.whereClause ? pg.deparse(stmt.whereClause) : null,
    whereColumns: stmt.whereClause ? columnsRead(stmt.whereClause) : [],
    include,
  };
  return { kind: "create_index", index, concurrently: Boolean(stmt.concurrent), ...(stmt.if_not_exists ? { ifNotExists: true } : {}) };
}

function drop(stmt: DropStmt, sql: string): Draft[] {
  const ifExists = stmt.missing_ok ? { ifExists: true } : {};
  const cascade = stmt.behavior === "DROP_CASCADE" ? { cascade: true } : {};
  const names = (stmt.objects ?? []).map((o) => ("List" in o ? strings(o.List.items) : "TypeName" in o ? strings(o.TypeName.names) : [str(o) ?? ""]));
  const joined = (parts: string[]) => (parts.length > 1 && parts[0] !== "public" ? parts.join(".") : parts.at(-1) ?? "");
  switch (stmt.removeType) {
    case "OBJECT_TABLE":
      return names.map((parts) => ({ kind: "drop_table", table: joined(parts), ...ifExists, ...cascade }));
    case "OBJECT_INDEX":
      return names.map((parts) => ({ kind: "drop_index", name: joined(parts), table: null, concurrently: Boolean(stmt.concurrent), ...ifExists }));
    case "OBJECT_TYPE":
      return names.map((parts) => ({ kind: "drop_enum", name: parts.join(".") }));
    default:
      return [{ kind: "raw", sql, reason: `DROP ${(stmt.removeType ?? "").replace("OBJECT_", "")} is not modelled` }];
  }
}

function rename(stmt: RenameStmt, sql: string): Draft[] {
  const table = tableName(stmt.relation);
  const to = stmt.newname ?? "";
  switch (stmt.renameType) {
    case "OBJECT_TABLE":
      return [{ kind: "rename_table", table, to }];
    case "OBJECT_COLUMN":
      if (stmt.relationType === "OBJECT_TABLE") return [{ kind: "rename_column", table, column: stmt.subname ?? "", to }];
      break;
    case "OBJECT_INDEX":
      return [{ kind: "rename_index", name: table, to, table: null }];
    case "OBJECT_TABCONSTRAINT":
      return [{ kind: "rename_constraint", table, name: stmt.subname ?? "", to }];
  }
  return [{ kind: "raw", sql, reason: `RENAME of ${(stmt.renameType ?? "").replace("OBJECT_", "").toLowerCase()} is not modelled` }];
}

function setting(stmt: VariableSetStmt, pg: PgParser, sql: string): Draft[] {
  const local = Boolean(stmt.is_local);
  const name = stmt.name ?? "";
  if (stmt.kind === "VAR_SET_DEFAULT" || stmt.kind === "VAR_RESET") return [{ kind: "setting", name, value: "DEFAULT", local }];
  if (stmt.kind !== "VAR_SET_VALUE") return [{ kind: "raw", sql, reason: "this form of SET is not modelled" }];
  const value = (stmt.args ?? [])
    .map((arg) => {
      if ("A_Const" in arg) {
        const c = arg.A_Const;
        if (c.sval) return c.sval.sval ?? "";
        if (c.ival) return String(c.ival.ival ?? 0);
        if (c.fval) return c.fval.fval ?? "";
        if (c.boolval) return String(c.boolval.boolval ?? false);
      }
      return pg.deparse(arg);
    })
    .join(", ");
  return [{ kind: "setting", name, value, local }];
}
