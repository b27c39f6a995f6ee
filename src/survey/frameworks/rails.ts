import { join, naturalSort, matching, citeFirst, dirsOf, rootOf, inDir } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import type { FrameworkModule } from "./types.js";
import type { Cite } from "../types.js";

const MIGRATION = /(^|\/)db\/(\w+_)?migrate\/\d+_\w+\.rb$/;
const SCHEMA = /(^|\/)db\/(\w+_)?(schema\.rb|structure\.sql)$/;

export const rails: FrameworkModule = {
  id: "rails",
  name: "Rails (ActiveRecord)",
  async detect(repo) {
    const migrations = naturalSort(matching(repo, MIGRATION));
    const gemfiles = matching(repo, /(^|\/)Gemfile$/);
    const evidence: Cite[] = [];
    for (const gemfile of gemfiles) {
      const cite = await citeFirst(repo, gemfile, /gem\s+["'](rails|activerecord)["']/);
      if (cite) evidence.push(cite);
    }
    if (!migrations.length && !evidence.length) return null;
    if (migrations[0]) evidence.push({ path: migrations[0] });
    // The Rails version a new migration's `Migration[x.y]` must name: the lock's, else the latest migration's.
    for (const lock of matching(repo, /(^|\/)Gemfile\.lock$/)) {
      const cite = await citeFirst(repo, lock, /^ {4}rails \(\d+\.\d+/);
      if (cite) evidence.push(cite);
    }
    const latest = migrations.at(-1);
    const bracket = latest ? await citeFirst(repo, latest, /ActiveRecord::Migration\[\d+\.\d+\]/) : null;
    if (bracket) evidence.push(bracket);
    const root = migrations[0] ? rootOf(migrations[0], "db/") : rootOf(gemfiles[0] ?? "", "Gemfile");
    const safetyTools: string[] = [];
    for (const lock of matching(repo, /(^|\/)Gemfile(\.lock)?$/)) {
      const text = (await repo.read(lock)) ?? "";
      for (const gem of ["strong_migrations", "online_migrations"]) if (text.includes(gem)) safetyTools.push(gem);
    }
    return {
      evidence, migrations,
      migrationsDirs: migrations.length ? dirsOf(migrations) : [join(root, "db/migrate")],
      schemaFiles: matching(repo, SCHEMA),
      safetyTools: [...new Set(safetyTools)],
      commands: {
        run: inDir(root, "bin/rails db:migrate"),
        rollback: inDir(root, "bin/rails db:rollback STEP=1"),
        generate: inDir(root, "bin/rails generate migration <Name>"),
      },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    const dir = detection.migrationsDirs[0] ?? "db/migrate";
    return { convention: "db/migrate/<YYYYMMDDHHMMSS>_<snake_name>.rb, class named in CamelCase", example: join(dir, `${nextPrefix(latest, now)}_${slug}.rb`) };
  },
  commands: { run: "bin/rails db:migrate", rollback: "bin/rails db:rollback STEP=1", generate: "bin/rails generate migration <Name>" },
  transaction: { wrapped: true, optOut: "disable_ddl_transaction! in the migration class" },
};
