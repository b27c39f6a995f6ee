import { posix } from "node:path";
import { join, matching, clueFrom, packageDependency, inDir } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import { defaultDirs, scriptsIn } from "./js-migrations.js";
import type { FrameworkModule } from "./types.js";

/**
 * `'migrations-path'` in .sequelizerc: a string, or `path.resolve(…)` / `path.join(…)` of `__dirname` or
 * `process.cwd()` and literal parts (`path.resolve('db', 'migrations')` is db/migrations).
 */
function rcMigrationsDirs(text: string, base: string): string[] {
  const value = /["']migrations-path["']\s*:\s*([^\n]+)/.exec(text)?.[1] ?? "";
  const parts = [...value.replace(/\)\s*,?\s*(?:\/\/.*)?$/, ")").matchAll(/["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!.replace(/^\.\/|\/$/g, ""));
  const dir = parts.filter((part) => part && part !== ".").join("/");
  return dir ? [join(base, posix.normalize(dir))] : [];
}

export const sequelize: FrameworkModule = {
  id: "sequelize",
  name: "Sequelize",
  async detect(repo) {
    const rcs = matching(repo, /(^|\/)\.sequelizerc$/);
    const deps = [...(await packageDependency(repo, "sequelize-cli")), ...(await packageDependency(repo, "sequelize"))];
    if (!rcs.length && !deps.length) return null;
    const base = rcs[0] ? posix.dirname(rcs[0]).replace(/^\.$/, "") : deps[0] ? posix.dirname(deps[0].path).replace(/^\.$/, "") : "";
    let dirs: string[] = [];
    if (rcs[0]) dirs = rcMigrationsDirs((await repo.read(rcs[0])) ?? "", base);
    if (!dirs.length) dirs = defaultDirs(repo, new RegExp(`^${base ? base + "/" : ""}(db/)?migrations/[^/]+\\.(js|cjs|ts)$`));
    const migrations = scriptsIn(repo, dirs);
    if (!rcs.length && !migrations.length) return null;
    const database = [];
    for (const config of matching(repo, /(^|\/)config\/config\.(json|js)$/)) {
      const clue = await clueFrom(repo, config, /["']?dialect["']?\s*:\s*["'](\w+)/);
      if (clue) database.push(clue);
    }
    return {
      evidence: [...rcs.map((path) => ({ path })), ...deps], migrations, database, schemaFiles: [],
      migrationsDirs: dirs.length ? dirs : [join(base, "migrations")],
      commands: {
        run: inDir(base, "npx sequelize-cli db:migrate"),
        rollback: inDir(base, "npx sequelize-cli db:migrate:undo"),
        generate: inDir(base, "npx sequelize-cli migration:generate --name <name>"),
      },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    const ext = latest ? posix.extname(latest) : ".js";
    return { convention: "migrations/<YYYYMMDDHHMMSS>-<kebab-name>.js exporting up(queryInterface, Sequelize) and down", example: join(detection.migrationsDirs[0] ?? "migrations", `${nextPrefix(latest, now)}-${slug.replace(/_/g, "-")}${ext}`) };
  },
  commands: { run: "npx sequelize-cli db:migrate", rollback: "npx sequelize-cli db:migrate:undo" },
  transaction: { wrapped: false, optOut: "not wrapped: nothing to opt out of (wrap other steps in sequelize.transaction yourself)" },
};
