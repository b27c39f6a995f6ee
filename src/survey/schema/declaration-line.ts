/**
 * Lines that declare a column (as opposed to using it), across the frameworks' schema, model and
 * migration syntaxes, and the facts such a line states: type, nullability, default, uniqueness.
 */
import { escapeRegExp } from "./code-names.js";

const SQL_TYPES = String.raw`(?:character\s+varying|varchar|nvarchar|text|citext|char|string|int\w*|bigint|smallint|tinyint|serial|bigserial|boolean|bool|bit|timestamp\w*|datetime\w*|date|time\w*|uuid|jsonb?|decimal|numeric|float\w*|double|real|money|bytea|blob|binary|enum|inet)`;

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
  (c) => new RegExp(String.raw`^\s*${c}\s*:\s*\w+\(\s*["'\x60]`),
  (c) => new RegExp(String.raw`\.\w+\(\s*["'\x60]${c}["'\x60]\s*[,)]`),
  (c) => new RegExp(String.raw`^\s*${c}[!?]?\s*:\s*(?:\{\s*(?:type|allowNull)\b|(?:DataTypes|Sequelize)\.|\{\s*$)`),
  (c) => new RegExp(String.raw`^\s*(?:(?:public|private|protected|readonly|declare)\s+)*${c}[!?]?\s*:\s*[\w<>\[\]| .]+;\s*$`),
  (c) => new RegExp(String.raw`\$table->\w+\(\s*["']${c}["']`),
  (c) => new RegExp(String.raw`\b(?:field|add|modify)\s+:${c}\b`),
  (c) => new RegExp(String.raw`^\s*${c}\s+\*?[\w.\[\]]+\s+\x60`, "i"),
  (c) => new RegExp(String.raw`\b(?:private|public|protected)\s+[\w<>?]+\s+${c}\s*[;={]`),
  (c) => new RegExp(String.raw`@Column\([^)]*\bname\s*[:=]\s*["']${c}["']`),
  (c) => new RegExp(String.raw`<column\b[^>]*\bname="${c}"`),
  (c) => new RegExp(String.raw`^\s*-?\s*name:\s*["']?${c}["']?\s*$`),
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

/** Facts stated on a declaration line (and the next two, for Liquibase constraints and TypeORM decorators). */
export function columnFacts(lines: string[], index: number, names: string[]): ColumnFacts {
  const line = lines[index] ?? "";
  const around = [lines[index - 1] ?? "", line, lines[index + 1] ?? "", lines[index + 2] ?? ""].join(" ");
  const alternation = names.map(escapeRegExp).join("|");
  const type =
    new RegExp(String.raw`\bt\.(\w+)\s*\(?\s*[:"'](?:${alternation})`).exec(line)?.[1] ??
    new RegExp(String.raw`^\s*(?:${alternation})\s+([A-Z]\w*[?\[\]]*)`).exec(line)?.[1]?.replace(/[?]$/, "") ??
    /\btype\s*[:=]\s*["']([\w() ,]+)["']/.exec(line)?.[1] ??
    /(?:mapped_column|Column)\(\s*(?:["']\w+["']\s*,\s*)?(?:sa\.)?([A-Z]\w*(?:\(\s*(?:length=)?\d+\s*\))?)/.exec(line)?.[1] ??
    /models\.(\w+)|(?:DataTypes|Sequelize)\.(\w+)|\$table->(\w+)\(|\.(string|text|integer|bigInteger|boolean|timestamp|uuid|json|jsonb|decimal|float|date|datetime)\(\s*["'`]/.exec(line)?.slice(1).find(Boolean) ??
    /\b(?:field|add|modify)\s+:\w+\s*,\s*:?(\w+)/.exec(line)?.[1] ??
    new RegExp(String.raw`["'\x60\[]?(?:${alternation})["'\x60\]]?\s+(${SQL_TYPES}(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?)`, "i").exec(line)?.[1] ??
    /\b(?:private|public|protected)\s+([\w<>?]+)\s+\w+\s*[;=]/.exec(line)?.[1] ??
    /\btype\s*[:=]\s*["']([\w() ,]+)["']|(?:DataTypes|Sequelize)\.(\w+)|\btype:\s*([\w()]+)\s*$/m.exec(around)?.slice(1).find(Boolean) ??
    null;
  const notNull = /\bnull:\s*false\b|NOT\s+NULL|nullable\s*[=:]\s*(False|false|"false")|allowNull\s*:\s*false|\.notNull(able)?\(\)|notNull\s*:\s*true|null:\s*false|@id\b/i.test(around);
  const nullable = /\bnull:\s*true\b|null\s*=\s*True|nullable\s*[=:]\s*(True|true|"true")|allowNull\s*:\s*true|->nullable\(\)|\.nullable\(\)|\?\s|\?$/.test(line);
  const isPrisma = new RegExp(String.raw`^\s*(?:${alternation})\s+[A-Z]\w*`).test(line);
  const isDjango = /models\.\w+Field\(/.test(line);
  return {
    type: type ?? null,
    nullable: notNull ? false : nullable ? true : isPrisma || isDjango ? false : null,
    default: /(?:default\s*[:=(]\s*|DEFAULT\s+|@default\()([^,)\s}]+(?:\(\))?)/i.exec(line)?.[1] ?? null,
    unique: /\bunique\b|@unique|unique\s*=\s*True|->unique\(\)|\.unique\(\)/i.test(around),
  };
}
