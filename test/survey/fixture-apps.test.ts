import { beforeAll, describe, expect, it } from "vitest";
import { survey } from "../../src/survey/index.js";
import type { Survey } from "../../src/survey/types.js";
import { fixtureApps } from "../helpers/survey-fixtures.js";

const apps = fixtureApps().map((app) => [app.id, app.root, app.expected] as const);

/** The users table's columns as the database names them, per app (the snapshot, else the creating migration). */
const USERS_COLUMNS: Record<string, string[]> = {
  "shop-rails": ["id", "email", "name", "admin", "created_at", "updated_at"],
  rails: ["id", "email", "display_name", "last_sign_in_at", "created_at", "updated_at"],
  django: ["id", "email", "full_name", "is_active", "date_joined"],
  alembic: ["id", "email", "full_name", "created_at"],
  prisma: ["id", "email", "name", "created_at"],
  drizzle: ["id", "email", "name", "created_at"],
  knex: ["id", "email", "first_name", "last_name", "created_at", "updated_at"],
  typeorm: ["id", "email", "display_name", "created_at"],
  sequelize: ["id", "email", "first_name", "created_at", "updated_at"],
  laravel: ["id", "name", "email", "password", "remember_token", "created_at", "updated_at"],
  ecto: ["id", "email", "name", "confirmed_at", "inserted_at", "updated_at"],
  "golang-migrate": ["id", "email", "name", "created_at"],
  goose: ["id", "email", "display_name", "created_at"],
  flyway: ["id", "email", "full_name", "created_at"],
  liquibase: ["id", "email", "display_name", "created_at"],
  dbmate: ["id", "email", "name", "created_at"],
  "node-pg-migrate": ["id", "email", "locale", "created_at"],
};

const paths = (cites: { path: string }[]) => [...new Set(cites.map((c) => c.path))];

describe.each(apps)("the survey of the %s app", (id, dir, expected) => {
  let result: Survey;
  beforeAll(async () => {
    result = await survey(dir, expected.task);
  });

  it("parses the task to the app's table and column", () => {
    expect(result.task.table).toBe(expected.table);
    expect(result.task.column).toBe(expected.column);
  });

  it("detects the framework, and no other", () => {
    expect(result.frameworks.map((f) => f.id)).toEqual([expected.framework]);
  });

  it("reads the database engine and version from the config", () => {
    expect({ engine: result.database.engine, version: result.database.version }).toEqual(expected.database);
  });

  it("finds the migrations folder and the latest migration", () => {
    const framework = result.frameworks.find((f) => f.id === expected.framework)!;
    expect(framework.migrationsDirs).toContain(expected.migrationsDir);
    expect(framework.latestMigration).toBe(expected.latestMigration);
    expect(framework.newMigration.example.startsWith(expected.migrationsDir + "/")).toBe(true);
  });

  it("cites where the column is declared", () => {
    const declared = paths(result.column?.declarations ?? []);
    for (const file of expected.definitions) expect(declared).toContain(file);
    for (const cite of result.column?.declarations ?? []) expect(cite.line).toBeGreaterThan(0);
  });

  it("lists the migrations that created or changed the column, oldest first", () => {
    expect(paths(result.history)).toEqual(expected.history);
  });

  it("finds every reference in code, with tests apart", () => {
    const code = paths(result.references.code);
    const tests = paths(result.references.tests);
    for (const file of expected.references) expect(code).toContain(file);
    for (const file of expected.tests) expect(tests).toContain(file);
    for (const file of expected.tests) expect(code).not.toContain(file);
  });

  it("keeps uses of the same name on another table apart from the references", () => {
    const code = paths(result.references.code);
    const apart = paths(result.references.sameNameOrUnclear);
    for (const file of expected.sameName) {
      expect(code).not.toContain(file);
      expect(apart).toContain(file);
    }
  });

  it("lists the table's columns by their database names", () => {
    const columns = USERS_COLUMNS[id];
    expect(columns, `USERS_COLUMNS has ${id}`).toBeDefined();
    expect([...(result.table?.columns ?? [])].sort()).toEqual([...columns!].sort());
  });

  it("reports the column's unique index once", () => {
    const unique = (result.column?.indexes ?? []).filter((i) => i.unique && i.columns.join(",") === expected.column);
    expect(unique).toHaveLength(1);
  });

  it("lists no file that the ground truth does not name (the ground truth is kept outside the app)", () => {
    const named = new Set([...expected.definitions, ...expected.references, ...expected.tests, ...expected.sameName]);
    const listed = paths([...result.references.code, ...result.references.tests, ...result.references.sameNameOrUnclear]);
    expect(listed.filter((path) => !named.has(path))).toEqual([]);
  });
});
