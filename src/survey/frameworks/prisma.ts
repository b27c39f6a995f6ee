import { posix } from "node:path";
import { join, matching, clueFrom, naturalSort, inDir } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import type { FrameworkModule } from "./types.js";

/** Prisma applies migration folders in name order; baselines and hand-made ones are `0_init`, `01_init`. */
const MIGRATION = /(^|\/)migrations\/\d+_[\w.-]+\/migration\.sql$/;

export const prisma: FrameworkModule = {
  id: "prisma",
  name: "Prisma",
  async detect(repo) {
    const schemas = matching(repo, /\.prisma$/).filter((p) => !p.includes("node_modules/"));
    if (!schemas.length) return null;
    const migrations = naturalSort(matching(repo, MIGRATION), (p) => posix.basename(posix.dirname(p)));
    const database = [];
    for (const schema of schemas) {
      const clue = await clueFrom(repo, schema, /^\s*provider\s*=\s*"(postgresql|postgres|mysql|sqlite|sqlserver|cockroachdb)"/);
      if (clue) database.push(clue);
    }
    const dirs = [...new Set(migrations.map((m) => posix.dirname(posix.dirname(m))))];
    const schemaDir = posix.dirname(schemas[0]!);
    const root = schemaDir.replace(/(^|\/)prisma(\/schema)?$/, "");
    return {
      evidence: [{ path: schemas[0]! }, ...matching(repo, /(^|\/)migration_lock\.toml$/).map((path) => ({ path }))],
      migrations, database, schemaFiles: schemas,
      migrationsDirs: dirs.length ? dirs : [join(schemaDir, "migrations")],
      commands: {
        run: inDir(root, "npx prisma migrate deploy"),
        rollback: inDir(root, "npx prisma migrate diff --from-schema-datamodel <new schema> --to-schema-datamodel <old schema> --script | npx prisma db execute --stdin, then npx prisma migrate resolve --rolled-back <migration>"),
        generate: inDir(root, "npx prisma migrate dev --create-only --name <name>"),
      },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1);
    const dir = detection.migrationsDirs[0] ?? "prisma/migrations";
    const prefix = nextPrefix(latest ? posix.basename(posix.dirname(latest)) : null, now);
    return { convention: "prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql (migrate dev --create-only, then edit)", example: join(dir, `${prefix}_${slug}`, "migration.sql") };
  },
  commands: { run: "npx prisma migrate deploy", rollback: "npx prisma migrate diff … --script | npx prisma db execute --stdin", generate: "npx prisma migrate dev --create-only --name <name>" },
  transaction: { wrapped: false, optOut: "no per-migration switch: put CREATE INDEX CONCURRENTLY alone in its own migration" },
};
