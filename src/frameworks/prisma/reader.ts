/**
 * Prisma: `schema.prisma` (or a `prisma/schema/` folder of `.prisma` files) is the snapshot, read by our
 * Prisma schema parser. Prisma's SQL migrations are the SQL reader's, not this one's.
 */
import type { Unreadable } from "../../model/schema.js";
import type { FrameworkReader, ReadContext } from "../reader.js";
import { parsePrismaSchema } from "./parser.js";
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
  async readMigrations(paths) {
    // migration.sql files are SQL: the SQL reader reads them.
    return { migrations: [], unreadable: paths.map((path) => ({ path, message: "Prisma migrations are SQL: read by the SQL reader" })) };
  },
  async readSnapshot(paths, context) {
    const { files, unreadable } = await readFiles(paths, context);
    if (files.length === 0) return null;
    return { schema: prismaSchema(files, context.dialect), unreadable };
  },
  async readModels(paths, context) {
    return prismaMappings((await readFiles(paths, context)).files);
  },
};
