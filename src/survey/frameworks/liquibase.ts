import { posix } from "node:path";
import { join, matching, naturalSort } from "./common.js";
import { nextPrefix } from "../migration-name.js";
import type { FrameworkModule } from "./types.js";
import type { RepoView } from "../repo-view.js";

/** Names a root changelog goes by: `db.changelog-master.yaml` (Spring Boot), `master.xml` (JHipster), `changelog.xml`, `db.changelog-root.xml`. */
const MASTER_NAME = /(^|\/)(?:db\.changelog[\w.-]*|changelog[\w.-]*|master)\.(xml|ya?ml|json)$/i;
const CONFIGURED = /(?:change-?log-?file|change-log|changeLogFile)\s*[:=>]\s*["']?(?:classpath:)?\/?([\w./-]+\.(?:xml|ya?ml|json|sql))/i;
const CONFIG_FILES = /(^|\/)(application[\w-]*\.(properties|ya?ml)|liquibase\.properties|pom\.xml|build\.gradle(\.kts)?)$/;

/** The root changelog: the one a config names, else a changelog-named file that includes others, else any changelog. */
async function findMaster(repo: RepoView): Promise<string | null> {
  for (const config of matching(repo, CONFIG_FILES)) {
    const named = CONFIGURED.exec((await repo.read(config)) ?? "")?.[1];
    const path = named && (repo.files.find((f) => f === named || f.endsWith(`/${named}`)) ?? null);
    if (path) return path;
  }
  const changelogs: string[] = [];
  for (const path of matching(repo, MASTER_NAME)) {
    if ((await repo.read(path))?.includes("databaseChangeLog")) changelogs.push(path);
  }
  const includesOthers = async (path: string) => /\binclude(?:All)?\b/.test((await repo.read(path)) ?? "");
  for (const path of changelogs) if (await includesOthers(path)) return path;
  return changelogs[0] ?? null;
}

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
    const master = await findMaster(repo);
    if (!master) return null;
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
