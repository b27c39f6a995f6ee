import { join, matching, naturalSort, citeFirst, dirsOf, rootOf, inDir } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import type { DatabaseClue, FrameworkModule } from "./types.js";
import type { Cite, FrameworkInfo } from "../types.js";
import type { RepoView } from "../repo-view.js";
import { snakeCase } from "../names.js";
import { posix } from "node:path";

const MIGRATION = /(^|\/)priv\/\w+\/migrations\/\d+_\w+\.exs$/;
const ADAPTERS: [RegExp, DatabaseClue["engine"]][] = [
  [/:postgrex\b|Ecto\.Adapters\.Postgres/, "postgres"],
  [/:myxql\b|Ecto\.Adapters\.MyXQL/, "mysql"],
  [/:ecto_sqlite3\b|Ecto\.Adapters\.SQLite3/, "sqlite"],
  [/:tds\b|Ecto\.Adapters\.Tds/, "sqlserver"],
];

/**
 * With several repos (`ecto_repos: [App.Repo, App.IngestRepo]`), `mix ecto.rollback` would undo the latest
 * migration of every one: each folder `priv/<repo>/migrations` gets commands naming its repo with `-r`.
 */
async function repoCommands(repo: RepoView, dirs: string[], root: string): Promise<NonNullable<FrameworkInfo["folderCommands"]>> {
  const modules: string[] = [];
  for (const config of matching(repo, /(^|\/)config\/[\w.]+\.exs$/)) {
    const list = /ecto_repos:\s*\[([^\]]*)\]/.exec((await repo.read(config)) ?? "")?.[1] ?? "";
    modules.push(...(list.match(/[A-Z][\w.]*/g) ?? []));
  }
  return dirs.flatMap((dir) => {
    const folder = posix.basename(posix.dirname(dir));
    const module = modules.find((m) => snakeCase(m.split(".").at(-1) ?? "") === folder);
    if (!module) return [];
    return [{ dir, commands: {
      run: inDir(root, `mix ecto.migrate -r ${module}`),
      rollback: inDir(root, `mix ecto.rollback -r ${module} --step 1`),
      generate: inDir(root, `mix ecto.gen.migration -r ${module} <name>`),
    } }];
  });
}

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
    // The latest migration's module shows the namespace a new one takes (`Shop.Repo.Migrations.…`).
    const latest = migrations.at(-1);
    const module = latest ? await citeFirst(repo, latest, /^\s*defmodule\s+[\w.]+\.Migrations\.\w+/) : null;
    if (module) evidence.push(module);
    const root = migrations[0] ? rootOf(migrations[0], "priv/") : "";
    const dirs = dirsOf(migrations);
    const folderCommands = dirs.length > 1 ? await repoCommands(repo, dirs, root) : [];
    return {
      evidence, migrations, database,
      ...(folderCommands.length ? { folderCommands } : {}),
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
