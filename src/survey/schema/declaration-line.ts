/**
 * Lines that declare a column (as opposed to using it), across the frameworks' schema, model and
 * migration syntaxes, and the facts such a line states: type, nullability, default, uniqueness.
 */
import { escapeRegExp, namedColumnDecorator } from "./code-names.js";

const SQL_TYPES = String.raw`(?:character\s+varying|varchar|nvarchar|text|citext|char|string|int\w*|bigint|smallint|tinyint|serial|bigserial|boolean|bool|bit|timestamp\w*|datetime\w*|date|time\w*|uuid|jsonb?|decimal|numeric|float\w*|double|real|money|bytea|blob|binary|enum|inet)`;

/**
 * A rename of a column, built from two regex fragments (the old name, the new one): SQL, Rails, Knex / Sequelize /
 * Laravel `renameColumn`, Alembic `new_column_name=`, Django `RenameField`, Ecto `rename table(:t), :a, to: :b`.
 */
export const RENAMES: ((from: string, to: string) => RegExp)[] = [
  (a, b) => new RegExp(String.raw`\bRENAME\s+(?:COLUMN\s+)?["'\x60]?${a}["'\x60]?\s+TO\s+["'\x60]?${b}["'\x60]?(?![\w$])`, "i"),
  (a, b) => new RegExp(String.raw`\brename_column\s*\(?\s*[:"']\w+["']?\s*,\s*[:"']${a}["']?\s*,\s*[:"']${b}(?![\w$])`),
  (a, b) => new RegExp(String.raw`\brenameColumn\(\s*(?:["'\x60]\w+["'\x60]\s*,\s*)?["'\x60]${a}["'\x60]\s*,\s*["'\x60]${b}["'\x60]`),
  (a, b) => new RegExp(String.raw`\balter_column\(\s*["']\w+["']\s*,\s*["']${a}["']\s*,.*\bnew_column_name\s*=\s*["']${b}["']`),
  (a, b) => new RegExp(String.raw`\bRenameField\(.*\bold_name\s*=\s*["']${a}["']\s*,\s*new_name\s*=\s*["']${b}["']`),
  (a, b) => new RegExp(String.raw`\brename\s+table\(\s*:\w+\s*\)\s*,\s*:${a}\s*,\s*to:\s*:${b}\b`),
];

const PATTERNS: ((c: string) => RegExp)[] = [
  (c) => new RegExp(String.raw`\bt\.\w+\s*\(?\s*[:"']${c}["']?`),
  (c) => new RegExp(String.raw`\badd_column\s*\(?\s*[:"']\w+["']?\s*,\s*[:"']${c}\b`),
  (c) => new RegExp(String.raw`^\s*${c}\s+[A-Z]\w*[?\[\]]*(\s|$)`),
  (c) => new RegExp(String.raw`^\s*${c}\s*(?::\s*[\w\[\]|. ]+)?\s*=\s*(?:models|sa|db|sqlalchemy|fields|orm)\.\w+`),
  (c) => new RegExp(String.raw`^\s*${c}\s*(?::[^=]+)?=\s*(?:sa\.|db\.)?(?:Column|mapped_column)\(`),
  (c) => new RegExp(String.raw`\(\s*["']${c}["']\s*,\s*(?:models|sa)\.\w+`),
  (c) => new RegExp(String.raw`\b(?:sa\.)?Column\(\s*["']${c}["']`),
  (c) => new RegExp(String.raw`^\s*\(?["'\x60\[]?${c}["'\x60\]]?\s+${SQL_TYPES}\b`, "i"),
  (c) => new RegExp(String.raw`\bADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?["'\x60]?${c}["'\x60]?\s+\w`, "i"),
  // A CREATE TABLE on one line (TypeORM's queryRunner.query, knex.raw): the column after `(` or `,`, then its type.
  (c) => new RegExp(String.raw`\bCREATE\s+TABLE\b.*[(,]\s*["'\x60\[]?${c}["'\x60\]]?\s+${SQL_TYPES}\b`, "i"),
  (c) => new RegExp(String.raw`^\s*${c}\s*:\s*\w+\(\s*["'\x60]`),
  (c) => new RegExp(String.raw`\.\w+\(\s*["'\x60]${c}["'\x60]\s*[,)]`),
  (c) => new RegExp(String.raw`^\s*${c}[!?]?\s*:\s*(?:\{\s*(?:type|allowNull)\b|(?:DataTypes|Sequelize)\.|\{\s*$)`),
  (c) => new RegExp(String.raw`^\s*(?:(?:public|private|protected|readonly|declare)\s+)*${c}[!?]?\s*:\s*[\w<>\[\]| .]+;?\s*$`),
  (c) => new RegExp(String.raw`\$table->\w+\(\s*["']${c}["']`),
  (c) => new RegExp(String.raw`\b(?:field|add|modify)\s+:${c}\b`),
  (c) => new RegExp(String.raw`^\s*${c}\s+\*?[\w.\[\]]+\s+\x60`, "i"),
  (c) => new RegExp(String.raw`\b(?:private|public|protected)\s+[\w<>?]+\s+${c}\s*[;={]`),
  (c) => new RegExp(namedColumnDecorator(c)),
  (c) => new RegExp(String.raw`<column\b[^>]*\bname="${c}"`),
  (c) => new RegExp(String.raw`^\s*-?\s*name:\s*["']?${c}["']?\s*$`),
  // A column that came into being by a rename is declared there (its type stays where it was created).
  ...RENAMES.map((rename) => (c: string) => rename(String.raw`\w+`, c)),
];

