import { posix } from "node:path";
import { join, matching, clueFrom, inDir } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import { configuredDirs, defaultDirs, scriptsIn } from "./js-migrations.js";
import type { FrameworkModule } from "./types.js";

export const knex: FrameworkModule = {
  id: "knex",
  name: "Knex",
  async detect(repo) {
    const knexfiles = matching(repo, /(^|\/)knexfile\.(js|ts|cjs|mjs)$/);
    if (!knexfiles.length) return null;
    const knexfile = knexfiles[0]!;
    const base = posix.dirname(knexfile).replace(/^\.$/, "");
    const text = (await repo.read(knexfile)) ?? "";
    let dirs = configuredDirs(text, base, /directory\s*:\s*["'`]([^"'`]+)["'`]/g).filter((d) => !/seed/i.test(d));
    if (!dirs.length) dirs = defaultDirs(repo, new RegExp(`^${base ? base + "/" : ""}migrations/[^/]+\\.(js|ts|cjs|mjs)$`));
    const clue = await clueFrom(repo, knexfile, /client\s*:\s*["'`]([\w-]+)/);
    return {
      evidence: [{ path: knexfile }], migrations: scriptsIn(repo, dirs), migrationsDirs: dirs.length ? dirs : [join(base, "migrations")],
      schemaFiles: [], database: clue ? [clue] : [],
      commands: {
        run: inDir(base, "npx knex migrate:latest"),
        rollback: inDir(base, "npx knex migrate:rollback"),
        generate: inDir(base, "npx knex migrate:make <name>"),
      },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    const ext = latest ? posix.extname(latest) : ".js";
    return { convention: "migrations/<YYYYMMDDHHMMSS>_<name>.js exporting up(knex) and down(knex)", example: join(detection.migrationsDirs[0] ?? "migrations", `${nextPrefix(latest, now)}_${slug}${ext}`) };
  },
  commands: { run: "npx knex migrate:latest", rollback: "npx knex migrate:rollback", generate: "npx knex migrate:make <name>" },
  transaction: { wrapped: true, optOut: "exports.config = { transaction: false } in the migration file" },
};
