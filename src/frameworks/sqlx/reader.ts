/**
 * sqlx (Rust) migrations: `migrations/<version>_<description>.sql`, or reversible pairs
 * `<version>_<description>.up.sql` / `.down.sql`. sqlx runs each in a transaction unless the file's first
 * line is `-- no-transaction`.
 */
import type { FrameworkReader } from "../reader.js";
import { leadingVersion, readEach, readIfThere, readSqlOps } from "../sql-file.js";

export const sqlxReader: FrameworkReader = {
  readMigrations(paths, context) {
    const forward = paths.filter((p) => p.endsWith(".sql") && !p.endsWith(".down.sql"));
    return readEach(forward, async (path, unreadable) => {
      const text = await context.readText(path);
      const noTransaction = text.split("\n", 1)[0]!.trim().toLowerCase() === "-- no-transaction";
      const downPath = path.endsWith(".up.sql") ? path.replace(/\.up\.sql$/, ".down.sql") : null;
      const down = downPath ? await readIfThere(context, downPath) : null;
      return {
        path,
        framework: "sqlx",
        version: leadingVersion(path),
        transaction: noTransaction ? "none" : "wrapped",
        ...(noTransaction ? { optOut: { path, line: 1 } } : {}),
        up: await readSqlOps(text, context.dialect, path, unreadable),
        down: downPath && down !== null ? await readSqlOps(down, context.dialect, downPath, unreadable) : null,
      };
    });
  },
};
