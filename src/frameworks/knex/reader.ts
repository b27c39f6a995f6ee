/**
 * Knex migrations (`exports.up = (knex) => …`, `export async function up(knex)`), in knex's order: by file
 * name. Each runs in a transaction unless it exports `config = { transaction: false }`. Helpers the
 * migration hands the knex object to (`models.createUserTable(knex)`) are followed into their modules.
 */
import type { Migration, Operation } from "../../model/operations.js";
import type { Unreadable } from "../../model/schema.js";
import { exportedFunction, localFunction } from "../../parse/js-exports.js";
import { candidatePaths, importsOf, reexportsOf } from "../../parse/js-imports.js";
import { languageOfPath, withTree } from "../../parse/tree-sitter.js";
import { resolveSteps, type Step } from "../embedded-sql.js";
import type { FrameworkReader, MigrationsRead, ReadContext } from "../reader.js";
import { readMigrationBody, type HelperCall, type KnexStep } from "./schema-calls.js";
import { transactionOptOut } from "./transaction.js";

/** How deep helper calls are followed (a migration → a models index → the model file). */
const HELPER_DEPTH = 4;

export const knexReader: FrameworkReader = {
  async readMigrations(paths, context): Promise<MigrationsRead> {
    const migrations: Migration[] = [];
    const unreadable: Unreadable[] = [];
    const byName = [...paths].sort((a, b) => basename(a).localeCompare(basename(b)));
    for (const path of byName) {
      try {
        const migration = await readMigration(path, context, unreadable);
        if (migration) migrations.push(migration);
      } catch (error) {
        unreadable.push({ path, message: (error as Error).message });
      }
    }
    return { migrations, unreadable };
  },
};

async function readMigration(path: string, context: ReadContext, unreadable: Unreadable[]): Promise<Migration | null> {
  const language = languageOfPath(path);
  if (!language) throw new Error("not a JavaScript or TypeScript file");
  const text = await context.readText(path);
  const conditions: string[] = [];
  const read = await withTree(language, text, (root) => {
    const up = exportedFunction(root, "up");
    const down = exportedFunction(root, "down");
    const body = (fn: typeof up, into: string[]) => (fn ? readMigrationBody(fn.body, fn.params.slice(0, 1), context.dialect, path, into) : null);
    return { up: body(up, conditions), down: body(down, []), optOut: transactionOptOut(root, path) };
  });
  if (!read.up) {
    unreadable.push({ path, message: "no exported up function" });
    return null;
  }
  const version = basename(path).replace(/\.[^.]+$/, "");
  const up = await finish(read.up, path, context, unreadable, conditions);
  return {
    path,
    framework: "knex",
    version,
    transaction: read.optOut ? "none" : "wrapped",
    ...(read.optOut ? { optOut: read.optOut } : {}),
    ...(conditions.length ? { conditions } : {}),
    up,
    down: read.down ? await finish(read.down, path, context, unreadable, []) : null,
  };
}

async function finish(steps: KnexStep[], path: string, context: ReadContext, unreadable: Unreadable[], conditions: string[], depth = 0): Promise<Operation[]> {
  const flat: Step[] = [];
  for (const step of steps) {
    if (step.kind !== "helper") flat.push(step);
    else flat.push(...(await followHelper(step, path, context, unreadable, conditions, depth)));
  }
  return resolveSteps(flat, context.dialect, unreadable);
}

/** The operations of a helper function the migration calls with the knex object; none when it cannot be found. */
async function followHelper(call: HelperCall, fromPath: string, context: ReadContext, unreadable: Unreadable[], conditions: string[], depth: number): Promise<Operation[]> {
  if (depth >= HELPER_DEPTH) return [];
  const text = await context.readText(fromPath);
  const language = languageOfPath(fromPath)!;
  const target = await withTree(language, text, (root) => {
    const [first, second] = call.callee;
    if (call.callee.length === 1) {
      const local = localFunction(root, first!);
      if (local) return { local: readMigrationBody(local.body, local.params.slice(call.argument, call.argument + 1), context.dialect, fromPath, conditions) };
    }
    const imported = importsOf(root).get(first!);
    if (!imported || call.callee.length > 2) return null;
    const name = imported.name === "*" ? second : call.callee.length === 1 ? imported.name : null;
    return name ? { specifier: imported.specifier, name } : null;
  });
  if (!target) return [];
  if ("local" in target && target.local) return finish(target.local, fromPath, context, unreadable, conditions, depth + 1);
  if (!("specifier" in target) || !target.specifier || !target.name) return [];
  const found = await findInModule(target.specifier, target.name, fromPath, call.argument, context, conditions, depth);
  if (!found) {
    unreadable.push({ path: fromPath, line: call.at.line, message: `helper ${call.callee.join(".")} was not found in ${target.specifier}` });
    return [];
  }
  return finish(found.steps, found.path, context, unreadable, conditions, depth + 1);
}

async function findInModule(specifier: string, name: string, fromPath: string, argument: number, context: ReadContext, conditions: string[], depth: number): Promise<{ steps: KnexStep[]; path: string } | null> {
  if (depth >= HELPER_DEPTH) return null;
  for (const candidate of candidatePaths(fromPath, specifier)) {
    const language = languageOfPath(candidate);
    if (!language) continue;
    let text: string;
    try {
      text = await context.readText(candidate);
    } catch {
      continue;
    }
    const read = await withTree(language, text, (root) => {
      const fn = localFunction(root, name) ?? exportedFunction(root, name);
      if (fn) return { steps: readMigrationBody(fn.body, fn.params.slice(argument, argument + 1), context.dialect, candidate, conditions) };
      return { reexports: reexportsOf(root) };
    });
    if (read.steps) return { steps: read.steps, path: candidate };
    for (const next of read.reexports ?? []) {
      const found = await findInModule(next, name, candidate, argument, context, conditions, depth + 1);
      if (found) return found;
    }
    return null;
  }
  return null;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

