/**
 * Prisma: `schema.prisma` (or a `prisma/schema/` folder of `.prisma` files) is the snapshot, read by our
 * Prisma schema parser; its SQL migrations (`migrations/<ts>_<name>/migration.sql`) through the SQL reader.
 */
import type { Unreadable } from "../../model/schema.js";
import type { FrameworkReader, ReadContext } from "../reader.js";
import { parsePrismaSchema } from "./parser.js";
import { readPrismaMigrations } from "./sql-migrations.js";
import { prismaMappings, prismaSchema, type PrismaFile } from "./to-schema.js";

async function readFiles(paths: string[], context: ReadContext): Promise<{ files: PrismaFile[]; unreadable: Unreadable[] }> {
  const files: PrismaFile[] = [];
  const unreadable: Unreadable[] = [];
  for (const path of paths.filter((p) => p.endsWith(".prisma"))) {
    try {
      files.push({ path, blocks: parsePrismaSchema(await context.readText(path)) });
    } catch (error) {
      const message = (error as Error).message;
      const line = message.startsWith("line ") ? Number(message.slice(5, message.indexOf(":"))) : undefined;
      unreadable.push({ path, ...(line ? { line } : {}), message });
    }
  }
  return { files, unreadable };
}

export const prismaReader: FrameworkReader = {
  readMigrations: readPrismaMigrations,
  async readSnapshot(paths, context) {
    const { files, unreadable } = await readFiles(paths, context);
    if (files.length === 0) return null;
    return { schema: prismaSchema(files, context.dialect), unreadable };
  },
  async readModels(paths, context) {
    return prismaMappings((await readFiles(paths, context)).files);
  },
};
