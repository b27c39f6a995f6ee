import { posix } from "node:path";
import { join, matching, naturalSort, dirsOf, goDependency } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import type { FrameworkModule } from "./types.js";
import type { Cite } from "../types.js";

/** `{version}_{title}.up.sql`, the title any text (`0030_2.0.0_schema.up.sql`), as golang-migrate parses it. */
const UP = /(^|\/)\d+_[^/]+\.up\.sql$/;

export const golangMigrate: FrameworkModule = {
  id: "golang-migrate",
  name: "golang-migrate",
  async detect(repo) {
    const ups = naturalSort(matching(repo, UP));
    const mod = await goDependency(repo, /golang-migrate\/migrate/);
    if (!ups.length && !mod) return null;
    const evidence: Cite[] = [...(mod ? [mod] : []), ...ups.slice(0, 1).map((path) => ({ path }))];
    const dir = dirsOf(ups)[0] ?? "migrations";
    return {
      evidence, migrations: ups, migrationsDirs: ups.length ? dirsOf(ups) : ["migrations"], schemaFiles: [],
      commands: {
        run: `migrate -path ${dir} -database "$DATABASE_URL" up`,
        rollback: `migrate -path ${dir} -database "$DATABASE_URL" down 1`,
        generate: `migrate create -ext sql -dir ${dir} -seq <name>`,
      },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    const dir = detection.migrationsDirs[0] ?? "migrations";
    const prefix = nextPrefix(latest ? posix.basename(latest) : null, now, "counter");
    return { convention: "<NNNNNN>_<name>.up.sql with a matching .down.sql, numbered after the latest", example: join(dir, `${prefix}_${slug}.up.sql`) };
  },
  commands: { run: 'migrate -path <dir> -database "$DATABASE_URL" up', rollback: 'migrate -path <dir> -database "$DATABASE_URL" down 1' },
  transaction: { wrapped: false, optOut: "not wrapped, but a multi-statement file runs in one implicit transaction: put CREATE INDEX CONCURRENTLY alone in its own file" },
};
