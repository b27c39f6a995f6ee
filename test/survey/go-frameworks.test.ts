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

  it("goose: go.mod in a subfolder", async () => {
    const files = {
      "services/api/go.mod": "module example.com/api\n\ngo 1.22\n\nrequire github.com/pressly/goose/v3 v3.20.0\n",
      "services/api/migrations/00001_init.sql": "-- +goose Up\nCREATE TABLE users (id bigserial PRIMARY KEY, email text);\n-- +goose Down\nDROP TABLE users;\n",
    };
    const found = await surveyOf(files, "make users.email NOT NULL");
    expect(found.frameworks.find((f) => f.id === "goose")?.evidence.map((e) => e.path)).toContain("services/api/go.mod");
  });
});