const compiled = new Map<string, RegExp[]>();

/** The patterns joined into one regex per flag set, so a line is tested in one or two passes. */
export function isDeclaration(line: string, names: string[]): boolean {
  const key = names.join("\0");
  let patterns = compiled.get(key);
  if (!patterns) {
    const c = `(?:${names.map(escapeRegExp).join("|")})`;
    const built = PATTERNS.map((pattern) => pattern(c));
    patterns = ["", "i"].map((flags) => new RegExp(built.filter((p) => p.flags === flags).map((p) => `(?:${p.source})`).join("|"), flags));
    compiled.set(key, patterns);
  }
  return patterns.some((pattern) => pattern.test(line));
}

export interface ColumnFacts {
  type: string | null;
  nullable: boolean | null;
  default: string | null;
  unique: boolean;
}

/** Lines a call split over several lines takes (`models.CharField(\n  null=True,\n)`), bounded. */
const MAX_STATEMENT_LINES = 8;

/** The declaration's own statement: the line, continued while its brackets are open. */
function statementAt(lines: string[], index: number): string {
  const parts: string[] = [];
  let depth = 0;
  for (let i = index; i < Math.min(lines.length, index + MAX_STATEMENT_LINES); i++) {
    const text = lines[i] ?? "";
    parts.push(text);
    const code = text.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, "");
    depth += (code.match(/[({[]/g)?.length ?? 0) - (code.match(/[)}\]]/g)?.length ?? 0);
    if (depth <= 0) break;
  }
  return parts.join(" ");
}

/**
 * What else states facts about this declaration: the decorators above a field (`@Column({ nullable: true })`)
 * and, in a Liquibase changelog, the rest of the column's entry. Never a neighbouring column's line.
 */
