/**
 * Sequelize: migrations (`up(queryInterface, Sequelize)`, run by sequelize-cli in file-name order, with no
 * transaction unless the migration opens one) and models (`sequelize.define`, `Model.init`,
 * sequelize-typescript's `@Table`/`@Column`) as the snapshot and the name mappings.
 */
import type { Migration } from "../../model/operations.js";
import type { Unreadable } from "../../model/schema.js";
import { exportedFunction } from "../../parse/js-exports.js";
import { languageOfPath, withTree } from "../../parse/tree-sitter.js";
import { resolveSteps } from "../embedded-sql.js";
import type { FrameworkReader, MigrationsRead, ReadContext } from "../reader.js";
import { readModelFiles, modelsAsSchema } from "./models.js";
import { readMigrationBody } from "./query-interface.js";

export const sequelizeReader: FrameworkReader = {
  async readMigrations(paths, context): Promise<MigrationsRead> {
    const migrations: Migration[] = [];
    const unreadable: Unreadable[] = [];
    const byName = [...paths].sort((a, b) => basename(a).localeCompare(basename(b)));
    for (const path of byName) {
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
  async readModels(paths, context) {
    return (await readModelFiles(paths, context)).models.map((model) => model.mapping);
  },
  async readSnapshot(paths, context) {
    const read = await readModelFiles(paths, context);
    return { schema: modelsAsSchema(read.models, context.dialect), unreadable: read.unreadable };
  },
};

async function readMigration(path: string, context: ReadContext, unreadable: Unreadable[]): Promise<Migration | null> {
  const language = languageOfPath(path);
  if (!language) throw new Error("not a JavaScript or TypeScript file");
  const text = await context.readText(path);
  const read = await withTree(language, text, (root) => {
    const body = (name: string) => {
      const fn = exportedFunction(root, name);
      return fn ? readMigrationBody(fn.body, fn.params[0] ?? "queryInterface", context.dialect, path) : null;
    };
    return { up: body("up"), down: body("down") };
  });
  if (!read.up) return null;
  return {
    path,
    framework: "sequelize",
    version: basename(path).split("-")[0] ?? null,
    transaction: read.up.transaction ? "wrapped" : "none",
    ...(read.up.conditions.length ? { conditions: read.up.conditions } : {}),
    up: await resolveSteps(read.up.steps, context.dialect, unreadable),
    down: read.down ? await resolveSteps(read.down.steps, context.dialect, unreadable) : null,
  };
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
