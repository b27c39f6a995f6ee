import { posix } from "node:path";
import { join, packageDependency } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import { defaultDirs, scriptsIn } from "./js-migrations.js";
import type { FrameworkModule } from "./types.js";

export const nodePgMigrate: FrameworkModule = {
  id: "node-pg-migrate",
  name: "node-pg-migrate",
  async detect(repo) {
    const deps = await packageDependency(repo, "node-pg-migrate");
    if (!deps.length) return null;
    const manifest = deps[0]!.path;
    const base = posix.dirname(manifest).replace(/^\.$/, "");
    const configured = /(?:-m|--migrations-dir)\s+["']?([\w./-]+)/.exec((await repo.read(manifest)) ?? "")?.[1];
    let dirs = configured ? [join(base, configured.replace(/^\.\//, ""))] : [];
    if (!dirs.length) dirs = defaultDirs(repo, new RegExp(`^${base ? base + "/" : ""}migrations/\\d+[_-][^/]+\\.(js|ts|cjs|mjs|sql)$`));
    return {
      evidence: deps, migrations: scriptsIn(repo, dirs), migrationsDirs: dirs.length ? dirs : [join(base, "migrations")], schemaFiles: [],
      database: [{ engine: "postgres", where: deps[0]! }],
      commands: { run: "npx node-pg-migrate up", rollback: "npx node-pg-migrate down", generate: "npx node-pg-migrate create <name>" },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    const ext = latest ? posix.extname(latest) : ".js";
    const prefix = nextPrefix(latest, now);
    return { convention: "migrations/<epoch ms>_<name>.js exporting up(pgm) and down(pgm)", example: join(detection.migrationsDirs[0] ?? "migrations", `${prefix.length === 13 ? prefix : now.getTime()}_${slug.replace(/_/g, "-")}${ext}`) };
  },
  commands: { run: "npx node-pg-migrate up", rollback: "npx node-pg-migrate down" },
  transaction: { wrapped: true, optOut: "pgm.noTransaction() at the top of up()" },
};
