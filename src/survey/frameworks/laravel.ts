import { join, matching, naturalSort, citeFirst, clueFrom, dirsOf, rootOf, inDir } from "./common.js";
import { laravelStamp } from "../migration-name.js";
import type { FrameworkModule } from "./types.js";
import type { Cite } from "../types.js";
import { EXAMPLE_ENV_PATH } from "../../workspace/secret-files.js";

const MIGRATION = /(^|\/)database\/migrations\/\d{4}_\d{2}_\d{2}_\d{6}_\w+\.php$/;

export const laravel: FrameworkModule = {
  id: "laravel",
  name: "Laravel",
  async detect(repo) {
    const migrations = naturalSort(matching(repo, MIGRATION));
    const evidence: Cite[] = matching(repo, /(^|\/)artisan$/).map((path) => ({ path }));
    for (const composer of matching(repo, /(^|\/)composer\.json$/)) {
      const cite = await citeFirst(repo, composer, /"laravel\/framework"/);
      if (cite) evidence.push(cite);
    }
    if (!evidence.length && !migrations.length) return null;
    const root = migrations[0] ? rootOf(migrations[0], "database/") : rootOf(evidence[0]?.path ?? "", "artisan");
    const database = [];
    for (const env of matching(repo, EXAMPLE_ENV_PATH)) {
      const clue = await clueFrom(repo, env, /^\s*DB_CONNECTION\s*=\s*["']?(\w+)/);
      if (clue) database.push(clue);
    }
    for (const config of matching(repo, /(^|\/)config\/database\.php$/)) {
      const clue = await clueFrom(repo, config, /["']default["']\s*=>\s*env\(\s*["']DB_CONNECTION["']\s*,\s*["'](\w+)/);
      if (clue) database.push(clue);
    }
    return {
      evidence, migrations, database,
      migrationsDirs: migrations.length ? dirsOf(migrations) : [join(root, "database/migrations")],
      schemaFiles: matching(repo, /(^|\/)database\/schema\/[\w-]+-schema\.(sql|dump)$/),
      commands: {
        run: inDir(root, "php artisan migrate"),
        rollback: inDir(root, "php artisan migrate:rollback --step=1"),
        generate: inDir(root, "php artisan make:migration <name>"),
      },
    };
  },
  newMigration(detection, slug, now) {
    return { convention: "database/migrations/<YYYY_MM_DD_HHMMSS>_<name>.php returning an anonymous Migration class", example: join(detection.migrationsDirs[0] ?? "database/migrations", `${laravelStamp(now)}_${slug}.php`) };
  },
  commands: { run: "php artisan migrate", rollback: "php artisan migrate:rollback --step=1", generate: "php artisan make:migration <name>" },
  transaction: { wrapped: true, optOut: "public $withinTransaction = false; on the migration class" },
};
