/** A fixture app under test/fixtures/frameworks/<name>/ as a reader sees a repo, and small inline repos. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { ReadContext } from "../../src/frameworks/reader.js";
import type { SqlDialect } from "../../src/model/schema.js";
import { FIXTURES, folderContext } from "./fixture-context.js";

export function fixtureContext(app: string, dialect: SqlDialect | null): ReadContext {
  return folderContext(join(FIXTURES, app), dialect);
}

/** Repo-relative paths of the files in one folder of the app, sorted. */
export function filesIn(app: string, folder: string): string[] {
  return readdirSync(join(FIXTURES, app, folder))
    .filter((name) => !name.startsWith("."))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/** A context over inline files, for cases too small for a fixture app. */
export function inlineContext(files: Record<string, string>, dialect: SqlDialect | null): ReadContext {
  return {
    dialect,
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no such file: ${path}`);
      return text;
    },
  };
}
