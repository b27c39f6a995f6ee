import { join, matching, naturalSort, citeFirst, dirsOf, rootOf, inDir } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import type { DatabaseClue, FrameworkModule } from "./types.js";
import type { Cite } from "../types.js";

const MIGRATION = /(^|\/)priv\/\w+\/migrations\/\d+_\w+\.exs$/;
const ADAPTERS: [RegExp, DatabaseClue["engine"]][] = [
  [/:postgrex\b|Ecto\.Adapters\.Postgres/, "postgres"],
  [/:myxql\b|Ecto\.Adapters\.MyXQL/, "mysql"],
  [/:ecto_sqlite3\b|Ecto\.Adapters\.SQLite3/, "sqlite"],
  [/:tds\b|Ecto\.Adapters\.Tds/, "sqlserver"],
];

export const ecto: FrameworkModule = {
  id: "ecto",
  name: "Ecto (Elixir)",
  async detect(repo) {
    const migrations = naturalSort(matching(repo, MIGRATION));
    const evidence: Cite[] = [];
    const database: DatabaseClue[] = [];
    for (const mix of matching(repo, /(^|\/)mix\.exs$/)) {
      const cite = await citeFirst(repo, mix, /:ecto_sql\b|:ecto\b/);
      if (cite) evidence.push(cite);
      for (const [pattern, engine] of ADAPTERS) {
        const where = await citeFirst(repo, mix, pattern);
        if (where) database.push({ engine, where });
      }
    }
    if (!evidence.length && !migrations.length) return null;
    const root = migrations[0] ? rootOf(migrations[0], "priv/") : "";
    return {
      evidence, migrations, database,
      migrationsDirs: migrations.length ? dirsOf(migrations) : [join(root, "priv/repo/migrations")],
      schemaFiles: matching(repo, /(^|\/)priv\/\w+\/structure\.sql$/),
      commands: {
        run: inDir(root, "mix ecto.migrate"),
        rollback: inDir(root, "mix ecto.rollback --step 1"),
        generate: inDir(root, "mix ecto.gen.migration <name>"),
      },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    return { convention: "priv/repo/migrations/<YYYYMMDDHHMMSS>_<name>.exs using Ecto.Migration", example: join(detection.migrationsDirs[0] ?? "priv/repo/migrations", `${nextPrefix(latest, now)}_${slug}.exs`) };
  },
  commands: { run: "mix ecto.migrate", rollback: "mix ecto.rollback --step 1", generate: "mix ecto.gen.migration <name>" },
  transaction: { wrapped: true, optOut: "@disable_ddl_transaction true and @disable_migration_lock true in the migration module" },
};
