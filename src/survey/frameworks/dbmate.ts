import { join, dirsOf, matching } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import { sqlFilesWith } from "./sql-files.js";
import type { FrameworkModule } from "./types.js";

export const dbmate: FrameworkModule = {
  id: "dbmate",
  name: "dbmate",
  async detect(repo) {
    const migrations = await sqlFilesWith(repo, /^--\s*migrate:up/im);
    if (!migrations.length) return null;
    return {
      evidence: migrations.slice(0, 1).map((path) => ({ path })), migrations, migrationsDirs: dirsOf(migrations),
      schemaFiles: matching(repo, /(^|\/)db\/schema\.sql$/),
      commands: { run: "dbmate up", rollback: "dbmate rollback", generate: "dbmate new <name>" },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    return { convention: "db/migrations/<YYYYMMDDHHMMSS>_<name>.sql with -- migrate:up / -- migrate:down", example: join(detection.migrationsDirs[0] ?? "db/migrations", `${nextPrefix(latest, now)}_${slug}.sql`) };
  },
  commands: { run: "dbmate up", rollback: "dbmate rollback", generate: "dbmate new <name>" },
  transaction: { wrapped: true, optOut: "-- migrate:up transaction:false" },
};
