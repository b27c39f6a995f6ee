import { posix } from "node:path";
import { join, matching, naturalSort } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import type { FrameworkModule } from "./types.js";
import type { RepoView } from "../repo-view.js";

const MASTER = /(^|\/)db\.changelog-master\.(xml|ya?ml|json|sql)$/;

/** Changelogs run in the order the master includes them. */
async function included(repo: RepoView, master: string): Promise<string[]> {
  const text = (await repo.read(master)) ?? "";
  const base = posix.dirname(master);
  const named = [...text.matchAll(/file\s*[:=]\s*["']?([\w./-]+\.(?:xml|ya?ml|json|sql))/g)].map((m) => m[1] ?? "");
  const resolved = named.map((name) => [join(base, name), name.replace(/^classpath:/, "")].find((p) => repo.has(p)) ?? repo.files.find((f) => f.endsWith("/" + name)) ?? "");
  const dirs = [...text.matchAll(/includeAll\s+path\s*=\s*["']([^"']+)["']|path\s*:\s*([\w./-]+)/g)].map((m) => join(base, (m[1] ?? m[2] ?? "").replace(/\/$/, "")));
  const fromDirs = naturalSort(repo.files.filter((f) => dirs.some((d) => posix.dirname(f) === d)));
  return [...new Set([...resolved.filter(Boolean), ...fromDirs])];
}

export const liquibase: FrameworkModule = {
  id: "liquibase",
  name: "Liquibase",
  async detect(repo) {
    const masters = matching(repo, MASTER);
    if (!masters.length) return null;
    const master = masters[0]!;
    let migrations = await included(repo, master);
    if (!migrations.length) migrations = [master];
    const dirs = [...new Set([posix.dirname(master), ...migrations.map((m) => posix.dirname(m))])];
    return {
      evidence: [{ path: master }], migrations, migrationsDirs: dirs, schemaFiles: [],
      commands: { run: "liquibase update", rollback: "liquibase rollback-count 1", generate: "add a changeSet file and include it in the master changelog" },
    };
  },
  newMigration(detection, slug, now) {
    const latest = detection.migrations.at(-1) ?? null;
    const ext = latest ? posix.extname(latest) : ".xml";
    const dir = latest ? posix.dirname(latest) : detection.migrationsDirs[0] ?? "db/changelog";
    const prefix = nextPrefix(latest, now, "counter");
    return { convention: "a changelog file per change (changeSet id/author), included from db.changelog-master in order", example: join(dir, `${prefix}-${slug.replace(/_/g, "-")}${ext}`) };
  },
  commands: { run: "liquibase update", rollback: "liquibase rollback-count 1" },
  transaction: { wrapped: true, optOut: 'runInTransaction="false" on the changeSet' },
};
