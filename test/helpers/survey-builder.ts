import { offlinePlan } from "../../src/offline/plan.js";
import { checkPlan } from "../../src/plan/check.js";
import { checkPlanSafety } from "../../src/rules/check.js";
import type {
  Cite, ColumnInfo, DatabaseEngine, FrameworkId, FrameworkInfo, Operation, ParsedTask, Reference, Survey,
} from "../../src/survey/types.js";
import { makeTempRepo, type TempRepo } from "./temp-repo.js";

/** Per framework: what a survey of a small app of that framework would report. Paths are relative to the repo. */
const FRAMEWORKS: Record<string, Omit<FrameworkInfo, "id" | "evidence" | "schemaFiles" | "newMigration" | "safetyTools">> = {
  rails: { name: "Rails (ActiveRecord)", migrationsDirs: ["db/migrate"], migrations: ["db/migrate/20240101120000_create_users.rb", "db/migrate/20240201120000_add_index_to_users_email.rb"], latestMigration: "db/migrate/20240201120000_add_index_to_users_email.rb", commands: { run: "bin/rails db:migrate", rollback: "bin/rails db:rollback STEP=1" }, transaction: { wrapped: true, optOut: "`disable_ddl_transaction!`" } },
  django: { name: "Django", migrationsDirs: ["core/migrations"], migrations: ["core/migrations/0001_initial.py", "core/migrations/0002_alter_user_email.py"], latestMigration: "core/migrations/0002_alter_user_email.py", commands: { run: "python manage.py migrate", rollback: "python manage.py migrate core 0002" }, transaction: { wrapped: true, optOut: "`atomic = False`" } },
  alembic: { name: "Alembic", migrationsDirs: ["migrations/versions"], migrations: ["migrations/versions/e3b1c2d4f5a6_create_users_table.py"], latestMigration: "migrations/versions/e3b1c2d4f5a6_create_users_table.py", commands: { run: "alembic upgrade head", rollback: "alembic downgrade -1" }, transaction: { wrapped: true, optOut: "`op.get_context().autocommit_block()`" } },
  prisma: { name: "Prisma", migrationsDirs: ["prisma/migrations"], migrations: ["prisma/migrations/20240105100000_init/migration.sql"], latestMigration: "prisma/migrations/20240105100000_init/migration.sql", commands: { run: "npx prisma migrate deploy", rollback: "npx prisma migrate resolve --rolled-back <name>" }, transaction: { wrapped: true, optOut: "none per migration: the statement stands alone in its migration" } },
  knex: { name: "Knex", migrationsDirs: ["migrations"], migrations: ["migrations/20240108093012_create_users.js"], latestMigration: "migrations/20240108093012_create_users.js", commands: { run: "npx knex migrate:latest", rollback: "npx knex migrate:rollback" }, transaction: { wrapped: true, optOut: "`exports.config = { transaction: false }`" } },
  laravel: { name: "Laravel", migrationsDirs: ["database/migrations"], migrations: ["database/migrations/2024_01_01_000000_create_users_table.php"], latestMigration: "database/migrations/2024_01_01_000000_create_users_table.php", commands: { run: "php artisan migrate", rollback: "php artisan migrate:rollback --step=1" }, transaction: { wrapped: true, optOut: "`public $withinTransaction = false;`" } },
  goose: { name: "goose", migrationsDirs: ["db/migrations"], migrations: ["db/migrations/00001_create_users.sql"], latestMigration: "db/migrations/00001_create_users.sql", commands: { run: "goose up", rollback: "goose down" }, transaction: { wrapped: true, optOut: "`-- +goose NO TRANSACTION`" } },
  flyway: { name: "Flyway", migrationsDirs: ["db/migration"], migrations: ["db/migration/V1__create_users.sql"], latestMigration: "db/migration/V1__create_users.sql", commands: { run: "flyway migrate", rollback: "flyway undo" }, transaction: { wrapped: true, optOut: "`executeInTransaction=false` in a script config" } },
};

export function framework(id: FrameworkId, overrides: Partial<FrameworkInfo> = {}): FrameworkInfo {
  const base = FRAMEWORKS[id];
  if (!base) throw new Error(`survey-builder has no preset for ${id}`);
  return {
    id, ...base, evidence: id === "django" ? [{ path: "manage.py", line: 1 }] : [], schemaFiles: [], safetyTools: [],
    newMigration: { convention: "by the framework", example: base.latestMigration ?? "" }, ...overrides,
  };
}

export function task(operation: Operation, overrides: Partial<ParsedTask> = {}): ParsedTask {
  return {
    text: `${operation.replace(/_/g, " ")} users.email`, operation, table: "users", model: null, column: "email", columns: ["email"],
    newName: null, newNameProposed: false, newType: null, default: null, references: null, otherTable: null,
    flags: { concurrently: false, notNull: false, unique: false }, upgrade: null, unparsed: null, ...overrides,
  };
}

