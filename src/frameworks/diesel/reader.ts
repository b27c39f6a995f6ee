/**
 * diesel migrations: a folder per migration, `migrations/<version>_<name>/up.sql` and `down.sql`. diesel runs
 * each in a transaction unless the folder's `metadata.toml` says `run_in_transaction = false`.
 */
import { posix } from "node:path";
import type { FrameworkReader } from "../reader.js";
import { leadingVersion, readEach, readIfThere, readSqlOps } from "../sql-file.js";

export const dieselReader: FrameworkReader = {
  readMigrations(paths, context) {
    const ups = paths.filter((p) => posix.basename(p) === "up.sql");
    return readEach(ups, async (path, unreadable) => {
      const dir = posix.dirname(path);
      const metadata = await readIfThere(context, `${dir}/metadata.toml`);
      const optOutLine = metadata?.split("\n").findIndex((line) => /^\s*run_in_transaction\s*=\s*false\s*$/.test(line)) ?? -1;
      const down = await readIfThere(context, `${dir}/down.sql`);
      return {
        path,
        framework: "diesel",
        version: leadingVersion(dir),
        transaction: optOutLine >= 0 ? "none" : "wrapped",
        ...(optOutLine >= 0 ? { optOut: { path: `${dir}/metadata.toml`, line: optOutLine + 1 } } : {}),
        up: await readSqlOps(await context.readText(path), context.dialect, path, unreadable),
        down: down === null ? null : await readSqlOps(down, context.dialect, `${dir}/down.sql`, unreadable),
      };
    });
  },
};
