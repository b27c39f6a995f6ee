/**
 * Flyway SQL migrations: `V<version>__<description>.sql`, undone by `U<version>__<description>.sql` where the
 * repo has one (give the U files among the paths). Flyway runs each in a transaction unless the script's
 * `<script>.conf` says `executeInTransaction=false`. Repeatable `R__` scripts are not versioned changes: listed
 * as unreadable rather than replayed at a guessed point.
 */
import { posix } from "node:path";
import type { Migration } from "../../model/operations.js";
import type { FrameworkReader } from "../reader.js";
import { readEach, readIfThere, readSqlOps } from "../sql-file.js";

const NAME = /^([VUR])(\d+(?:[._]\d+)*)?__.+\.sql$/;

export const flywayReader: FrameworkReader = {
  async readMigrations(paths, context) {
    const undo = new Map<string, string>();
    for (const path of paths) {
      const [, kind, version] = NAME.exec(posix.basename(path)) ?? [];
      if (kind === "U" && version) undo.set(version.replaceAll("_", "."), path);
    }
    const read = await readEach(paths, async (path, unreadable) => {
      const [, kind, raw] = NAME.exec(posix.basename(path)) ?? [];
      if (kind === "U") return null;
      if (kind !== "V" || !raw) {
        unreadable.push({ path, message: "not a versioned Flyway migration (V<version>__<description>.sql): not replayed" });
        return null;
      }
      const version = raw.replaceAll("_", ".");
      const conf = await readIfThere(context, `${path}.conf`);
      const confLine = conf?.split("\n").findIndex((line) => /^\s*executeInTransaction\s*=\s*false\s*$/i.test(line)) ?? -1;
      const undoPath = undo.get(version);
      const undoText = undoPath ? await context.readText(undoPath) : null;
      const migration: Migration = {
        path,
        framework: "flyway",
        version,
        transaction: confLine >= 0 ? "none" : "wrapped",
        ...(confLine >= 0 ? { optOut: { path: `${path}.conf`, line: confLine + 1 } } : {}),
        up: await readSqlOps(await context.readText(path), context.dialect, path, unreadable),
        down: undoPath && undoText !== null ? await readSqlOps(undoText, context.dialect, undoPath, unreadable) : null,
      };
      return migration;
    });
    return read;
  },
};
