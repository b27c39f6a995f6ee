import type { Survey } from "../survey/types.js";
import { binaryCompatible } from "./binary-compatible.js";
import type { Dialect } from "./dialect.js";
import { createdTables, tableIn, type StepText } from "./step-text.js";

/** What a detector sees: one step, the whole plan, and the survey's facts. */
export interface CheckInput {
  step: StepText;
  steps: StepText[];
  survey: Survey;
  dialect: Dialect;
}

export type Detector = (input: CheckInput) => string[];

/** The safe forms, in SQL and in each framework's DSL: seeing them is what keeps false positives low. */
const CONCURRENT = /CONCURRENTLY|algorithm:\s*:concurrently|concurrently:\s*true|IndexConcurrently|postgresql_concurrently\s*=\s*True|\.concurrently\(|concurrently\s*=>\s*true/i;
const NO_TRANSACTION = new RegExp([
  "disable_ddl_transaction!", "atomic\\s*=\\s*False", "autocommit_block", "transaction:\\s*false", "NO TRANSACTION",
  "executeInTransaction\\s*=\\s*false", "runInTransaction\\s*[=:]\\s*\"?false", "@disable_ddl_transaction\\s+true",
  "withinTransaction\\s*=\\s*false", "transaction\\s*=\\s*false", "noTransaction\\(", "suppressTransaction",
  "no-transaction", "run_in_transaction\\s*=\\s*false", "--transaction[ =](?:none|each)",
  "(?:outside|without|not in|never in)\\s+(?:a|any|the)\\s+transaction", "no transaction",
].join("|"), "i");
/** Runners with no per-migration switch, where a migration holding one statement is the way (frameworks.md). */
const ALONE = /own migration|separate migration|alone in|single[- ]statement|by itself|one statement/i;
const NOT_VALID = /NOT\s+VALID|validate:\s*false/i;
const ONLINE_MYSQL = /ALGORITHM\s*=\s*(?:INPLACE|INSTANT)|gh-ost|pt-online-schema-change|pt-osc/i;

function existing(input: CheckInput, text: string): string | null {
  const table = tableIn(text) ?? input.survey.task.table;
  if (!table) return "the table";
  return createdTables(input.steps, input.step.n).has(table.toLowerCase()) ? null : table;
}

const INDEX_SQL = /\bCREATE\s+(UNIQUE\s+)?INDEX\b[^;]*?\bON\s+[\w."`]+/i;
const INDEX_DSL = /\badd_index[\s(]+[:"']|\bt\.index[\s(]|\badd_reference[\s(]+[:"']|\bAddIndex\(|\bop\.create_index\(|\bcreate\s+(?:unique_)?index\(|\bcreateIndex\(|\baddIndex\(|->(?:index|unique)\(|\.(?:index|unique)\(\s*[\["']|<createIndex\b/;

const planHas = (input: CheckInput, pattern: RegExp, upTo = input.step.n) =>
  input.steps.some((s) => s.n <= upTo && pattern.test(s.flat));

export const postgresDetectors: Detector[] = [
  // Rules 12 and 21: an index (unique or not) built without CONCURRENTLY on a table that already holds rows.
  (input) => {
    const { step } = input;
    const found: string[] = [];
    const candidates = [
      ...step.statements.filter((s) => INDEX_SQL.test(s)),
      ...step.lines.filter((l) => INDEX_DSL.test(l) && !/CREATE\s+(UNIQUE\s+)?INDEX/i.test(l) && !/\bremove_index\b/.test(l)),
    ];
    for (const text of candidates) {
      if (CONCURRENT.test(text)) continue;
      const table = existing(input, text);
      if (!table) continue;
      found.push(/unique/i.test(text)
        ? `Step ${step.n} adds a unique index without CONCURRENTLY on the existing PostgreSQL table ${table} (rule 21: the build blocks writes and fails if duplicates exist).`
        : `Step ${step.n} creates an index without CONCURRENTLY on the existing PostgreSQL table ${table} (rule 12: the build blocks writes).`);
    }
    return found;
  },
  // Rule 14: CONCURRENTLY where the runner wraps the migration in a transaction.
  ({ step, survey }) => {
    if (!CONCURRENT.test(step.flat) || NO_TRANSACTION.test(step.flat)) return [];
    const framework = survey.frameworks[0];
    if (!framework ? !/\bBEGIN\b/.test(step.flat) : !framework.transaction.wrapped) return [];
    if (framework && ["prisma", "golang-migrate"].includes(framework.id) && ALONE.test(step.flat)) return [];
    const how = framework ? ` (${framework.name}: ${framework.transaction.optOut})` : "";
    return [`Step ${step.n} runs CONCURRENTLY without the runner's no-transaction switch${how} (rule 14: it fails inside a transaction).`];
  },
  // Rule 6: SET NOT NULL without the CHECK … NOT VALID, VALIDATE path first.
  (input) => {
    const { step } = input;
    const match = /ALTER\s+COLUMN\s+"?(\w+)"?\s+SET\s+NOT\s+NULL/i.exec(step.flat) ??
      /change_column_null\s*\(?\s*[:"'](\w+)["']?\s*,\s*[:"'](\w+)["']?\s*,\s*false/.exec(step.flat) ??
      /alter_column\([^)]*?["'](\w+)["'][^)]*nullable\s*=\s*False/.exec(step.flat);
    if (!match) return [];
    const column = match[2] ?? match[1]!;
    const table = existing(input, match[0]);
    if (!table) return [];
    const check = new RegExp(`CHECK\\s*\\(\\s*"?${column}"?\\s+IS\\s+NOT\\s+NULL\\s*\\)[^;]*NOT\\s+VALID|add_check_constraint[^\\n]*${column}\\s+IS\\s+NOT\\s+NULL[^\\n]*validate:\\s*false`, "i");
    if (planHas(input, check) && planHas(input, /VALIDATE\s+CONSTRAINT|validate_check_constraint|validate_constraint/i)) return [];
    return [`Step ${step.n} sets ${table}.${column} NOT NULL without first adding CHECK (${column} IS NOT NULL) NOT VALID and validating it (rule 6: SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock).`];
  },
  // Rule 18: a foreign key added without NOT VALID.
  (input) => {
    const { step } = input;
    const texts = [
      ...step.statements.filter((s) => /\bALTER\s+TABLE\b[^;]*\bADD\s+(?:CONSTRAINT\s+\S+\s+)?FOREIGN\s+KEY\b/i.test(s)),
      ...step.lines.filter((l) => /\b(add_foreign_key|create_foreign_key|->foreign\(|->constrained\(|\.foreign\()|add_reference[^\n]*foreign_key:\s*true|references\(:\w+/.test(l)),
    ];
    return texts.filter((t) => !NOT_VALID.test(t)).flatMap((text) => {
      const table = existing(input, text);
      return table ? [`Step ${step.n} adds a foreign key without NOT VALID on the existing PostgreSQL table ${table} (rule 18: validating it blocks writes to both tables; add it NOT VALID, then VALIDATE CONSTRAINT separately).`] : [];
    });
  },
  // Rule 20: a CHECK constraint added without NOT VALID.
  (input) => {
    const { step } = input;
    const texts = [
      ...step.statements.filter((s) => /\bADD\s+CONSTRAINT\s+\S+\s+CHECK\s*\(/i.test(s)),
      ...step.lines.filter((l) => /\badd_check_constraint\b/.test(l)),
    ];
    return texts.filter((t) => !NOT_VALID.test(t)).flatMap((text) => {
      const table = existing(input, text);
      return table ? [`Step ${step.n} adds a CHECK constraint without NOT VALID on the existing PostgreSQL table ${table} (rule 20: the validating scan blocks reads and writes).`] : [];
    });
  },
  // Rule 21: a UNIQUE constraint built in place rather than from a concurrent index.
  (input) => input.step.statements
    .filter((s) => /\bADD\s+(?:CONSTRAINT\s+\S+\s+)?UNIQUE\b/i.test(s) && !/USING\s+INDEX/i.test(s))
    .flatMap((text) => {
      const table = existing(input, text);
      return table ? [`Step ${input.step.n} adds a UNIQUE constraint that builds its index under an ACCESS EXCLUSIVE lock on ${table} (rule 21: build a unique index CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX).`] : [];
    }),
  // Rule 4: a type change that rewrites the table.
  (input) => {
    const { step, survey } = input;
    const found: string[] = [];
    for (const match of step.flat.matchAll(/ALTER\s+COLUMN\s+"?(\w+)"?\s+(?:SET\s+DATA\s+)?TYPE\s+([\w]+(?:\s*\([\d, ]+\))?)|change_column\s*\(?\s*[:"'](\w+)["']?\s*,\s*[:"'](\w+)["']?\s*,\s*[:"'](\w+)/gi)) {
      const column = match[1] ?? match[4]!;
      const type = (match[2] ?? match[5]!).toLowerCase();
      const old = survey.column?.column === column ? survey.column.type : null;
      // With the old type unknown, a change to text is given the benefit of the doubt: false positives cost trust.
      const widening = old ? binaryCompatible(old, type) : /^(text|varchar|character varying|string)$/.test(type);
      const table = existing(input, match[0]);
      if (widening || !table) continue;
      found.push(`Step ${step.n} changes the type of ${table}.${column} to ${type}, which rewrites the PostgreSQL table under an ACCESS EXCLUSIVE lock (rule 4: add a new column, backfill it and switch instead).`);
    }
    return found;
  },
  // Rules 8 and 9: a default that rewrites the table.
  ({ step, survey }) => {
    const add = /ADD\s+COLUMN[^;]*?\bDEFAULT\s+([^,;]+)/i.exec(step.flat);
    if (!add) return [];
    if (/now\(|clock_timestamp|random\(|gen_random_uuid|uuid_generate|timeofday/i.test(add[1]!)) {
      return [`Step ${step.n} adds a column with the volatile default ${add[1]!.trim()}, which rewrites the whole table (rule 8: add it without a default, SET DEFAULT afterwards, backfill in batches).`];
    }
    const major = Number(/^\d+/.exec(survey.database.version ?? "")?.[0] ?? NaN);
    return major < 11 ? [`Step ${step.n} adds a column with a default on PostgreSQL ${major}, which rewrites the table before version 11 (rule 9).`] : [];
  },
  // Rule 13: an index dropped without CONCURRENTLY.
  (input) => [
    ...input.step.statements.filter((s) => /\bDROP\s+INDEX\b/i.test(s)),
    ...input.step.lines.filter((l) => /\bremove_index\b/.test(l)),
  ].filter((t) => !CONCURRENT.test(t)).map(() =>
    `Step ${input.step.n} drops an index without CONCURRENTLY (rule 13: DROP INDEX takes an ACCESS EXCLUSIVE lock on the table).`).slice(0, 1),
  // Rules 17, 22, 28, 31: statements with no safe form in place.
  ({ step }) => {
    const found: string[] = [];
    if (/\bVACUUM\s+FULL\b|\bCLUSTER\s+\w+|\bREINDEX\s+(?:TABLE|INDEX|DATABASE|SCHEMA)\s+(?!CONCURRENTLY)/i.test(step.flat)) {
      found.push(`Step ${step.n} runs VACUUM FULL, CLUSTER or REINDEX without CONCURRENTLY (rule 17: ACCESS EXCLUSIVE for the whole run; use REINDEX CONCURRENTLY or pg_repack).`);
    }
    if (step.statements.some((s) => /\bADD\s+(?:CONSTRAINT\s+\S+\s+)?PRIMARY\s+KEY\s*\(/i.test(s) && /\bALTER\s+TABLE\b/i.test(s))) {
      found.push(`Step ${step.n} adds a PRIMARY KEY in place (rule 22: its index is built under ACCESS EXCLUSIVE; build a unique index CONCURRENTLY, then ADD PRIMARY KEY USING INDEX).`);
    }
    if (/ADD\s+COLUMN\s+"?\w+"?\s+json\b|add_column[^\n]*:json\b/i.test(step.flat)) {
      found.push(`Step ${step.n} adds a json column (rule 28: json has no equality operator, so SELECT DISTINCT breaks; use jsonb).`);
    }
    if (/\bTRUNCATE\b[^;]*\bCASCADE\b/i.test(step.flat)) {
      found.push(`Step ${step.n} uses TRUNCATE … CASCADE (rule 31: it empties every table that references this one).`);
    }
    return found;
  },
];

export const mysqlDetectors: Detector[] = [
  // Rules 4 and 34: ALTERs that copy the table or take a lock, with no online clause or tool.
  ({ step }) => {
    if (ONLINE_MYSQL.test(step.flat) && !/ALGORITHM\s*=\s*COPY|LOCK\s*=\s*(?:SHARED|EXCLUSIVE)/i.test(step.flat)) return [];
    const risky = step.statements.filter((s) =>
      /\bALTER\s+TABLE\b/i.test(s) && /\b(MODIFY|CHANGE\s+COLUMN|ADD\s+(?:UNIQUE\s+)?INDEX|ADD\s+COLUMN|DROP\s+COLUMN|ADD\s+CONSTRAINT|ALGORITHM\s*=\s*COPY|LOCK\s*=\s*(?:SHARED|EXCLUSIVE))\b/i.test(s));
    return risky.length ? [`Step ${step.n} alters an existing MySQL table without ALGORITHM=INPLACE/INSTANT, LOCK=NONE or an online schema change tool (rule 34: a table copy blocks writes).`] : [];
  },
];

export const sqliteDetectors: Detector[] = [
  ({ step }) => /\bALTER\s+TABLE\s+\S+\s+(?:ALTER|MODIFY)\s+(?:COLUMN\s+)?\w+/i.test(step.flat)
    ? [`Step ${step.n} alters a column in place, which SQLite cannot do (rule 35: rebuild the table: create, copy, drop, rename, with foreign keys off).`]
    : [],
];
