/**
 * A schema snapshot kept as SQL — Rails' `db/structure.sql`, Ecto's `priv/repo/structure.sql`, dbmate's
 * `db/schema.sql`, all pg_dump or mysqldump output — read as the current schema: its statements replayed
 * in file order. Framework readers call this from their `readSnapshot`.
 */
import { applyOperation } from "../model/replay.js";
import { emptySchema } from "../model/schema.js";
import type { ReadContext, SnapshotRead } from "../frameworks/reader.js";
import { readSqlText } from "./read.js";

export async function readSqlSnapshot(paths: string[], context: ReadContext): Promise<SnapshotRead | null> {
  if (!paths.length) return null;
  const schema = emptySchema(context.dialect);
  const unreadable: SnapshotRead["unreadable"] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await context.readText(path);
    } catch (error) {
      unreadable.push({ path, message: `could not read the file: ${(error as Error).message}` });
      continue;
    }
    const read = await readSqlText(text, context.dialect, { path, line: 1 });
    unreadable.push(...read.unreadable);
    for (const op of read.operations) applyOperation(schema, op);
  }
  schema.unreadable.push(...unreadable);
  return { schema, unreadable };
}
