/**
 * The table a model stands for, when the task names a model (`User.email`) rather than a table. The model's own
 * mapping wins (`@@map`, `db_table`, `__tablename__`, `self.table_name`, `tableName`, `@Entity("…")`, Ecto's
 * `schema "…"`); else the convention of the ORM that declares it: Prisma keeps the model's name, Django prefixes
 * the app, TypeORM snake-cases it, Sequelize pluralizes it as written; Rails, Laravel and the rest pluralize in
 * snake case.
 */
import { posix } from "node:path";
import { areaOf, isTestPath } from "../areas.js";
import { pluralize, snakeCase, squash, tableForModel } from "../names.js";
import type { RepoView } from "../repo-view.js";
import type { FrameworkInfo } from "../types.js";

/** A model mapped to its table by name, in the model or on the line before it; the first group that matched is the table. */
export const MAPS_TABLE = /(?:\bdb_table|\b__tablename__|\bself\.table_name|\btableName|\$table)\s*[=:]\s*["'](\w+)["']|@@map\(\s*(?:name:\s*)?["'](\w+)["']|@Entity\(\s*(?:\{\s*name\s*:\s*)?["'](\w+)["']|@Table\(\s*(?:name\s*=\s*)?["'](\w+)["']|^\s*schema\s+"(\w+)"/;
/** How far into a model's block its mapping is looked for: Meta classes and `@@map` come after the fields. */
const MODEL_BLOCK_LINES = 150;

interface ModelSite {
  path: string;
  lines: string[];
  index: number;
}

export async function tableOfModel(repo: RepoView, model: string, frameworks: FrameworkInfo[]): Promise<string> {
  const site = await findModel(repo, model, frameworks);
  if (!site) return tableForModel(model);
  return mappedTable(site) ?? conventionalTable(site, model, frameworks);
}

/** The file and line where a model class (or Prisma model, Ecto schema module) is opened, or null. */
export async function findModel(repo: RepoView, model: string, frameworks: FrameworkInfo[]): Promise<ModelSite | null> {
  const opener = new RegExp(String.raw`^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?(?:class|model)\s+${model}\b|^\s*defmodule\s+[\w.]*\b${model}\s+do\b`);
  // Schema files, files where models live, and files named after the model wherever they are (Ecto's lib/app/accounts/user.ex).
  const named = squash(model);
  const candidates = [...new Set([
    ...frameworks.flatMap((f) => f.schemaFiles),
    ...repo.files.filter((p) => !isTestPath(p) && (areaOf(p, "") === "models" || squash(posix.basename(p).replace(/\.\w+$/, "")) === named)),
  ])];
  for (const path of candidates) {
    const text = await repo.read(path);
    if (!text?.includes(model)) continue;
    const lines = await repo.lines(path);
    const index = lines.findIndex((line) => opener.test(line));
    if (index >= 0) return { path, lines, index };
  }
  return null;
}

/** The mapping in the decorator lines above the model or in its block, up to the next model. */
function mappedTable(site: ModelSite): string | null {
  const decorators = site.lines.slice(Math.max(0, site.index - 3), site.index).filter((line) => /^\s*@/.test(line));
  const block: string[] = [];
  for (let i = site.index + 1; i < Math.min(site.lines.length, site.index + MODEL_BLOCK_LINES); i++) {
    const line = site.lines[i] ?? "";
    if (/^(?:export\s+)?(?:class|model)\s+\w+|^defmodule\s/.test(line)) break;
    block.push(line);
  }
  for (const line of [...decorators, site.lines[site.index] ?? "", ...block]) {
    const table = MAPS_TABLE.exec(line)?.slice(1).find(Boolean);
    if (table) return table;
  }
  return null;
}

function conventionalTable(site: ModelSite, model: string, frameworks: FrameworkInfo[]): string {
  const ids = new Set(frameworks.map((f) => f.id));
  if (site.path.endsWith(".prisma")) return model;
  if (ids.has("django") && site.path.endsWith(".py")) {
    // The app is the folder of models.py, or the parent of a models/ package.
    const dir = posix.dirname(site.path);
    const app = posix.basename(posix.basename(dir) === "models" ? posix.dirname(dir) : dir);
    return `${app}_${model.toLowerCase()}`;
  }
  if (ids.has("typeorm") && /@Entity\(/.test(site.lines.slice(Math.max(0, site.index - 3), site.index).join("\n"))) return snakeCase(model);
  if (ids.has("sequelize") && /\.(?:[cm]?js|ts)$/.test(site.path)) return pluralize(model);
  return tableForModel(model);
}
