import { dialectOf, type Dialect } from "../rules/dialect.js";
import { majorVersion } from "../rules/select.js";
import { inTableFolder } from "./migration-folder.js";
import { sqlLiteral } from "./sql.js";

export type { Dialect };
import type { DatabaseEngine, FrameworkInfo, IndexInfo, Survey } from "../survey/types.js";


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
  /** The task's default and the surveyed column's declared one, as SQL; null when there is none SQL can restate. */
  taskDefault: string | null;
  columnDefault: string | null;
  /** Indexes and columns the plan's own steps add, in order: a SQLite rebuild after them must keep them. */
  planIndexes: IndexInfo[];
  planColumns: string[];
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
    table: sameName(survey.task.table, survey.table?.table) ?? null,
    column: sameName(survey.task.column, survey.column?.column) ?? null,
    taskDefault: taskDefault(survey.task.default),
    columnDefault: sqlLiteral(survey.column?.default ?? null),
    planIndexes: [],
    planColumns: [],
    now,
  };
}

/** The task's name, spelled as the repo spells it when the two differ only in case (SQL may quote it). */
function sameName(asked: string | null, found: string | undefined): string | undefined {
  if (asked === null) return found;
  return found !== undefined && found.toLowerCase() === asked.toLowerCase() ? found : asked;
}

/** A default the user wrote: a SQL literal, a function call as written (`gen_random_uuid()`), else a bare word as a string. */
function taskDefault(value: string | null): string | null {
  if (value === null) return null;
  return sqlLiteral(value) ?? (/^[\w.]+\(.*\)$/.test(value) ? value : `'${value.replace(/'/g, "''")}'`);
}

function chooseFramework(survey: Survey): FrameworkInfo | null {
  const history = new Set(survey.history.map((cite) => cite.path));
  const declared = new Set([...(survey.column?.declarations ?? []), ...(survey.table?.declarations ?? [])].map((c) => c.path));
  const chosen =
    survey.frameworks.find((f) => f.migrations.some((m) => history.has(m)) || f.schemaFiles.some((s) => declared.has(s))) ??
    survey.frameworks[0] ??
    null;
  return chosen && inTableFolder(chosen, survey);
}
