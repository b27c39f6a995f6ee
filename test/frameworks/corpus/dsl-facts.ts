/**
 * What the DSL readers' corpus checks share: each app's migrations replayed, and a list of facts checked by hand
 * in its files (file and line with each). A fact the reader gets wrong or cannot know is listed under `known` with
 * the reason: the check prints right and wrong, and fails when any other fact is wrong or a known one is fixed.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fg from "fast-glob";
import { expect } from "vitest";
import type { FrameworkReader, ReadContext } from "../../../src/frameworks/reader.js";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findColumn, findTable, type Schema, type SqlDialect, type Table, type Unreadable } from "../../../src/model/schema.js";

export function context(root: string, dialect: SqlDialect): ReadContext {
  return { dialect, readText: (path) => readFile(join(root, path), "utf8") };
}

export async function replayed(root: string, dialect: SqlDialect, glob: string, reader: FrameworkReader) {
  const paths = (await fg(glob, { cwd: root })).sort();
  const read = await reader.readMigrations(paths, context(root, dialect));
  return { schema: replayMigrations(emptySchema(dialect), read.migrations), unreadable: read.unreadable, files: paths.length, migrations: read.migrations.length };
}

export type Fact = [what: string, actual: (schema: Schema) => unknown, expected: unknown];

/** Checks every fact; prints right/wrong and what was not typed; the wrong ones must be exactly `known`. */
export function check(app: string, schema: Schema, facts: Fact[], known: Record<string, string>, unreadable: Unreadable[]) {
  const wrong = facts.flatMap(([what, actual, expected]) => {
    let value: unknown;
    try {
      value = actual(schema);
    } catch (error) {
      value = `threw ${(error as Error).message}`;
    }
    return isDeepStrictEqual(value, expected) ? [] : [{ what, value, expected }];
  });
  const files = new Set(unreadable.map((u) => u.path));
  console.log(`${app}: ${facts.length - wrong.length} right, ${wrong.length} wrong of ${facts.length} hand-checked facts; ${unreadable.length} statements in ${files.size} files not typed`);
  expect(wrong.map((w) => w.what).sort()).toEqual(Object.keys(known).sort());
}

export const table = (schema: Schema, name: string): Table => findTable(schema, name) ?? (() => { throw new Error(`no table ${name}`); })();
export const column = (schema: Schema, t: string, c: string) => {
  const found = findColumn(table(schema, t), c);
  return found ? { type: found.type?.value, nullable: found.nullable?.value, default: found.default?.value } : null;
};
export const index = (schema: Schema, t: string, name: string) => {
  const found = table(schema, t).indexes.find((i) => i.name === name);
  return found ? { unique: found.unique, method: found.method, keys: found.keys.map((k) => k.column ?? k.expression), where: found.where } : null;
};
export const indexKeys = (schema: Schema, t: string, name: string) => index(schema, t, name)?.keys;
export const opclasses = (schema: Schema, t: string, name: string) => table(schema, t).indexes.find((i) => i.name === name)?.keys.map((k) => k.opclass ?? null);
export const fk = (schema: Schema, t: string, c: string) =>
  table(schema, t).foreignKeys.filter((f) => f.columns.includes(c)).map((f) => ({ name: f.name, refTable: f.refTable, onDelete: f.onDelete }));
export const uniques = (schema: Schema, t: string) => table(schema, t).uniques.map((u) => [u.name, u.columns]);
export const literal = (value: string | number | boolean | null) => ({ kind: "literal", value });
