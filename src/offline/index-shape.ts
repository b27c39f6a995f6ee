import type { IndexInfo } from "../survey/types.js";

/** What an index has besides its columns: the method, the operator class, the condition of a partial index. */
export interface IndexShape {
  using: string | null;
  opclass: string | null;
  where: string | null;
}

/**
 * The shape the survey's citation of an index states, in schema.rb (`using: :gin, opclass: :gin_trgm_ops,
 * where: "(…)"`) or SQL (`USING gin (title gin_trgm_ops) WHERE …`). Rebuilding a trigram or partial index as a
 * plain one would change its queries' plans, and can fail outright on long text.
 */
export function indexShape(index: IndexInfo): IndexShape {
  const text = index.where.text ?? "";
  const using = /\busing:\s*:?["']?(\w+)/.exec(text)?.[1] ?? /\bUSING\s+(\w+)\s*\(/i.exec(text)?.[1] ?? null;
  const opclass = /\bopclass:\s*(?:\{[^}]*?:\s*)?:?["']?(\w+)/.exec(text)?.[1] ?? /\(\s*["\w]+\s+(\w+_ops)\b/i.exec(text)?.[1] ?? null;
  const where = /\bwhere:\s*"((?:[^"\\]|\\.)*)"/.exec(text)?.[1] ?? /\)\s+WHERE\s+(.+?);?\s*$/i.exec(text)?.[1] ?? null;
  return { using: using && using.toLowerCase() !== "btree" ? using : null, opclass, where };
}

/** The part of CREATE INDEX after the table, for one column list: ` USING gin (title gin_trgm_ops) WHERE (…)`. */
export function indexTail(columns: string[], shape: IndexShape | null): string {
  const list = columns.map((c, i) => (i === 0 && shape?.opclass ? `${c} ${shape.opclass}` : c)).join(", ");
  return `${shape?.using ? ` USING ${shape.using}` : ""} (${list})${shape?.where ? ` WHERE ${shape.where}` : ""}`;
}
