import { describe, expect, it } from "vitest";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const surveyOf = surveyTempRepos();

describe("Go migration tools in a module below the root", () => {
  it("golang-migrate: go.mod in a subfolder, titles with dots and versions", async () => {
    const files = {
      "backend/go.mod": "module example.com/app\n\ngo 1.22\n\nrequire github.com/golang-migrate/migrate/v4 v4.17.0\n",
      "backend/db/migrations/0029_init.up.sql": "CREATE TABLE users (id bigserial PRIMARY KEY, email text);\n",
      "backend/db/migrations/0029_init.down.sql": "DROP TABLE users;\n",
      "backend/db/migrations/0030_2.0.0_schema.up.sql": "ALTER TABLE users ADD COLUMN name text;\n",
      "backend/db/migrations/0030_2.0.0_schema.down.sql": "ALTER TABLE users DROP COLUMN name;\n",
    };
    const found = await surveyOf(files, "make users.email NOT NULL");
    const tool = found.frameworks.find((f) => f.id === "golang-migrate");
    expect(tool?.evidence[0]?.path).toBe("backend/go.mod");
    expect(tool?.latestMigration).toBe("backend/db/migrations/0030_2.0.0_schema.up.sql");
    expect(tool?.newMigration.example).toMatch(/^backend\/db\/migrations\/0031_/);
  });

  it("goose: go.mod in a subfolder, the driver from its requirements", async () => {
    const files = {
      "services/api/go.mod": "module example.com/api\n\ngo 1.22\n\nrequire (\n\tgithub.com/pressly/goose/v3 v3.20.0\n\tgithub.com/jackc/pgx/v5 v5.5.0\n)\n",
      "services/api/migrations/00001_init.sql": "-- +goose Up\nCREATE TABLE users (id bigserial PRIMARY KEY, email text);\n-- +goose Down\nDROP TABLE users;\n",
    };
    const found = await surveyOf(files, "make users.email NOT NULL");
    const goose = found.frameworks.find((f) => f.id === "goose");
    expect(goose?.evidence.map((e) => e.path)).toContain("services/api/go.mod");
    expect(goose?.commands.run).toBe('goose -dir services/api/migrations postgres "$DATABASE_URL" up');
  });
});

describe("Liquibase's root changelog by any of its names", () => {
  const changeSet = (id: string, sql: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n  <changeSet id="${id}" author="dev">\n    <sql>${sql}</sql>\n  </changeSet>\n</databaseChangeLog>\n`;
  const changelogs = {
    "src/main/resources/config/liquibase/changelog/00000000000000_initial_schema.xml": changeSet("1", "CREATE TABLE users (id bigint primary key, email varchar(255))"),
    "src/main/resources/config/liquibase/changelog/20240101000000_add_name.xml": changeSet("2", "ALTER TABLE users ADD COLUMN name varchar(80)"),
  };
  const master = '<?xml version="1.0" encoding="UTF-8"?>\n<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n  <include file="config/liquibase/changelog/00000000000000_initial_schema.xml" relativeToChangelogFile="false"/>\n  <include file="config/liquibase/changelog/20240101000000_add_name.xml" relativeToChangelogFile="false"/>\n</databaseChangeLog>\n';

  it("JHipster's master.xml, which includes the others", async () => {
    const found = await surveyOf({ ...changelogs, "src/main/resources/config/liquibase/master.xml": master }, "make users.email NOT NULL");
    const tool = found.frameworks.find((f) => f.id === "liquibase");
    expect(tool?.evidence[0]?.path).toBe("src/main/resources/config/liquibase/master.xml");
    expect(tool?.latestMigration).toBe("src/main/resources/config/liquibase/changelog/20240101000000_add_name.xml");
  });

  it("the file Spring Boot's spring.liquibase.change-log names", async () => {
    const files = {
      ...changelogs, "src/main/resources/config/liquibase/root.xml": master,
      "src/main/resources/application.yml": "spring:\n  liquibase:\n    change-log: classpath:config/liquibase/root.xml\n",
    };
    const found = await surveyOf(files, "make users.email NOT NULL");
    expect(found.frameworks.find((f) => f.id === "liquibase")?.evidence[0]?.path).toBe("src/main/resources/config/liquibase/root.xml");
  });
});

describe("TypeORM's commands", () => {
  it("load a .ts data source through the ts-node CLI, each migration in its own transaction", async () => {
    const files = {
      "package.json": '{ "dependencies": { "typeorm": "^0.3.0", "pg": "^8.0.0" } }\n',
      "src/data-source.ts": 'export const AppDataSource = new DataSource({ type: "postgres", migrations: ["src/migrations/*.ts"] });\n',
      "src/migrations/1700000000000-Init.ts": 'export class Init1700000000000 { async up(q) { await q.query(`CREATE TABLE "users" ("id" serial, "email" varchar)`); } }\n',
    };
    const found = await surveyOf(files, "make users.email NOT NULL");
    const typeorm = found.frameworks.find((f) => f.id === "typeorm");
    expect(typeorm?.commands.run).toBe("npx typeorm-ts-node-commonjs migration:run -d src/data-source.ts --transaction each");
    expect(typeorm?.commands.rollback).toBe("npx typeorm-ts-node-commonjs migration:revert -d src/data-source.ts --transaction each");
  });
});

describe("Alembic under Flask-Migrate", () => {
  it("runs through flask db, whose app context env.py needs", async () => {
    const files = {
      "superset/migrations/env.py": "from alembic import context\nfrom flask import current_app\n\ntarget_metadata = current_app.extensions['migrate'].db.metadata\n",
      "superset/migrations/alembic.ini": "[alembic]\n",
      "superset/migrations/versions/a1_create_users.py": 'revision = "a1"\ndown_revision = None\n\n\ndef upgrade():\n    op.create_table("users", sa.Column("id", sa.Integer()), sa.Column("email", sa.String(64)))\n',
    };
    const found = await surveyOf(files, "make users.email NOT NULL");
    expect(found.frameworks.find((f) => f.id === "alembic")?.commands).toMatchObject({
      run: "flask db upgrade --directory superset/migrations", rollback: "flask db downgrade --directory superset/migrations",
    });
  });
});
