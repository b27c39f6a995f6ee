import { describe, expect, it } from "vitest";
import { survey } from "../../src/survey/index.js";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const surveyOf = surveyTempRepos();

const PRISMA = {
  "package.json": '{ "dependencies": { "@prisma/client": "^5.0.0" }, "devDependencies": { "prisma": "^5.0.0" } }\n',
  "prisma/schema.prisma": 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\nmodel Website {\n  id      Int     @id\n  shareId String? @map("share_id")\n\n  @@map("website")\n}\n',
  "src/share.ts": "export const link = (website: { shareId: string }) => `/share/${website.shareId}`;\n",
};

describe("a task that names a field mapped to another column", () => {
  it("Prisma @map: the survey is of the database column, the field among its code names", async () => {
    const result = await surveyOf(PRISMA, "make Website.shareId NOT NULL");
    expect(result.task.column).toBe("share_id");
    expect(result.column?.column).toBe("share_id");
    expect(result.column?.codeNames).toContain("shareId");
    expect(result.column?.declarations.map((d) => `${d.path}:${d.line}`)).toEqual(["prisma/schema.prisma:8"]);
    expect(result.references.code.map((r) => r.path)).toEqual(["src/share.ts"]);
  });

  it("Django db_column", async () => {
    const models = "from django.db import models\n\n\nclass Order(models.Model):\n    placed = models.DateTimeField(db_column=\"placed_at\", null=True)\n";
    const files = {
      "manage.py": "import django\n", "shop/__init__.py": "", "shop/models.py": models, "shop/migrations/__init__.py": "",
      "shop/migrations/0001_initial.py": "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    operations = [\n        migrations.CreateModel(name=\"Order\", fields=[(\"placed\", models.DateTimeField(db_column=\"placed_at\", null=True))]),\n    ]\n",
    };
    const result = await surveyOf(files, "make Order.placed NOT NULL");
    expect(result.task.table).toBe("shop_order");
    expect(result.task.column).toBe("placed_at");
  });

  it("TypeORM @Column({ name }) above the property", async () => {
    const files = {
      "package.json": '{ "dependencies": { "typeorm": "^0.3.0" } }\n',
      "src/migrations/1700000000000-Init.ts": 'export class Init1700000000000 { async up(q) { await q.query(`CREATE TABLE "accounts" ("id" serial, "display_name" varchar)`); } }\n',
      "src/entity/Account.ts": 'import { Entity, Column } from "typeorm";\n\n@Entity("accounts")\nexport class Account {\n  @Column({ name: "display_name", nullable: true })\n  displayName: string;\n}\n',
    };
    const result = await surveyOf(files, "make Account.displayName NOT NULL");
    expect(result.task.column).toBe("display_name");
  });

  it("leaves a field that maps nothing as the task named it", async () => {
    const result = await surveyOf({ ...PRISMA, "prisma/schema.prisma": PRISMA["prisma/schema.prisma"].replace(' @map("share_id")', "") }, "make Website.shareId NOT NULL");
    expect(result.task.column).toBe("shareId");
  });
});

describe("mappings the table's column list does not show", () => {
  it("Django db_column where the migration lists the field's name", async () => {
    const field = 'models.TextField(blank=True, default="", db_column="note")';
    const files = {
      "manage.py": "import django\n", "order/__init__.py": "", "order/migrations/__init__.py": "",
      "order/models.py": `from django.db import models\n\n\nclass Order(models.Model):\n    number = models.CharField(max_length=20)\n    customer_note = ${field}\n`,
      "order/migrations/0001_initial.py": `from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    operations = [\n        migrations.CreateModel(\n            name="Order",\n            fields=[\n                ("number", models.CharField(max_length=20)),\n                ("customer_note", ${field}),\n            ],\n        ),\n    ]\n`,
    };
    const result = await surveyOf(files, "drop column Order.customer_note");
    expect(result.task.table).toBe("order_order");
    expect(result.task.column).toBe("note");
  });

  it("Prisma's @map(name: …) and @@map(name: …)", async () => {
    const schema = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\nmodel User {\n  id          Int      @id\n  createdDate DateTime @default(now()) @map(name: "created")\n\n  @@map(name: "users")\n}\n';
    const result = await surveyOf({ ...PRISMA, "prisma/schema.prisma": schema }, "drop column User.createdDate");
    expect(result.task.table).toBe("users");
    expect(result.task.column).toBe("created");
  });
});

describe("TypeORM entities and one-line CREATE TABLE migrations", () => {
  const files = {
    "package.json": '{ "dependencies": { "typeorm": "^0.3.0", "pg": "^8.0.0" } }\n',
    "src/data-source.ts": 'export const AppDataSource = new DataSource({ type: "postgres", migrations: ["src/migration/*.ts"] })\n',
    "src/migration/1696412345678-CreateUser.ts": 'export class CreateUser1696412345678 {\n    async up(queryRunner) {\n        await queryRunner.query(`CREATE TABLE "user" ("id" SERIAL NOT NULL, "first_name" character varying NOT NULL, "age" integer, "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_user" PRIMARY KEY ("id"))`)\n    }\n}\n',
    "src/entity/User.ts": 'import { Entity, Column, CreateDateColumn, PrimaryGeneratedColumn } from "typeorm"\n\n@Entity()\nexport class User {\n    @PrimaryGeneratedColumn()\n    id: number\n\n    @Column({ name: "first_name" })\n    firstName: string\n\n    @Column({ nullable: true })\n    age: number\n\n    @CreateDateColumn({ name: "created_at" })\n    createdAt: Date\n}\n',
  };

  it("reads each column's own facts off a one-line CREATE TABLE", async () => {
    const found = await surveyOf(files, "make user.age NOT NULL");
    expect(found.column).toMatchObject({ type: "integer", nullable: true });
  });

  it("follows @Column({ name }) and @CreateDateColumn({ name }) on properties without semicolons", async () => {
    expect((await surveyOf(files, "rename User.firstName to User.givenName")).task.column).toBe("first_name");
    expect((await surveyOf(files, "add an index on User.createdAt")).task.column).toBe("created_at");
  });
});
