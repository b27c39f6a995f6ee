import { posix } from "node:path";
import { join, matching, naturalSort, dirsOf, citeFirst } from "./common.js";
import type { FrameworkModule } from "./types.js";
import type { Cite } from "../types.js";

const VERSIONED = /(^|\/)V\d+(?:[._]\d+)*__[\w-]+\.sql$/;

export const flyway: FrameworkModule = {
  id: "flyway",
  name: "Flyway",
  async detect(repo) {
    const migrations = naturalSort(matching(repo, VERSIONED));
    const configs = matching(repo, /(^|\/)flyway\.(conf|toml)$/);
    const evidence: Cite[] = configs.map((path) => ({ path }));
    for (const build of matching(repo, /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/)) {
      const cite = await citeFirst(repo, build, /flyway/i);
      if (cite) evidence.push(cite);
    }
    if (!migrations.length && !configs.length) return null;
    if (migrations[0]) evidence.push({ path: migrations[0] });
    return {
      evidence, migrations, migrationsDirs: migrations.length ? dirsOf(migrations) : ["src/main/resources/db/migration"], schemaFiles: [],
      commands: { run: "flyway migrate", rollback: "flyway undo (Teams edition, with a U<version>__ script); otherwise fix forward with a new V script" },
    };
  },
  newMigration(detection, slug) {
    const latest = detection.migrations.at(-1);
    const version = latest ? /^V(\d+(?:[._]\d+)*)__/.exec(posix.basename(latest))?.[1] ?? "0" : "0";
    const parts = version.split(/[._]/);
    const next = String(Number(parts[0] ?? "0") + 1);
    return { convention: "V<version>__<description>.sql, version after the latest; U<version>__ for undo", example: join(detection.migrationsDirs[0] ?? "db/migration", `V${next}__${slug}.sql`) };
  },
  commands: { run: "flyway migrate", rollback: "flyway undo" },
  transaction: { wrapped: true, optOut: "a script config file V<version>__<name>.sql.conf with executeInTransaction=false" },
};
