import { posix } from "node:path";
import { join, matching, clueFrom, packageDependency } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import { configuredDirs, defaultDirs, scriptsIn } from "./js-migrations.js";
import { pascalCase } from "../names.js";
import type { FrameworkModule } from "./types.js";
import type { RepoView } from "../repo-view.js";

const DATA_SOURCE = /(^|\/)(ormconfig\.(json|js|ts|ya?ml)|[\w.-]*data-?source\.(ts|js)|typeorm\.config\.(ts|js))$/i;

/** The TypeORM CLI that can load the data source: plain `typeorm` reads JavaScript, a .ts one needs the ts-node wrapper. */
async function typeormCli(repo: RepoView, source: string): Promise<string> {
  if (!source.endsWith(".ts")) return "typeorm";
  const manifest = repo.files.filter((p) => p.endsWith("package.json") && source.startsWith(posix.dirname(p).replace(/^\.$/, ""))).sort((a, b) => b.length - a.length)[0];
  const esm = manifest ? /"type"\s*:\s*"module"/.test((await repo.read(manifest)) ?? "") : false;
  return esm ? "typeorm-ts-node-esm" : "typeorm-ts-node-commonjs";
}

export const typeorm: FrameworkModule = {
  id: "typeorm",
  name: "TypeORM",
  async detect(repo) {
    const deps = await packageDependency(repo, "typeorm");
    if (!deps.length) return null;
    const sources = matching(repo, DATA_SOURCE);
    let dirs: string[] = [];
    const database = [];
    for (const source of sources) {
      const text = (await repo.read(source)) ?? "";
      const base = (/(^|\/)src\//.test(source) ? source.slice(0, source.indexOf("src/")) : posix.dirname(source) + "/").replace(/^\.\//, "").replace(/^\/$/, "");
      const list = /migrations\s*:\s*\[([^\]]*)\]/.exec(text)?.[1] ?? "";
      dirs.push(...configuredDirs(list, base, /["'`]([^"'`]+)["'`]/g).map((d) => d.replace(/^(dist|build)\//, "src/")));
      const clue = await clueFrom(repo, source, /\btype\s*:\s*["'`](\w+)/);
      if (clue) database.push(clue);
    }
    dirs = [...new Set(dirs)].filter((d) => repo.files.some((f) => f.startsWith(d + "/")));
    if (!dirs.length) dirs = defaultDirs(repo, /(^|\/)migrations?\/\d{13}-[\w-]+\.(ts|js)$/);
    const source = sources[0] ?? "src/data-source.ts";
    const cli = await typeormCli(repo, source);
    return {
      evidence: [...deps, ...sources.map((path) => ({ path }))], migrations: scriptsIn(repo, dirs),
      migrationsDirs: dirs.length ? dirs : ["src/migrations"], schemaFiles: [], database,
      commands: {
        // Each migration in its own transaction: a migration with `transaction = false` is refused in the default "all" mode.
        run: `npx ${cli} migration:run -d ${source} --transaction each`,
        rollback: `npx ${cli} migration:revert -d ${source} --transaction each`,
        generate: `npx typeorm migration:create ${dirs[0] ?? "src/migrations"}/<Name>`,
      },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    const ext = latest ? posix.extname(latest) : ".ts";
    const stamp = nextPrefix(latest, now).length === 13 ? nextPrefix(latest, now) : String(now.getTime());
    return { convention: "<migrations dir>/<epoch ms>-<PascalName>.ts, a class implementing MigrationInterface", example: join(detection.migrationsDirs[0] ?? "src/migrations", `${stamp}-${pascalCase(slug)}${ext}`) };
  },
  commands: { run: "npx typeorm migration:run -d <data-source>", rollback: "npx typeorm migration:revert -d <data-source>" },
  transaction: { wrapped: true, optOut: "transaction = false on the migration class, and run with --transaction each" },
};
