import { describe, expect, it } from "vitest";
import { survey } from "../../src/survey/index.js";
import { makeTempRepo } from "../helpers/temp-repo.js";

describe("the table's columns are database column names", () => {
  it("Drizzle: the name given to the column builder, else the key; never the table name or a code name", async () => {
    const repo = await makeTempRepo({
      "drizzle.config.ts": 'import { defineConfig } from "drizzle-kit";\nexport default defineConfig({ dialect: "sqlite", schema: "./src/schema.ts", out: "./drizzle" });\n',
      "src/schema.ts": [
        'import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";',
        "",
        "export const users = sqliteTable(",
        '  "users",',
        "  {",
        '    id: integer("id").primaryKey(),',
        '    email: text("email").notNull(),',
        "    nickname: text(),",
        '    lastLoginAt: integer("last_login_at", { mode: "timestamp" }),',
        "  },",
        ");",
        "",
      ].join("\n"),
    });
    try {
      const result = await survey(repo.root, "drop users.email");
      expect(result.table?.columns).toEqual(["id", "email", "nickname", "last_login_at"]);
    } finally {
      await repo.cleanup();
    }
  });

  it("Prisma: the @map name, and no relation fields", async () => {
    const repo = await makeTempRepo({
      "prisma/schema.prisma": [
        'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}',
        "",
        "model User {",
        "  id        Int      @id @default(autoincrement())",
        '  email     String   @unique',
        '  orgId     Int      @map("org_id")',
        "  org       Org      @relation(fields: [orgId], references: [id])",
        "  posts     Post[]",
        '  @@map("users")',
        "}",
        "",
      ].join("\n"),
    });
    try {
      const result = await survey(repo.root, "drop users.email");
      expect(result.table?.columns).toEqual(["id", "email", "org_id"]);
    } finally {
      await repo.cleanup();
    }
  });
});
