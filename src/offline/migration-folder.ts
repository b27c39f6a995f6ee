import { posix } from "node:path";
import type { FrameworkInfo, Survey } from "../survey/types.js";

/** Folders that hold an app's main database when there are several: Rails' db/migrate, Ecto's default repo. */
const MAIN_FOLDER = /(^|\/)(db\/migrate|priv\/repo\/migrations)$/;

/**
 * With several migration folders (Rails' db/cache_migrate, Django's per-app folders, Ecto's priv/<other>_repo), a
 * new migration goes to the table's own: where its history is, else where it is declared (a migration, or the
 * app of its model), else the main one; after the latest migration there, not after the newest anywhere.
 */
export function inTableFolder(framework: FrameworkInfo, survey: Survey): FrameworkInfo {
  if (framework.migrationsDirs.length < 2) return framework;
  const folderOf = (path: string) => framework.migrationsDirs.filter((dir) => path.startsWith(`${dir}/`)).sort((a, b) => b.length - a.length)[0];
  const dir = samePhase(framework, tableFolder(framework, survey, folderOf));
  if (!dir) return framework;
  const latest = framework.migrations.filter((m) => folderOf(m) === dir).at(-1) ?? framework.latestMigration;
  const commands = framework.folderCommands?.find((f) => f.dir === dir)?.commands ?? framework.commands;
  if (latest === framework.latestMigration) return { ...framework, commands };
  // The revision read from the newest file is not this folder's.
  const { latestRevision: _other, ...rest } = framework;
  return { ...rest, commands, latestMigration: latest, migrationsDirs: [dir, ...framework.migrationsDirs.filter((d) => d !== dir)] };
}

function tableFolder(framework: FrameworkInfo, survey: Survey, folderOf: (path: string) => string | undefined): string | undefined {
  const history = new Set(survey.history.map((cite) => cite.path));
  const touched = framework.migrations.filter((m) => history.has(m)).at(-1);
  if (touched) return folderOf(touched);
  const declared = [...(survey.table?.declarations ?? []), ...(survey.column?.declarations ?? []), ...(survey.table?.models ?? []).map((m) => m.where)].map((c) => c.path);
  const inMigration = declared.map(folderOf).find(Boolean);
  if (inMigration) return inMigration;
  // A model's app: the migrations folder whose parent holds the model's file (saleor/account/models.py → saleor/account/migrations).
  const app = framework.migrationsDirs
    .filter((dir) => posix.dirname(dir) !== "." && declared.some((path) => path.startsWith(`${posix.dirname(dir)}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return app ?? framework.migrationsDirs.find((dir) => MAIN_FOLDER.test(dir));
}

/** Rails' db/post_migrate is a later phase of the same database, not another one: new migrations start in db/migrate. */
function samePhase(framework: FrameworkInfo, dir: string | undefined): string | undefined {
  if (!dir?.endsWith("/post_migrate")) return dir;
  return framework.migrationsDirs.find((d) => d === dir.replace(/post_migrate$/, "migrate")) ?? dir;
}
