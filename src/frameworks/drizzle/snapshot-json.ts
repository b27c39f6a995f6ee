/**
 * drizzle-kit's snapshot (`drizzle/meta/NNNN_snapshot.json`, or `<ts>_name/snapshot.json`): the schema its
 * last `generate` saw, which the SQL migrations build. Read with the `yaml` package (JSON is YAML) for the
 * line of each table, column and index.
 */
import { isMap, isScalar, LineCounter, parseDocument, type YAMLMap } from "yaml";
import type { ColumnSpec, ConstraintSpec, IndexSpec, Operation } from "../../model/operations.js";
import { applyOperation } from "../../model/replay.js";
import { emptySchema, type DefaultValue, type Schema, type SqlDialect } from "../../model/schema.js";
import { postgresTypeName } from "../postgres-type-names.js";
import { defaultFromSql } from "../sql-default.js";
import { referentialAction } from "../referential-action.js";

const DIALECTS: Record<string, SqlDialect> = { postgresql: "postgres", postgres: "postgres", pg: "postgres", mysql: "mysql", sqlite: "sqlite", turso: "sqlite" };

type Json = Record<string, unknown>;

export function readSnapshotJson(text: string, path: string): Schema {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  if (document.errors.length) throw new Error(document.errors[0]!.message);
  const data = document.toJS() as Json;
  const dialect = DIALECTS[String(data.dialect ?? "")] ?? null;
  const schema = emptySchema(dialect);
  const lineOf = (...keys: string[]): number => {
    let node: unknown = document.contents;
    let line = 1;
    for (const key of keys) {
      if (!isMap(node)) break;
      const pair = (node as YAMLMap).items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      line = lines.linePos((pair.key as { range: [number, number, number] }).range[0]).line;
      node = pair.value;
    }
    return line;
  };
  const at = (...keys: string[]) => ({ path, line: lineOf(...keys) });
  for (const [key, raw] of Object.entries((data.enums ?? {}) as Record<string, Json>)) {
    applyOperation(schema, { kind: "create_enum", name: String(raw.name ?? key), values: (raw.values as string[]) ?? [], source: at("enums", key) });
  }
  for (const [key, raw] of Object.entries((data.tables ?? {}) as Record<string, Json>)) {
    const table = String(raw.name ?? key);
    const columns: ColumnSpec[] = Object.entries((raw.columns ?? {}) as Record<string, Json>).map(([columnKey, c]) => {
      const spec: ColumnSpec = {
        name: String(c.name ?? columnKey),
        type: typeof c.type === "string" ? (dialect === "postgres" ? postgresTypeName(c.type) : c.type) : null,
        nullable: typeof c.notNull === "boolean" ? !c.notNull : null,
        default: "default" in c ? defaultOf(c.default) : null,
        source: at("tables", key, "columns", columnKey),
      };
      if (c.primaryKey === true) spec.primaryKey = true;
      if (c.autoincrement === true) spec.identity = "auto_increment";
      if (c.isUnique === true) spec.unique = true;
      return spec;
    });
    const constraints: ConstraintSpec[] = [];
    for (const pk of Object.values((raw.compositePrimaryKeys ?? {}) as Record<string, Json>)) {
      constraints.push({ kind: "primary_key", name: (pk.name as string) ?? null, columns: (pk.columns as string[]) ?? [] });
    }
    for (const unique of Object.values((raw.uniqueConstraints ?? {}) as Record<string, Json>)) {
      constraints.push({ kind: "unique", name: (unique.name as string) ?? null, columns: (unique.columns as string[]) ?? [] });
    }
    for (const check of Object.values((raw.checkConstraints ?? {}) as Record<string, Json>)) {
      constraints.push({ kind: "check", name: (check.name as string) ?? null, expression: String(check.value ?? ""), columns: [] });
    }
    for (const fk of Object.values((raw.foreignKeys ?? {}) as Record<string, Json>)) {
      constraints.push({
        kind: "foreign_key", name: (fk.name as string) ?? null, columns: (fk.columnsFrom as string[]) ?? [],
        refTable: String(fk.tableTo ?? ""), refColumns: (fk.columnsTo as string[]) ?? [],
        onDelete: referentialAction(fk.onDelete as string), onUpdate: referentialAction(fk.onUpdate as string),
      });
    }
    const ops: Operation[] = [{ kind: "create_table", table, schema: schemaOf(raw.schema), columns, constraints, source: at("tables", key), call: "snapshot" }];
    for (const [indexKey, index] of Object.entries((raw.indexes ?? {}) as Record<string, Json>)) {
      ops.push({ kind: "create_index", index: indexOf(table, indexKey, index), concurrently: false, source: at("tables", key, "indexes", indexKey), call: "snapshot" });
    }
    for (const op of ops) applyOperation(schema, op);
  }
  return schema;
}

function schemaOf(value: unknown): string | null {
  return typeof value === "string" && value !== "" && value !== "public" ? value : null;
}

/** drizzle-kit keeps a default as SQL (`'{}'`, `now()`), or as a JSON number or boolean. */
function defaultOf(value: unknown): DefaultValue | null {
  if (typeof value === "number" || typeof value === "boolean") return { kind: "literal", value };
  if (value === null) return { kind: "literal", value: null };
  return defaultFromSql(String(value));
}

/** Index columns are names (SQLite, MySQL) or `{ expression, isExpression, asc, opclass }` (PostgreSQL, version 7). */
function indexOf(table: string, key: string, raw: Json): IndexSpec {
  const keys = ((raw.columns as unknown[]) ?? []).map((c) => {
    if (typeof c === "string") return { column: c, columns: [c] };
    const column = c as Json;
    const expression = String(column.expression ?? "");
    const key: IndexSpec["keys"][number] = column.isExpression ? { expression, columns: [] } : { column: expression, columns: [expression] };
    if (column.asc === false) key.descending = true;
    if (typeof column.opclass === "string" && column.opclass) key.opclass = column.opclass;
    return key;
  });
  return {
    name: String(raw.name ?? key), table, keys, unique: raw.isUnique === true,
    method: typeof raw.method === "string" ? raw.method : null,
    where: typeof raw.where === "string" ? raw.where : null,
    whereColumns: [], include: [],
  };
}
