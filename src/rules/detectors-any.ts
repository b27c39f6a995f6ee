import type { Detector } from "./detectors.js";

const RENAME_COLUMN = /\bRENAME\s+COLUMN\s+"?(\w+)"?\s+TO\s+"?(\w+)|\brename_column\s*\(?\s*[:"']\w+["']?\s*,\s*[:"'](\w+)|\bRenameField\(|new_column_name\s*=|\brenameColumn\(\s*["'](\w+)|\brename\s+table\(:\w+\),\s*:(\w+)/i;
const DROP_COLUMN = /\bDROP\s+COLUMN\s+(?:IF\s+EXISTS\s+)?"?(\w+)|\bremove_column\s*\(?\s*[:"']\w+["']?\s*,\s*[:"'](\w+)|\bRemoveField\([^)]*name\s*=\s*["'](\w+)|\bdrop_column\(\s*["']\w+["']\s*,\s*["'](\w+)|\bdropColumn\(\s*["'](\w+)|\bremove\s+:(\w+)/gi;
const DDL = /\bALTER\s+TABLE\b|\bCREATE\s+(?:UNIQUE\s+)?INDEX\b|\b(add_column|change_column|remove_column|add_index|AddField|AlterField|op\.add_column|op\.alter_column|addColumn|changeColumn)\b/;
const DATA_CHANGE = /\bUPDATE\s+"?\w+"?\s+SET\b|\bupdate_all\b|\bRunPython\(|\bop\.execute\(\s*["']+\s*UPDATE|\.update\(\s*\{/i;
/** Signs that code stops using a column before it goes. */
const CODE_REMOVAL = /ignored_columns|SeparateDatabaseAndState|stop (reading|using|writing)|remove (every|all|the) (use|reference|read|write)|no longer (read|use|write)|remove (reads|the writes)|deprecate/i;

/** Rules that hold on every database: one-step rename, drop before code, backfill inside a DDL migration. */
export const anyDatabaseDetectors: Detector[] = [
  // Rule 2: a column renamed in one step, while old instances still use the old name.
  ({ step, steps }) => {
    const match = RENAME_COLUMN.exec(step.flat);
    if (!match) return [];
    if (steps.some((s) => /\bCREATE\s+(?:OR\s+REPLACE\s+)?VIEW\b/i.test(s.flat))) return [];
    const column = match[1] ?? match[3] ?? match[4] ?? match[5] ?? "a column";
    return [`Step ${step.n} renames ${column} in one step while running code still uses the old name (rule 2: add the new column, write both, backfill, switch reads, then drop; or rename only in the ORM mapping).`];
  },
  // Rule 1: a column dropped before any earlier step removes the code that uses it.
  ({ step, steps, survey }) => {
    const refs = survey.references.code;
    const column = survey.column?.column ?? survey.task.column;
    if (!column || refs.length === 0) return [];
    const names = new Set([column, ...(survey.column?.codeNames ?? [])].map((n) => n.toLowerCase()));
    const dropped = [...step.flat.matchAll(DROP_COLUMN)].map((m) => m.slice(1).find(Boolean)?.toLowerCase());
    if (!dropped.some((name) => name && names.has(name))) return [];
    const files = new Set(refs.map((r) => r.path));
    const earlier = steps.filter((s) => s.n < step.n);
    if (earlier.some((s) => CODE_REMOVAL.test(s.flat) || [...files].some((f) => s.flat.includes(f)))) return [];
    const table = survey.table?.table ?? survey.task.table ?? "the table";
    return [`Step ${step.n} drops ${table}.${column} before any earlier step removes the ${files.size} code file${files.size === 1 ? "" : "s"} that use it (rule 1: running code errors out; remove the uses and deploy first).`];
  },
  // Rule 25: rows updated in the same migration as a schema change.
  ({ step }) => {
    const statementsWithDdl = step.statements.some((s) => DDL.test(s));
    if (!statementsWithDdl || !DATA_CHANGE.test(step.flat)) return [];
    if (/\bseparate (migration|job)|own migration|outside (the|any) migration|from a job/i.test(step.flat)) return [];
    return [`Step ${step.n} backfills rows in the same migration as a schema change (rule 25: the DDL locks are held for the whole update; move the backfill to its own migration or job, in batches).`];
  },
];
