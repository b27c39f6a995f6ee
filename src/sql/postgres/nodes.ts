/** Small readers of PostgreSQL parse-tree nodes: names, relations, the columns an expression reads. */
import type { Node, RangeVar } from "libpg-query";
import { quoteIdentifier } from "../render/quote.js";

/** The text of a `String` node (names, operator names). */
export function str(node: Node | undefined): string | undefined {
  return node && "String" in node ? node.String.sval ?? "" : undefined;
}

export function strings(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map(str).filter((s): s is string => s !== undefined);
}

/** A qualified name (`public.mood`) as one string, each part quoted where PostgreSQL needs it. */
export function qualified(nodes: Node[] | undefined): string {
  return strings(nodes).map((part) => quoteIdentifier(part, "postgres")).join(".");
}

/**
 * The table name an operation carries: bare, or `schema.table` outside `public`, so that replay keys it as
 * `tableKey(name, schema)` keys the CREATE TABLE.
 */
export function tableName(relation: RangeVar | undefined): string {
  if (!relation?.relname) return "";
  return relation.schemaname && relation.schemaname !== "public" ? `${relation.schemaname}.${relation.relname}` : relation.relname;
}

/** The columns an expression reads: the last name of every column reference in it. */
export function columnsRead(node: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    const ref = (value as { ColumnRef?: { fields?: Node[] } }).ColumnRef;
    if (ref) {
      const name = str(ref.fields?.at(-1));
      if (name !== undefined) found.add(name);
      return;
    }
    for (const child of Object.values(value)) walk(child);
  };
  walk(node);
  return [...found];
}
