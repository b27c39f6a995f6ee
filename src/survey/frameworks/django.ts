import { posix } from "node:path";
import { join, matching, citeFirst, clueFrom, dirsOf, inDir, rootOf } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import type { FrameworkModule } from "./types.js";
import type { Cite } from "../types.js";

const MIGRATION = /(^|\/)migrations\/\d{4}_\w+\.py$/;

/** Django migrations sort by app, then by number; the latest is the newest of the busiest app. */
function order(paths: string[]): string[] {
  return [...paths].sort((a, b) => posix.dirname(a).localeCompare(posix.dirname(b)) || posix.basename(a).localeCompare(posix.basename(b)));
}

export const django: FrameworkModule = {
  id: "django",
  name: "Django",
  async detect(repo) {
    const manage = matching(repo, /(^|\/)manage\.py$/);
    const migrations = order(matching(repo, MIGRATION).filter((p) => !/(^|\/)(alembic|versions)\//.test(p)));
    if (!manage.length && !migrations.length) return null;
    const evidence: Cite[] = manage.map((path) => ({ path }));
    if (migrations[0]) evidence.push({ path: migrations[0] });
    const database = [];
    for (const settings of matching(repo, /(^|\/)settings(\/\w+)?\.py$|(^|\/)settings\.py$/)) {
      const clue = await clueFrom(repo, settings, /["']ENGINE["']\s*:\s*["']django\.db\.backends\.(\w+)/);
      if (clue) database.push(clue);
      const url = await citeFirst(repo, settings, /(postgres|mysql|sqlite)\w*:\/\//);
      if (!clue && url) database.push({ engine: url.text?.includes("postgres") ? "postgres" as const : url.text?.includes("mysql") ? "mysql" as const : "sqlite" as const, where: url });
    }
    const safetyTools: string[] = [];
    for (const req of matching(repo, /(^|\/)(requirements[\w.-]*\.txt|pyproject\.toml|Pipfile)$/)) {
      const text = (await repo.read(req)) ?? "";
      if (text.includes("django-pg-zero-downtime-migrations")) safetyTools.push("django-pg-zero-downtime-migrations");
      if (text.includes("django-migration-linter")) safetyTools.push("django-migration-linter");
    }
    const root = rootOf(manage[0] ?? "", "manage.py");
    const latest = migrations.at(-1);
    const app = latest ? posix.basename(posix.dirname(posix.dirname(latest))) : "<app>";
    return {
      evidence, migrations, database, safetyTools: [...new Set(safetyTools)],
      migrationsDirs: dirsOf(migrations),
      schemaFiles: [],
      commands: {
        run: inDir(root, "python manage.py migrate"),
        rollback: inDir(root, `python manage.py migrate ${app} ${latest ? posix.basename(latest, ".py") : "<previous>"}`),
        generate: inDir(root, `python manage.py makemigrations ${app} --name <name>`),
      },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    const dir = latest ? posix.dirname(latest) : join(detection.migrationsDirs[0] ?? "app/migrations");
    return { convention: "<app>/migrations/<NNNN>_<name>.py, numbered after the app's latest", example: join(dir, `${nextPrefix(latest, now, "counter")}_${slug}.py`) };
  },
  commands: { run: "python manage.py migrate", rollback: "python manage.py migrate <app> <previous>", generate: "python manage.py makemigrations" },
  transaction: { wrapped: true, optOut: "atomic = False on the Migration class" },
};
