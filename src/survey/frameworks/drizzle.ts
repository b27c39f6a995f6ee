import { posix } from "node:path";
import { join, matching, clueFrom, naturalSort, inDir } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import type { FrameworkModule } from "./types.js";

export const drizzle: FrameworkModule = {
  id: "drizzle",
  name: "Drizzle",
  async detect(repo) {
    const configs = matching(repo, /(^|\/)drizzle\.config\.(ts|js|mjs|cjs|json)$/);
    if (!configs.length) return null;
    const config = configs[0]!;
    const base = posix.dirname(config).replace(/^\.$/, "");
    const text = (await repo.read(config)) ?? "";
    const out = join(base, (/\bout\s*:\s*["'`]\.?\/?([^"'`]+?)\/?["'`]/.exec(text)?.[1] ?? "drizzle"));
    const schemaPath = /\bschema\s*:\s*["'`]\.?\/?([^"'`*]+)/.exec(text)?.[1];
    const inOut = repo.files.filter((f) => f.startsWith(out + "/"));
    const migrations = naturalSort(inOut.filter((f) => /\/\d{4}_[\w-]+\.sql$/.test(f) || /\/\d{14}_[\w-]+\/migration\.sql$/.test(f)),
      (p) => (p.endsWith("/migration.sql") ? posix.basename(posix.dirname(p)) : posix.basename(p)));
    const schemaFiles = schemaPath
      ? repo.files.filter((f) => f === join(base, schemaPath) || f.startsWith(join(base, schemaPath).replace(/\/$/, "") + "/"))
      : [];
    const clue = await clueFrom(repo, config, /\bdialect\s*:\s*["'`](\w+)/);
    return {
      evidence: [{ path: config }, ...matching(repo, /(^|\/)meta\/_journal\.json$/).map((path) => ({ path }))],
      migrations, schemaFiles, migrationsDirs: [out],
      database: clue ? [clue] : [],
      commands: {
        run: inDir(base, "npx drizzle-kit migrate"),
        rollback: "no rollback command: write a reverse migration (drizzle-kit generate --custom) and apply it",
        generate: inDir(base, "npx drizzle-kit generate --name <name>"),
      },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    const dir = detection.migrationsDirs[0] ?? "drizzle";
    if (latest?.endsWith("/migration.sql")) {
      return { convention: "<out>/<YYYYMMDDHHMMSS>_<name>/migration.sql from drizzle-kit generate", example: join(dir, `${nextPrefix(posix.basename(posix.dirname(latest)), now)}_${slug}`, "migration.sql") };
    }
    return { convention: "<out>/<NNNN>_<name>.sql from drizzle-kit generate (journal in meta/_journal.json)", example: join(dir, `${nextPrefix(latest, now, "counter").padStart(4, "0")}_${slug}.sql`) };
  },
  commands: { run: "npx drizzle-kit migrate", rollback: "no rollback command", generate: "npx drizzle-kit generate" },
  transaction: { wrapped: true, optOut: "no per-migration switch: run CREATE INDEX CONCURRENTLY outside drizzle-kit migrate (psql), or alone" },
};
