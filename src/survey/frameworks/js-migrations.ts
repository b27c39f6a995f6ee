/** Where JavaScript runners (knex, Sequelize, TypeORM, node-pg-migrate) keep migrations, read from their config. */
import { posix } from "node:path";
import { join, naturalSort } from "./common.js";
import type { RepoView } from "../repo-view.js";

const SCRIPT = /\.(js|ts|cjs|mjs)$/;

export function scriptsIn(repo: RepoView, dirs: string[]): string[] {
  const found = repo.files.filter((f) => SCRIPT.test(f) && !f.endsWith(".d.ts") && dirs.includes(posix.dirname(f)));
  return naturalSort(found);
}

/** The `directory: "./db/migrations"` (or `migrations: ["src/migrations/*.ts"]`) a config names, relative to the repo. */
export function configuredDirs(text: string, base: string, key: RegExp): string[] {
  const dirs = [...text.matchAll(key)].map((m) => join(base, (m[1] ?? "").replace(/^\.\//, "").replace(/\/?\*.*$/, "").replace(/\/$/, "")));
  return [...new Set(dirs)];
}

export function defaultDirs(repo: RepoView, candidates: RegExp): string[] {
  return [...new Set(repo.files.filter((f) => candidates.test(f)).map((f) => posix.dirname(f)))].sort();
}
