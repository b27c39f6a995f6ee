import { describe, expect, it } from "vitest";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const TASK = "add an index on orders.created_at concurrently";
const surveyOf = surveyTempRepos();

async function databaseOf(files: Record<string, string>) {
  return (await surveyOf(files, TASK)).database;
}

describe("database detection", () => {
  it.each([
    ["a Rails database.yml adapter", { "config/database.yml": "default:\n  adapter: mysql2\n" }, "mysql"],
    ["a Django ENGINE", { "manage.py": "", "site/settings.py": 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}}\n' }, "sqlite"],
    ["a Prisma provider", { "prisma/schema.prisma": 'datasource db {\n  provider = "mysql"\n}\n' }, "mysql"],
    ["a Drizzle dialect", { "drizzle.config.ts": 'export default { dialect: "postgresql", out: "./drizzle" };\n' }, "postgres"],
    ["a knex client", { "knexfile.js": "module.exports = { client: 'pg' };\n" }, "postgres"],
    ["Laravel's DB_CONNECTION in .env.example", { "artisan": "", ".env.example": "DB_CONNECTION=pgsql\n" }, "postgres"],
    ["Ecto's adapter dependency", { "mix.exs": "defp deps do\n  [{:ecto_sql, \"~> 3.10\"}, {:myxql, \">= 0.0.0\"}]\nend\n" }, "mysql"],
    ["a JDBC URL", { "src/main/resources/application.properties": "spring.datasource.url=jdbc:postgresql://db:5432/app\n" }, "postgres"],
    ["DATABASE_URL in an example env file", { ".env.sample": "DATABASE_URL=mysql://app:pw@db/app\n" }, "mysql"],
  ])("reads the engine from %s", async (_what, files, engine) => {
    expect((await databaseOf(files)).engine).toBe(engine);
  });

  it.each([
    ["the pg gem", { Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\ngem "pg", "~> 1.5"\n' }, "postgres"],
    ["mysql2 in package.json", { "package.json": '{\n  "dependencies": {\n    "knex": "^3.0.0",\n    "mysql2": "^3.9.0"\n  }\n}\n' }, "mysql"],
    ["psycopg2 in requirements.txt", { "requirements.txt": "Django==5.0\npsycopg2-binary==2.9.9\n" }, "postgres"],
    ["pgx in go.mod", { "go.mod": "module x\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.5.0\n)\n" }, "postgres"],
    ["go-sqlite3 in go.mod", { "go.mod": "module x\nrequire github.com/mattn/go-sqlite3 v1.14.0\n" }, "sqlite"],
    ["trilogy after sqlite3 in the Gemfile", { Gemfile: 'gem "rails", "~> 8.0"\ngem "sqlite3", group: :test\ngem "trilogy"\n' }, "mysql"],
    ["pgx after go-sqlite3 in go.mod", { "go.mod": "module x\n\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.14.0\n\tgithub.com/jackc/pgx/v5 v5.5.0\n)\n" }, "postgres"],
  ])("falls back to the driver dependency: %s", async (_what, files, engine) => {
    const db = await databaseOf(files);
    expect(db.engine).toBe(engine);
    expect(db.evidence[0]?.path).toBe(Object.keys(files)[0]);
  });

  it("takes MariaDB from the compose image when the config says mysql", async () => {
    const db = await databaseOf({ "artisan": "", ".env.example": "DB_CONNECTION=mysql\n", "docker-compose.yml": "services:\n  db:\n    image: mariadb:11.4\n" });
    expect(db).toMatchObject({ engine: "mariadb", version: "11.4" });
  });

  it("lets config outrank a driver dependency", async () => {
    const db = await databaseOf({ Gemfile: 'gem "sqlite3"\n', "config/database.yml": "default:\n  adapter: postgresql\n" });
    expect(db.engine).toBe("postgres");
  });

  it("reads the version from the docker-compose image tag", async () => {
    const db = await databaseOf({ "config/database.yml": "adapter: postgresql\n", "docker-compose.yml": "services:\n  db:\n    image: postgres:16.2-alpine\n" });
    expect(db).toMatchObject({ engine: "postgres", version: "16.2" });
    expect(db.evidence.map((e) => e.path)).toEqual(["config/database.yml", "docker-compose.yml"]);
  });

  it("takes the engine from the image when nothing else says it", async () => {
    expect(await databaseOf({ "compose.yaml": "services:\n  db:\n    image: mariadb:10.11\n" })).toMatchObject({ engine: "mariadb", version: "10.11" });
  });

  it("says unknown when the repo does not say", async () => {
    expect(await databaseOf({ "README.md": "hello\n" })).toEqual({ engine: "unknown", version: null, evidence: [] });
  });

  it("never reads a real .env file", async () => {
    const db = await databaseOf({ ".env": "DATABASE_URL=postgres://app:secret@db/app\n", ".env.example": "DATABASE_URL=mysql://app:changeme@db/app\n" });
    expect(db.engine).toBe("mysql");
    expect(db.evidence.map((e) => e.path)).toEqual([".env.example"]);
  });

  it("redacts credentials in the evidence it cites", async () => {
    const db = await databaseOf({ ".env.example": "DATABASE_URL=postgres://app:hunter2@db:5432/app\n" });
    expect(db.evidence[0]?.text).toBe("DATABASE_URL=postgres://app:***@db:5432/app");
  });
});
