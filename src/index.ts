/**
 * The library: `import { planMigration } from "migration-agent"`. Nothing here writes to stdout or
 * exits the process; invalid options throw a UsageError, a failed run is an error result.
 */
export { planMigration } from "./run.js";
export { survey, parseTask } from "./survey/index.js";
export type { PlanMigrationOptions, RunResult, AgentEvent, Usage } from "./types.js";
export type { PlanDocument, PlanItem, Citation } from "./plan/types.js";
export type {
  Survey,
  Cite,
  Operation,
  ParsedTask,
  FrameworkId,
  FrameworkInfo,
  DatabaseEngine,
  DatabaseInfo,
  IndexInfo,
  ForeignKeyInfo,
  ColumnInfo,
  TableInfo,
  ReferenceArea,
  Reference,
  References,
} from "./survey/types.js";
export {
  MigrationAgentError,
  UsageError,
  ApiError,
  MaxTurnsError,
  BudgetError,
  InvalidPlanError,
  InterruptedError,
} from "./errors.js";
export type { ResultSubtype } from "./errors.js";
