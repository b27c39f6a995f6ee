/** The survey: list the repo once, detect frameworks and database, then look up the task's table and column. */
import { InterruptedError } from "../errors.js";
import { detectDatabase } from "./database/detect-database.js";
import { detectFrameworks } from "./frameworks/registry.js";
import { slugFor } from "./migration-name.js";
import { FileTexts, openRepo } from "./repo-view.js";
import { MAX_EARLY_READS } from "./constants.js";
import { isEarlierPlan } from "./earlier-plans.js";
import { isSecretPath } from "../workspace/secret-files.js";
import { startColumnSearch } from "./schema/classify-matches.js";
import { afterRenames } from "./schema/table-columns-source.js";
import { lookUpColumn, mappedColumn } from "./schema/look-up-column.js";
import { historyOf, referencesOf } from "./schema/column-report.js";
import { surveyTable } from "./schema/table-references.js";
import { missingColumnNote } from "./schema/table-declaration.js";
import { parseTask } from "./task/parse-task.js";
import { tableForModel } from "./names.js";
import { tableOfModel } from "./schema/model-table.js";
import type { ParsedTask, References, Survey } from "./types.js";

const noReferences = (): References => ({ code: [], tests: [], sameNameOrUnclear: [], counts: { code: 0, tests: 0, sameNameOrUnclear: 0, files: 0 } });

export interface SurveyOptions {
  signal?: AbortSignal;
  /** The time new migrations are named after (tests); the clock by default. */
  now?: Date;
  /** Repo-relative files to leave out, as earlier plans are: the plan file a run is about to write. */
  skip?: string[];
}

export async function survey(root: string, task: string, options: SurveyOptions = {}): Promise<Survey> {
  try {
    return await surveyRepo(root, task, options);
  } catch (error) {
    if (options.signal?.aborted) throw new InterruptedError("The survey was interrupted.", { cause: error });
    throw error;
  }
}

async function surveyRepo(root: string, task: string, options: SurveyOptions): Promise<Survey> {
  const started = Date.now();
  const parsed = parseTask(task);
  // The column's search does not need the file list: both run at once, and the files it names are read
  // while the rest of it runs, when this thread would otherwise wait.
  const texts = new FileTexts(root);
  const skip = new Set(options.skip ?? []);
  let earlyReads = 0;
  const readEarly = (path: string) => {
    if (earlyReads >= MAX_EARLY_READS || isSecretPath(path) || isEarlierPlan(path) || skip.has(path)) return;
    earlyReads += 1;
    void texts.read(path);
  };
  const columnSearch = parsed.column && parsed.table ? startColumnSearch(root, parsed.column, options.signal, readEarly) : undefined;
  columnSearch?.catch(() => undefined);
  const repo = await openRepo(root, options.signal, texts, skip);
  checkAborted(options.signal);
  const { frameworks, clues } = await detectFrameworks(repo, taskSlug(parsed), options.now ?? new Date());
  const database = await detectDatabase(repo, clues);
  checkAborted(options.signal);
  const result: Survey = {
    root, task: parsed, frameworks, database, table: null, column: null, history: [], references: noReferences(),
    notes: [], fileCount: repo.files.length, durationMs: 0, model: null,
  };
  // A model's table is the repo's to say: Prisma's `User` is the table "User", not `users`.
  if (parsed.model && parsed.table === tableForModel(parsed.model)) parsed.table = await tableOfModel(repo, parsed.model, frameworks);
  const table = parsed.table ?? null;
  if (parsed.column && table) {
    let { found, column, table: tableFound } = await lookUpColumn(repo, parsed.column, table, parsed.model, frameworks, columnSearch);
    // The task named a field the model maps to another column (`shareId` → `share_id`): the survey is of that column.
    const databaseName = await mappedColumn(repo, column);
    if (databaseName) {
      parsed.columns = parsed.columns.map((c) => (c === parsed.column ? databaseName : c));
      parsed.column = databaseName;
      ({ found, column, table: tableFound } = await lookUpColumn(repo, databaseName, table, parsed.model, frameworks, startColumnSearch(root, databaseName, options.signal)));
    }
    result.column = column;
    result.table = tableFound;
    result.history = historyOf(found, frameworks);
    result.table.columns = afterRenames(result.table.columns, result.history);
    result.references = referencesOf(found);
    if (!result.column.declarations.length && !result.table.columns.includes(parsed.column)) {
      result.notes.push(missingColumnNote(result.table, parsed.column));
      if (parsed.operation !== "add_column") result.column = null;
    }
    if (found.others.length) result.notes.push(`Other tables also have a column named ${parsed.column}: ${found.others.join(", ")}; their uses are listed apart.`);
    if (found.truncated) result.notes.push(`The search stopped after many matches; some references may be missing.`);
  } else if (table) {
    const found = await surveyTable(repo, table, parsed.model, frameworks);
    result.table = found.table;
    result.history = found.history;
    result.references = found.references;
    if (found.truncated) result.notes.push(`The search stopped after many matches; some references may be missing.`);
  }
  result.notes.push(...standingNotes(result));
  result.durationMs = Date.now() - started;
  return result;
}

function standingNotes(result: Survey): string[] {
  const notes: string[] = [];
  if (!result.frameworks.length) notes.push("No migration framework was recognised in the repo.");
  if (result.database.engine === "unknown") notes.push("The database engine is not stated in the repo's config; it is unknown.");
  else if (!result.database.version) notes.push(`The ${result.database.engine} version is not stated in the repo; check it before relying on version-dependent behaviour.`);
  if (result.task.unparsed) notes.push(`Part of the task was not understood and is kept as written: "${result.task.unparsed}".`);
  notes.push("Table sizes, traffic and other services or repos that share this database cannot be seen from the repo.");
  return notes;
}

function taskSlug(task: ParsedTask): string {
  if (task.operation === "upgrade") return slugFor(["upgrade", task.upgrade?.target ?? "", task.upgrade?.to ?? ""]);
  const verb = task.operation === "unknown" ? "change" : task.operation.replace(/_column|_table|_tables/, "");
  const target = [task.table ?? task.model ?? "", task.column ?? ""].filter(Boolean);
  return slugFor([verb, ...target, ...(task.newName ? ["to", task.newName] : [])]);
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new InterruptedError("The survey was interrupted.");
}
