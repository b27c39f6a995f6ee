/**
 * Django: migrations (`<app>/migrations/*.py`, in dependency-graph order, translated against the project state
 * they build) and models (`models.py`: their tables by `db_table` or `<app_label>_<model>`, and their columns).
 */
import type { Migration } from "../../model/operations.js";
import type { Unreadable } from "../../model/schema.js";
import type { FrameworkReader, MigrationsRead, ReadContext } from "../reader.js";
import { CustomFields } from "./custom-fields.js";
import { orderMigrations } from "./graph.js";
import { readMigrationFile, type DjangoMigrationFile } from "./migration-file.js";
import { readModelMappings, readModelsSnapshot } from "./models.js";
import { translateOperation } from "./operations.js";
import { ProjectState, type DjangoContext } from "./state.js";

async function readMigrations(paths: string[], context: ReadContext): Promise<MigrationsRead> {
  const unreadable: Unreadable[] = [];
  const files: DjangoMigrationFile[] = [];
  for (const path of paths) {
    if (path.endsWith("__init__.py")) continue;
    try {
      const file = await readMigrationFile(path, await context.readText(path), unreadable);
      if (file) files.push(file);
    } catch (error) {
      unreadable.push({ path, message: `could not be read: ${(error as Error).message}` });
    }
  }
  const state = new ProjectState();
  const customFields = new CustomFields(context.readText);
  const migrations: Migration[] = [];
  for (const file of orderMigrations(files)) {
    await customFields.load(file.dotted, file.root);
    const ctx: DjangoContext = { path: file.path, app: file.app, dialect: context.dialect, unreadable, state, customFields };
    const migration: Migration = { path: file.path, framework: "django", version: `${file.app}.${file.name}`, transaction: file.atomic.value ? "wrapped" : "none", up: [], down: [] };
    if (!file.atomic.value && file.atomic.source) migration.optOut = file.atomic.source;
    const downs: Migration["down"][] = [];
    for (const operation of file.operations) {
      const translated = await translateOperation(operation, ctx);
      migration.up.push(...translated.up);
      downs.push(translated.down);
    }
    migration.down = downs.some((d) => d === null) ? null : (downs as NonNullable<Migration["down"]>[]).reverse().flat();
    migrations.push(migration);
  }
  return { migrations, unreadable };
}

export const djangoReader: FrameworkReader = { readMigrations, readSnapshot: readModelsSnapshot, readModels: readModelMappings };
