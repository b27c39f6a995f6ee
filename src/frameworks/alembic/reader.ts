/**
 * Alembic / SQLAlchemy: revisions (`versions/*.py`, in `down_revision` order, `upgrade()` up and `downgrade()`
 * down) and SQLAlchemy models (`__tablename__`, `Column`/`mapped_column`).
 */
import type { Migration } from "../../model/operations.js";
import type { Unreadable } from "../../model/schema.js";
import { PythonModules } from "../python-modules.js";
import type { FrameworkReader, MigrationsRead, ReadContext } from "../reader.js";
import type { AlembicContext } from "./context.js";
import { CustomTypes } from "./custom-types.js";
import { readModelMappings, readModelsSnapshot } from "./models.js";
import { orderRevisions } from "./order.js";
import { readRevisionFile, type RevisionFile } from "./revision-file.js";
import { readStatements } from "./statements.js";

async function readMigrations(paths: string[], context: ReadContext): Promise<MigrationsRead> {
  const unreadable: Unreadable[] = [];
  const files: RevisionFile[] = [];
  for (const path of [...paths].sort()) {
    if (path.endsWith("__init__.py")) continue;
    try {
      files.push(await readRevisionFile(path, await context.readText(path)));
    } catch (error) {
      unreadable.push({ path, message: `could not be read: ${(error as Error).message}` });
    }
  }
  const customTypes = new CustomTypes(new PythonModules(context.readText));
  const migrations: Migration[] = [];
  for (const file of orderRevisions(files)) {
    if (!file.revision) unreadable.push({ path: file.path, message: "no revision identifier" });
    if (!file.upgrade) {
      unreadable.push({ path: file.path, message: "no upgrade() function" });
      continue;
    }
    await customTypes.load(file.dotted, "", context.dialect);
    const ctx = (): AlembicContext => ({ path: file.path, dialect: context.dialect, unreadable, customTypes, locals: new Map(file.locals), helpers: file.helpers, helperParams: file.helperParams, depth: 0 });
    const up = await readStatements(file.upgrade, ctx());
    // downgrade() is read for its operations; one that raises or does nothing cannot undo anything.
    const downgrade = file.downgrade ? await readStatements(file.downgrade, { ...ctx(), unreadable: [] }) : null;
    const irreversible = !file.downgrade || file.downgrade.some((s) => s.kind === "expression" && s.value.kind === "other" && s.value.text.startsWith("raise"));
    const autocommit = up.find((op) => op.kind === "transaction");
    migrations.push({
      path: file.path,
      framework: "alembic",
      version: file.revision,
      transaction: "wrapped",
      ...(autocommit ? { optOut: autocommit.source } : {}),
      up,
      down: irreversible ? null : downgrade,
    });
  }
  return { migrations, unreadable };
}

export const alembicReader: FrameworkReader = { readMigrations, readSnapshot: readModelsSnapshot, readModels: readModelMappings };
