import { join, dirsOf, goDependency, naturalSort, matching } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import { sqlFilesWith } from "./sql-files.js";
import type { FrameworkModule } from "./types.js";
import type { Cite, DatabaseEngine } from "../types.js";
import { DRIVER_MANIFESTS, engineOfDriver } from "../database/driver-deps.js";
import type { RepoView } from "../repo-view.js";

/** goose's driver name for each engine its go.mod's database driver means. */
const GOOSE_DRIVERS: Partial<Record<DatabaseEngine, string>> = { postgres: "postgres", mysql: "mysql", sqlite: "sqlite3", sqlserver: "mssql" };
const GO_DRIVER = DRIVER_MANIFESTS.find((manifest) => manifest.file.test("go.mod"))!.line;

/** goose's driver name for the database driver go.mod requires; else the GOOSE_DRIVER variable goose also reads. */
async function gooseDriver(repo: RepoView): Promise<string> {
  const driver = GO_DRIVER.exec((await goDependency(repo, GO_DRIVER))?.text ?? "")?.[1];
  return (driver && GOOSE_DRIVERS[engineOfDriver(driver)]) || '"$GOOSE_DRIVER"';
}

export const goose: FrameworkModule = {
  id: "goose",
  name: "goose",
  async detect(repo) {
    const sql = await sqlFilesWith(repo, /^--\s*\+goose\s+Up/im);
    const goFiles = matching(repo, /(^|\/)migrations?\/\d+_\w+\.go$/);
    const mod = await goDependency(repo, /pressly\/goose/);
    const migrations = naturalSort([...sql, ...(mod ? goFiles : [])]);
    if (!migrations.length && !mod) return null;
    const evidence: Cite[] = [...(mod ? [mod] : []), ...migrations.slice(0, 1).map((path) => ({ path }))];
    const dir = dirsOf(migrations)[0] ?? "migrations";
    const driver = await gooseDriver(repo);
    return {
      evidence, migrations, migrationsDirs: migrations.length ? dirsOf(migrations) : ["migrations"], schemaFiles: [],
      commands: {
        run: `goose -dir ${dir} ${driver} "$DATABASE_URL" up`,
        rollback: `goose -dir ${dir} ${driver} "$DATABASE_URL" down`,
        generate: `goose -dir ${dir} create <name> sql`,
      },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    return { convention: "<dir>/<YYYYMMDDHHMMSS or NNNNN>_<name>.sql with -- +goose Up / -- +goose Down", example: join(detection.migrationsDirs[0] ?? "migrations", `${nextPrefix(latest, now)}_${slug}.sql`) };
  },
  commands: { run: 'goose -dir <dir> <driver> "$DATABASE_URL" up', rollback: 'goose -dir <dir> <driver> "$DATABASE_URL" down' },
  transaction: { wrapped: true, optOut: "-- +goose NO TRANSACTION at the top of the file" },
};
