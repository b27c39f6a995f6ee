import { createHash } from "node:crypto";
import { posix } from "node:path";
import { join, matching, clueFrom, dirsOf, inDir, naturalSort } from "./common.js";
import type { FrameworkModule } from "./types.js";
import type { RepoView } from "../repo-view.js";

const VERSION_FILE = /(^|\/)versions\/[\w.-]+\.py$/;

/** Alembic orders revisions by their `down_revision` chain, not by file name; the revision of each file is in it. */
async function chainOrder(repo: RepoView, files: string[]): Promise<{ ordered: string[]; revisionOf: Map<string, string> }> {
  const byRevision = new Map<string, { path: string; down: string | null }>();
  const revisionOf = new Map<string, string>();
  for (const path of files) {
    const text = (await repo.read(path)) ?? "";
    const revision = /^revision\s*(?::\s*\w+\s*)?=\s*["']([\w-]+)["']/m.exec(text)?.[1];
    const down = /^down_revision\s*(?::[^=]+)?=\s*(?:["']([\w-]+)["']|None|\(([^)]*)\))/m.exec(text);
    if (revision) revisionOf.set(path, revision);
    if (revision) byRevision.set(revision, { path, down: down?.[1] ?? /["']([\w-]+)["']/.exec(down?.[2] ?? "")?.[1] ?? null });
  }
  const ordered: string[] = [];
  const children = new Map<string | null, string[]>();
  for (const [revision, { down }] of byRevision) children.set(down, [...(children.get(down) ?? []), revision]);
  const queue = [...(children.get(null) ?? [])];
  while (queue.length) {
    const revision = queue.shift()!;
    ordered.push(byRevision.get(revision)!.path);
    queue.push(...(children.get(revision) ?? []));
  }
  const rest = naturalSort(files.filter((f) => !ordered.includes(f)));
  return { ordered: [...ordered, ...rest], revisionOf };
}

export const alembic: FrameworkModule = {
  id: "alembic",
  name: "Alembic (SQLAlchemy)",
  async detect(repo) {
    const inis = matching(repo, /(^|\/)alembic\.ini$/);
    const versions = matching(repo, VERSION_FILE).filter((p) => !p.endsWith("__init__.py"));
    const envs = matching(repo, /(^|\/)env\.py$/).filter((p) => versions.some((v) => v.startsWith(posix.dirname(p) + "/versions/")));
    if (!inis.length && !envs.length) return null;
    const { ordered: migrations, revisionOf } = await chainOrder(repo, versions);
    const latestRevision = revisionOf.get(migrations.at(-1) ?? "");
    const database = [];
    for (const ini of inis) {
      const clue = await clueFrom(repo, ini, /^\s*sqlalchemy\.url\s*=\s*([a-z0-9]+)/);
      if (clue) database.push(clue);
    }
    const root = inis[0] ? posix.dirname(inis[0]).replace(/^\.$/, "") : "";
    // Flask-Migrate's env.py runs inside the Flask app (`current_app`): bare `alembic` cannot load it.
    const flaskEnv = (await Promise.all(envs.map(async (env) => /\bcurrent_app\b|flask_migrate/.test((await repo.read(env)) ?? "") ? env : null))).find(Boolean);
    const flag = flaskEnv && posix.dirname(flaskEnv) !== "migrations" ? ` --directory ${posix.dirname(flaskEnv)}` : "";
    return {
      evidence: [...inis, ...envs].map((path) => ({ path })),
      migrations, database,
      ...(latestRevision ? { latestRevision } : {}),
      migrationsDirs: versions.length ? dirsOf(versions) : envs.map((e) => join(posix.dirname(e), "versions")),
      schemaFiles: [],
      commands: flaskEnv
        ? { run: `flask db upgrade${flag}`, rollback: `flask db downgrade${flag}`, generate: `flask db revision${flag} -m "<message>"` }
        : { run: inDir(root, "alembic upgrade head"), rollback: inDir(root, "alembic downgrade -1"), generate: inDir(root, 'alembic revision -m "<message>"') },
    };
  },
  newMigration(detection, slug) {
    const dir = detection.migrationsDirs[0] ?? "alembic/versions";
    const revision = createHash("sha1").update(slug).digest("hex").slice(0, 12);
    return { convention: "versions/<revision>_<slug>.py with revision/down_revision set to the current head", example: join(dir, `${revision}_${slug}.py`) };
  },
  commands: { run: "alembic upgrade head", rollback: "alembic downgrade -1", generate: 'alembic revision -m "<message>"' },
  transaction: { wrapped: true, optOut: "with op.get_context().autocommit_block(): around the statement" },
};
