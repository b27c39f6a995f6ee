/**
 * golang-migrate: `<version>_<title>.up.sql` with its `.down.sql` beside it. The runner opens no transaction
 * of its own, but sends the file in one call: PostgreSQL runs that as one implicit transaction, its SQLite
 * driver wraps it in one, MySQL commits each DDL statement on its own.
 */
import type { FrameworkReader } from "../reader.js";
import { leadingVersion, oneCallTransaction, readEach, readIfThere, readSqlOps } from "../sql-file.js";

export const golangMigrateReader: FrameworkReader = {
  readMigrations(paths, context) {
    const ups = paths.filter((p) => p.endsWith(".up.sql"));
    return readEach(ups, async (path, unreadable) => {
      const downPath = path.replace(/\.up\.sql$/, ".down.sql");
      const down = await readIfThere(context, downPath);
      return {
        path,
        framework: "golang-migrate",
        version: leadingVersion(path),
        transaction: oneCallTransaction(context.dialect),
        up: await readSqlOps(await context.readText(path), context.dialect, path, unreadable),
        down: down === null ? null : await readSqlOps(down, context.dialect, downPath, unreadable),
      };
    });
  },
};
