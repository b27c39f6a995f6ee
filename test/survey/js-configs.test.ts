import { describe, expect, it } from "vitest";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const surveyOf = surveyTempRepos();
const MIGRATION = "module.exports = { up: async (queryInterface, Sequelize) => { await queryInterface.createTable('users', { email: Sequelize.STRING }); } };\n";

describe("Sequelize's .sequelizerc migrations-path", () => {
  it.each([
    ["path.resolve with several parts", "path.resolve('src', 'db', 'migrations')", "src/db/migrations"],
    ["path.resolve from __dirname", "path.resolve(__dirname, 'database/migrations')", "database/migrations"],
    ["path.join from process.cwd()", "path.join(process.cwd(), './server/migrations')", "server/migrations"],
    ["a plain string", "'./server/migrations'", "server/migrations"],
  ])("%s", async (_what, expression, dir) => {
    const files = {
      "package.json": '{ "dependencies": { "sequelize": "^6.0.0" }, "devDependencies": { "sequelize-cli": "^6.0.0" } }\n',
      ".sequelizerc": `const path = require('path');\n\nmodule.exports = {\n  'config': path.resolve('config', 'config.json'),\n  'migrations-path': ${expression},\n};\n`,
      [`${dir}/20240101000000-create-users.js`]: MIGRATION,
    };
    const found = await surveyOf(files, "make users.email NOT NULL");
    const tool = found.frameworks.find((f) => f.id === "sequelize");
    expect(tool?.migrationsDirs).toEqual([dir]);
    expect(tool?.latestMigration).toBe(`${dir}/20240101000000-create-users.js`);
  });
});

describe("Prisma migration folders", () => {
  it("counts a baseline 0_init and numbered folders before timestamped ones", async () => {
    const files = {
      "package.json": '{ "devDependencies": { "prisma": "^5.0.0" } }\n',
      "prisma/schema.prisma": 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\nmodel User {\n  id    Int    @id\n  email String?\n}\n',
      "prisma/migrations/0_init/migration.sql": 'CREATE TABLE "User" ("id" INTEGER NOT NULL, "email" TEXT);\n',
      "prisma/migrations/20240101000000_add_name/migration.sql": 'ALTER TABLE "User" ADD COLUMN "name" TEXT;\n',
    };
    const found = await surveyOf(files, "make User.email NOT NULL");
    expect(found.frameworks.find((f) => f.id === "prisma")?.migrations).toEqual([
      "prisma/migrations/0_init/migration.sql", "prisma/migrations/20240101000000_add_name/migration.sql",
    ]);
  });
});
