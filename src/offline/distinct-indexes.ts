import type { IndexInfo } from "../survey/types.js";

/**
 * Each index once: entries with the same name, or the same columns and uniqueness, are one index. The
 * survey already merges them; the planner does not rely on it, since building one index twice fails.
 */
export function distinctIndexes(indexes: IndexInfo[]): IndexInfo[] {
  const out: IndexInfo[] = [];
  for (const index of [...indexes].sort((a, b) => Number(!a.name) - Number(!b.name))) {
    const same = out.some((o) => (o.name !== null && o.name === index.name) || (o.unique === index.unique && o.columns.join(",") === index.columns.join(",")));
    if (!same) out.push(index);
  }
  return out;
}
