import { dialectOf, type Dialect } from "../rules/dialect.js";
import { majorVersion } from "../rules/select.js";

export type { Dialect };
import type { DatabaseEngine, FrameworkInfo, Survey } from "../survey/types.js";


/** What every part of the offline plan needs, worked out once from the survey. */
export interface PlanContext {
  survey: Survey;
  /** The framework the plan writes migrations for: the one whose schema or history holds the table, else the first. */
  framework: FrameworkInfo | null;
  engine: DatabaseEngine;
  dialect: Dialect;
  major: number | null;
  /** "PostgreSQL 16", "MySQL (version not found)". */
  databaseName: string;
  table: string | null;
  column: string | null;
  now: Date;
}

const ENGINE_NAMES: Record<DatabaseEngine, string> = {
  postgres: "PostgreSQL", mysql: "MySQL", mariadb: "MariaDB", sqlite: "SQLite", sqlserver: "SQL Server",
  oracle: "Oracle", unknown: "an unknown database",
};

export function planContext(survey: Survey, now: Date): PlanContext {
  const engine = survey.database.engine;
  const version = survey.database.version;
  return {
    survey,
    framework: chooseFramework(survey),
    engine,
    dialect: dialectOf(engine),
    major: majorVersion(version),
    databaseName: engine === "unknown" ? ENGINE_NAMES.unknown : `${ENGINE_NAMES[engine]} ${version ?? "(version not found in the repo)"}`,
    table: survey.task.table ?? survey.table?.table ?? null,
    column: survey.task.column ?? survey.column?.column ?? null,
    now,
  };
}

function chooseFramework(survey: Survey): FrameworkInfo | null {
  const history = new Set(survey.history.map((cite) => cite.path));
  const declared = new Set([...(survey.column?.declarations ?? []), ...(survey.table?.declarations ?? [])].map((c) => c.path));
  return (
    survey.frameworks.find((f) => f.migrations.some((m) => history.has(m)) || f.schemaFiles.some((s) => declared.has(s))) ??
    survey.frameworks[0] ??
    null
  );
}
