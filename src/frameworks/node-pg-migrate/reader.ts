/**
 * node-pg-migrate migrations (`exports.up = (pgm) => …`), in file-name order, each in a transaction unless
 * it calls `pgm.noTransaction()`; `exports.shorthands` are the file's own column shorthands.
 */
import type { Migration } from "../../model/operations.js";
import type { Unreadable } from "../../model/schema.js";
import { exportedFunction, exportedValue } from "../../parse/js-exports.js";
import { languageOfPath, withTree } from "../../parse/tree-sitter.js";
import { resolveSteps } from "../embedded-sql.js";
import type { FrameworkReader, MigrationsRead, ReadContext } from "../reader.js";
import { readPgmCalls } from "./calls.js";

export const nodePgMigrateReader: FrameworkReader = {
  async readMigrations(paths, context): Promise<MigrationsRead> {
    const migrations: Migration[] = [];
    const unreadable: Unreadable[] = [];
    for (const path of [...paths].sort((a, b) => basename(a).localeCompare(basename(b)))) {
      try {
        const migration = await readMigration(path, context, unreadable);
        if (migration) migrations.push(migration);
        else unreadable.push({ path, message: "no exported up function" });
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
  const read = await withTree(language, text, (root) => {
    const shorthandsValue = exportedValue(root, "shorthands");
    const shorthands = new Map(shorthandsValue?.kind === "object" ? shorthandsValue.entries : []);
    const body = (name: string) => {
      const fn = exportedFunction(root, name);
      return fn ? readPgmCalls(fn.body, fn.params[0] ?? "pgm", shorthands, path) : null;
    };
    return { up: body("up"), down: body("down") };
  });
  if (!read.up) return null;
  return {
    path,
    framework: "node-pg-migrate",
    version: basename(path).split("_")[0] ?? null,
    transaction: read.up.noTransaction ? "none" : "wrapped",
    ...(read.up.noTransaction ? { optOut: read.up.noTransaction } : {}),
    ...(read.up.conditions.length ? { conditions: read.up.conditions } : {}),
    up: await resolveSteps(read.up.steps, context.dialect ?? "postgres", unreadable),
    down: read.down ? await resolveSteps(read.down.steps, context.dialect ?? "postgres", unreadable) : null,
  };
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
