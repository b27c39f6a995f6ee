import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePrismaSchema } from "../../../src/frameworks/prisma/parser.js";
import { prismaReader } from "../../../src/frameworks/prisma/reader.js";
import { prismaSchema } from "../../../src/frameworks/prisma/to-schema.js";
import { column, facts, FIXTURES, folderContext, table } from "../fixture-context.js";

const root = join(FIXTURES, "prisma-app");
const snapshot = async () => (await prismaReader.readSnapshot!(["prisma/schema.prisma"], folderContext(root, null)))!;

describe("prisma reader", () => {
  it("names a model's table as the model is named (User is \"User\") unless @@map, with the provider's dialect", async () => {
    const { schema, unreadable } = await snapshot();
    expect(unreadable).toEqual([]);
    expect(schema.dialect).toBe("postgres");
    expect([...schema.tables.values()].map((t) => t.name)).toEqual(["User", "posts"]);
    expect(table(schema, "posts").foreignKeys).toMatchObject([
      { name: "posts_author_id_fkey", columns: ["author_id"], refTable: "User", refColumns: ["id"], onDelete: "cascade" },
      { columns: ["editor_id"], refTable: "User", onDelete: "set_null" },
    ]);
  });

  it("reads fields: ? is nullable, @map names the column, native types, defaults the database keeps", async () => {
    const { schema } = await snapshot();
    expect(facts(column(schema, "User", "id"))).toMatchObject({ type: "serial", nullable: false });
    expect(facts(column(schema, "User", "email"))).toEqual({ type: "character varying(320)", nullable: false, default: null });
    expect(facts(column(schema, "User", "name"))).toEqual({ type: "text", nullable: true, default: null });
    expect(facts(column(schema, "User", "role"))).toEqual({ type: "user_role", nullable: false, default: { kind: "literal", value: "USER" } });
    expect(facts(column(schema, "User", "created_at"))).toEqual({ type: "timestamp(6) with time zone", nullable: false, default: { kind: "expression", sql: "CURRENT_TIMESTAMP" } });
    // uuid() is made by Prisma Client: the database has no default; @updatedAt likewise has none, and it is left unknown.
    expect(column(schema, "User", "token").default?.value).toBeNull();
    expect(column(schema, "User", "updated_at").default).toBeUndefined();
    expect(facts(column(schema, "posts", "tags")).type).toBe("text[]");
    expect(column(schema, "User", "created_at").codeNames).toEqual(["createdAt"]);
    expect(column(schema, "User", "email").source).toEqual({ path: "prisma/schema.prisma", line: 24 });
    expect(schema.enums.get("user_role")?.values).toEqual(["USER", "admin"]);
  });

  it("reads unique, GIN trigram and composite indexes with Prisma's names", async () => {
    const { schema } = await snapshot();
    expect(table(schema, "User").indexes).toMatchObject([{ name: "User_email_key", unique: true, keys: [{ column: "email" }] }]);
    expect(table(schema, "posts").indexes).toMatchObject([
      { name: "posts_author_title_key", unique: true, keys: [{ column: "author_id" }, { column: "title" }] },
      { name: "posts_title_body_idx", method: "gin", keys: [{ column: "title", opclass: "gin_trgm_ops" }, { column: "body", opclass: "gin_trgm_ops" }] },
      { name: "posts_author_id_createdAt_idx", keys: [{ column: "author_id" }, { column: "createdAt", descending: true }] },
    ]);
  });

  it("maps models and fields to tables and columns", async () => {
    const models = await prismaReader.readModels!(["prisma/schema.prisma"], folderContext(root, null));
    expect(models[0]).toMatchObject({ model: "User", table: "User", fields: { createdAt: "created_at", email: "email" } });
  });

  it("gives a syntax error its line", async () => {
    expect(() => parsePrismaSchema("model A {\n  id Int @id\n  name String @default(\n}")).toThrow(/^line \d+:/);
  });

  it("does not take relationMode = \"prisma\" relations for foreign keys", () => {
    const blocks = parsePrismaSchema('datasource db {\n provider = "postgresql"\n relationMode = "prisma"\n}\nmodel A {\n id Int @id\n}\nmodel B {\n id Int @id\n aId Int\n a A @relation(fields: [aId], references: [id])\n}\n');
    const schema = prismaSchema([{ path: "schema.prisma", blocks }], null);
    expect(table(schema, "B").foreignKeys).toEqual([]);
    expect(table(schema, "B").columns.map((c) => c.name)).toEqual(["id", "aId"]);
  });
});