const ref = (path: string, line: number, area: Reference["area"] = "models", name = "email"): Reference => ({ path, line, area, name, text: "user.email" });

export interface SurveyOptions {
  task?: ParsedTask;
  engine?: DatabaseEngine;
  version?: string | null;
  framework?: FrameworkInfo | null;
  /** False: the table and column are not in the repo. */
  found?: boolean;
  /** The survey's notes (default none). */
  notes?: string[];
  /** Overrides of the facts about users.email (nullable, type, indexes…); with `column`, the facts are of that column of users. */
  column?: Partial<ColumnInfo>;
}

/** A survey of a Rails-like app with `users.email` (string, NOT NULL, unique index) unless told otherwise. */
export function buildSurvey(options: SurveyOptions = {}): Survey {
  const fw = options.framework === undefined ? framework("rails") : options.framework;
  const found = options.found ?? true;
  const theTask = options.task ?? task("rename_column", { newName: "email_address" });
  // The column facts describe users.email; a task about another column finds none.
  const columnFound = found && theTask.column === (options.column?.column ?? "email");
  const schema: Cite = { path: "db/schema.rb", line: 12, text: 't.string "email", null: false' };
  return {
    root: "/repo",
    task: theTask,
    frameworks: fw ? [fw] : [],
    database: { engine: options.engine ?? "postgres", version: options.version === undefined ? "16" : options.version, evidence: [{ path: "config/database.yml", line: 2 }] },
    table: found ? { table: "users", models: [{ name: "User", where: { path: "app/models/user.rb", line: 1 } }], declarations: [{ path: "db/schema.rb", line: 11 }], columns: ["id", "email", "display_name", "created_at"] } : null,
    column: columnFound ? {
      table: "users", column: "email", codeNames: ["email", "email="], type: "string", nullable: false, default: null,
      declarations: [schema], indexes: [{ name: "index_users_on_email", columns: ["email"], unique: true, where: { path: "db/schema.rb", line: 16 } }],
      foreignKeys: [], constraints: [], ...options.column,
    } : null,
    history: fw?.migrations.map((path) => ({ path, line: 3 })) ?? [],
    references: {
      code: [ref("app/models/user.rb", 3), ref("app/models/user.rb", 7), ref("app/serializers/user_serializer.rb", 2, "serializers"), ref("app/views/users/show.html.erb", 4, "views")],
      tests: [ref("spec/models/user_spec.rb", 5)],
      sameNameOrUnclear: [ref("app/models/newsletter_subscription.rb", 2)],
      counts: { code: 4, tests: 1, sameNameOrUnclear: 1, files: 5 },
    },
    notes: options.notes ?? [],
    fileCount: 20,
    durationMs: 1,
    model: null,
  };
}

/** Every file a survey cites, written with 30 lines each into a temp repo, so a plan's citations can be checked. */
export function repoForSurvey(survey: Survey): Promise<TempRepo> {
  const paths = new Set<string>([
    ...survey.database.evidence.map((c) => c.path),
    ...survey.history.map((c) => c.path),
    ...(survey.table?.declarations ?? []).map((c) => c.path),
    ...(survey.table?.models ?? []).map((m) => m.where.path),
    ...(survey.column?.declarations ?? []).map((c) => c.path),
    ...(survey.column?.indexes ?? []).map((i) => i.where.path),
    ...[...survey.references.code, ...survey.references.tests, ...survey.references.sameNameOrUnclear].map((r) => r.path),
    ...survey.frameworks.flatMap((f) => [...f.migrations, ...f.schemaFiles, ...f.evidence.map((c) => c.path)]),
  ]);
  const text = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n") + "\n";
  return makeTempRepo(Object.fromEntries([...paths].map((path) => [path, text])), { prefix: "offline-repo-" });
}

/** The offline plan for a built survey, with the plan checks' errors and the safety check's findings on it. */
export async function offlinePlanFor(options: SurveyOptions, planPath = "migration-plans/plan.md") {
  const survey = buildSurvey(options);
  const markdown = offlinePlan(survey, { planPath, now: new Date("2026-11-28T12:00:00Z") });
  const repo = await repoForSurvey(survey);
  try {
    const { errors, plan } = await checkPlan(markdown, repo.root);
    return { survey, markdown, errors, safety: plan ? checkPlanSafety(plan, survey) : ["the plan did not parse"] };
  } finally {
    await repo.cleanup();
  }
}

/** One `## name` section of a plan, without its heading. */
export const planSection = (markdown: string, name: string) => markdown.split(`## ${name}\n`)[1]!.split(/\n## /)[0]!;