function attachedLines(lines: string[], index: number): string[] {
  const line = lines[index] ?? "";
  const attached: string[] = [];
  for (let i = index - 1; i >= Math.max(0, index - 3) && /^\s*@/.test(lines[i] ?? ""); i--) attached.push(lines[i] ?? "");
  const liquibaseYaml = /^\s*-?\s*name:\s*["']?\w+["']?\s*$/.test(line);
  const liquibaseXml = /<column\b/.test(line) && !/\/>\s*$/.test(line);
  if (liquibaseYaml || liquibaseXml) {
    for (let i = index + 1; i < Math.min(lines.length, index + MAX_STATEMENT_LINES); i++) {
      const next = lines[i] ?? "";
      if (liquibaseYaml ? /^\s*-\s|^\s*name:/.test(next) : /<column\b/.test(next)) break;
      attached.push(next);
      if (liquibaseXml && /<\/column>/.test(next)) break;
    }
  }
  return attached;
}

/** Rails' DSL and SQL state NOT NULL when it holds: a column line without it is nullable. */
const NULLABLE_UNLESS_SAID = /\bt\.\w+\s*\(?\s*[:"']|\badd_column\b/;

/** A Go struct field with tags (`Email *string \x60db:"email" json:"email"\x60`): the app's type, not the column's. */
const GO_STRUCT_FIELD = /^\s*\w+\s+[\w.*[\]]+\s+\x60[^\x60]*\b\w+:"/;

/**
 * A line that defines several columns (a CREATE TABLE on one line) is cut to this column's own definition, up to
 * the next comma outside brackets: another column's NOT NULL is not this one's.
 */
function ownDefinition(line: string, names: string[]): string {
  if (!/\bCREATE\s+TABLE\b/i.test(line)) return line;
  const start = new RegExp(String.raw`[(,]\s*(["'\x60\[]?(?:${names.map(escapeRegExp).join("|")})["'\x60\]]?\s)`, "i").exec(line);
  if (!start) return line;
  let depth = 0;
  const from = start.index + start[0].length - start[1]!.length;
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return line.slice(from, i);
    else if (ch === "," && depth === 0) return line.slice(from, i);
  }
  return line.slice(from);
}

/** A Prisma field's type (`email String?` → String, `tags String[]` → String[]); null for SQL in capitals (`email VARCHAR(255)`). */
function prismaType(line: string, alternation: string): string | null {
  const field = new RegExp(String.raw`^\s*(?:${alternation})\s+([A-Z]\w*)([?\[\]]*)`).exec(line);
  if (!field || (field[1]!.length > 1 && field[1] === field[1]!.toUpperCase())) return null;
  return field[1]! + field[2]!.replace(/\?$/, "");
}

/** Facts stated on a declaration (its statement, decorators, changelog entry), never read from a neighbouring column's line. */
export function columnFacts(lines: string[], index: number, names: string[]): ColumnFacts {
  const line = ownDefinition(statementAt(lines, index), names);
  if (GO_STRUCT_FIELD.test(line)) return { type: null, nullable: null, default: null, unique: false };
  const around = [...attachedLines(lines, index), line].join(" ");
  const alternation = names.map(escapeRegExp).join("|");
  const prisma = prismaType(line, alternation);
  const type =
    new RegExp(String.raw`\bt\.(\w+)\s*\(?\s*[:"'](?:${alternation})`).exec(line)?.[1] ??
    prisma ??
    /\btype\s*[:=]\s*["']([\w() ,]+)["']/.exec(line)?.[1] ??
    /(?:mapped_column|Column)\(\s*(?:["']\w+["']\s*,\s*)?(?:sa\.)?([A-Z]\w*(?:\(\s*(?:length=)?\d+\s*\))?)/.exec(line)?.[1] ??
    /models\.(\w+)|(?:DataTypes|Sequelize)\.(\w+)|\$table->(\w+)\(|\.(string|text|integer|bigInteger|boolean|timestamp|uuid|json|jsonb|decimal|float|date|datetime)\(\s*["'`]/.exec(line)?.slice(1).find(Boolean) ??
    /\b(?:field|add|modify)\s+:\w+\s*,\s*:?(\w+)/.exec(line)?.[1] ??
    new RegExp(String.raw`["'\x60\[]?(?:${alternation})["'\x60\]]?\s+(${SQL_TYPES}(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?)`, "i").exec(line)?.[1] ??
    /\b(?:private|public|protected)\s+([\w<>?]+)\s+\w+\s*[;=]/.exec(line)?.[1] ??
    /\btype\s*[:=]\s*["']([\w() ,]+)["']|(?:DataTypes|Sequelize)\.(\w+)|\btype:\s*([\w()]+)\s*$/m.exec(around)?.slice(1).find(Boolean) ??
    null;
  const notNull = /\bnull:\s*false\b|NOT\s+NULL|PRIMARY\s+KEY|nullable\s*[=:]\s*(False|false|"false")|allowNull\s*:\s*false|\.notNull(able)?\(\)|notNull\s*:\s*true|null:\s*false|@id\b/i.test(around);
  const nullable = /\bnull:\s*true\b|null\s*=\s*True|nullable\s*[=:]\s*(True|true|"true")|allowNull\s*:\s*true|->nullable\(\)|\.nullable\(\)/.test(around) || /\?\s|\?$/.test(line);
  const isPrisma = prisma !== null;
  const isDjango = /models\.\w+Field\(/.test(line);
  // Laravel's `$table->string('x')` and a TypeORM `@Column()` property are NOT NULL unless they say nullable.
  const isLaravel = /\$table->\w+\(/.test(line);
  const isTypeorm = /@\w*Column\(/.test(around) && /\w[!?]?\s*:\s*[\w<>[\]| .]+;?\s*$/.test(line);
  const isSql = new RegExp(String.raw`^\s*\(?["'\x60\[]?(?:${alternation})["'\x60\]]?\s+${SQL_TYPES}\b|\bADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?["'\x60]?(?:${alternation})["'\x60]?\s+${SQL_TYPES}\b`, "i").test(line);
  const saysWhenNotNull = NULLABLE_UNLESS_SAID.test(line) || isSql;
  return {
    type: type ?? null,
    nullable: notNull ? false : nullable ? true : isPrisma || isDjango || isLaravel || isTypeorm ? false : saysWhenNotNull ? true : null,
    default: /(?:default\s*[:=(]\s*|DEFAULT\s+|@default\()(\w+\(\)|[^,)\s}]+)/i.exec(line)?.[1] ?? null,
    unique: saysUnique(around, /\bunique\b|@unique|->unique\(\)|\.unique\(\)/i),
  };
}

/** `unique=False`, `unique: false`, `unique => false` say the opposite of the word they contain. */
const NOT_UNIQUE = /\bunique\s*(?:[:=]|=>)\s*(?:False|false|nil|None|0)\b/gi;

/** The text without its `unique=False`-style negations. */
export function withoutNotUnique(text: string): string {
  return text.replace(NOT_UNIQUE, " ");
}

/** Whether a declaration or index statement makes its columns unique: `pattern` found once the negations are set aside. */
export function saysUnique(text: string, pattern: RegExp): boolean {
  return pattern.test(withoutNotUnique(text));
}
