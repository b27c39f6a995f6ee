/** Every framework the survey knows, in the order they are reported. */
import type { FrameworkInfo } from "../types.js";
import type { RepoView } from "../repo-view.js";
import type { DatabaseClue, FrameworkModule } from "./types.js";
import { rails } from "./rails.js";
import { django } from "./django.js";
import { alembic } from "./alembic.js";
import { prisma } from "./prisma.js";
import { drizzle } from "./drizzle.js";
import { knex } from "./knex.js";
import { typeorm } from "./typeorm.js";
import { sequelize } from "./sequelize.js";
import { laravel } from "./laravel.js";
import { ecto } from "./ecto.js";
import { golangMigrate } from "./golang-migrate.js";
import { goose } from "./goose.js";
import { dbmate } from "./dbmate.js";
import { flyway } from "./flyway.js";
import { liquibase } from "./liquibase.js";
import { nodePgMigrate } from "./node-pg-migrate.js";

export const FRAMEWORKS: FrameworkModule[] = [
  rails, django, alembic, prisma, drizzle, knex, typeorm, sequelize, nodePgMigrate, laravel, ecto, golangMigrate, goose, dbmate, flyway, liquibase,
];

export async function detectFrameworks(repo: RepoView, slug: string, now: Date): Promise<{ frameworks: FrameworkInfo[]; clues: DatabaseClue[] }> {
  const frameworks: FrameworkInfo[] = [];
  const clues: DatabaseClue[] = [];
  for (const module of FRAMEWORKS) {
    const found = await module.detect(repo);
    if (!found) continue;
    clues.push(...(found.database ?? []));
    frameworks.push({
      id: module.id,
      name: module.name,
      evidence: found.evidence,
      migrationsDirs: found.migrationsDirs,
      schemaFiles: found.schemaFiles,
      migrations: found.migrations,
      latestMigration: found.migrations.at(-1) ?? null,
      ...(found.latestRevision ? { latestRevision: found.latestRevision } : {}),
      newMigration: module.newMigration(found, slug, now),
      commands: { ...module.commands, ...found.commands },
      ...(found.folderCommands ? { folderCommands: found.folderCommands } : {}),
      transaction: module.transaction,
      safetyTools: found.safetyTools ?? [],
    });
  }
  return { frameworks, clues };
}
