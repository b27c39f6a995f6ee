/**
 * The database names of a table's columns, read from the block that declares the column: a schema
 * snapshot's table, else the migration that created the table, else the model. A line gives the name the
 * database uses (`text("created_at")`, `@map("email")`, `t.references :org` → `org_id`), not the code's.
 */

import { MAX_TABLE_BLOCK_LINES } from "../constants.js";

const SQL_TYPE = /^(?:big|small|tiny|medium)?(?:int\w*|serial\w*)|^(?:var)?char\w*|^character|^n?varchar|^text|^citext|^bool\w*|^bit|^timestamp\w*|^datetime\w*|^date|^time\w*|^uuid|^jsonb?|^decimal|^numeric|^float\w*|^double|^real|^money|^bytea|^blob|^binary|^enum|^inet|^string$/i;
const SQL_NOT_COLUMN = /^(constraint|primary|unique|key|index|foreign|check|exclude|fulltext|spatial)$/i;
const PRISMA_SCALAR = /^(String|Int|BigInt|Float|Decimal|Boolean|DateTime|Json|Bytes|Unsupported)$/;
const NOT_A_COLUMN_CALL = /^(index|unique|primary|foreign|check|check_constraint|dropColumn|dropUnique|dropIndex|dropForeign|comment|engine|charset|collation|timestamps|references|belongs_to)$/;

/** Column names declared by one line of a table block; empty when the line declares none. */
function columnNamesOn(line: string, prisma: boolean): string[] {
  const text = line.trim();
  if (!text || /^(--|#|\/\/|\/\*|\*)/.test(text)) return [];
  if (prisma) return prismaColumn(text);
  let m: RegExpExecArray | null;
  if ((m = /^(\w+)\s*:\s*\w+\(\s*["'`](\w+)["'`]/.exec(text))) return [m[2]!];
  if ((m = /^(\w+)\s*:\s*\w+\(\s*(?:\)|\{)/.exec(text))) return [m[1]!];
  if (/^(?:t\.timestamps|\$table->timestamps(?:Tz)?\(|table\.timestamps\()/.test(text)) return ["created_at", "updated_at"];
  if (/^timestamps\(/.test(text)) return ["inserted_at", "updated_at"];
  if (/^\$table->id\(\)|^table\.increments\(\s*\)|^table\.bigIncrements\(\s*\)/.test(text)) return ["id"];
  if (/^\$table->rememberToken\(\)/.test(text)) return ["remember_token"];
  if (/^\$table->softDeletes(?:Tz)?\(\)/.test(text)) return ["deleted_at"];
  if ((m = /^t\.(\w+)\s*\(?\s*[:"'](\w+)/.exec(text))) {
    if (/^(references|belongs_to)$/.test(m[1]!)) return [`${m[2]}_id`];
    return NOT_A_COLUMN_CALL.test(m[1]!) ? [] : [m[2]!];
  }
  if ((m = /^(?:\$table->|table\.)(\w+)\(\s*['"](\w+)/.exec(text))) return NOT_A_COLUMN_CALL.test(m[1]!) ? [] : [m[2]!];
  if ((m = /^(?:add|field)\s+:(\w+)/.exec(text))) return [m[1]!];
  if ((m = /^belongs_to\s+:(\w+)/.exec(text))) return [`${m[1]}_id`];
  if ((m = /\b(?:sa\.)?Column\(\s*["'](\w+)["']/.exec(text))) return [m[1]!];
  if ((m = /^\(\s*["'](\w+)["']\s*,\s*models\.(\w+)/.exec(text))) return [/ForeignKey|OneToOne/.test(m[2]!) ? `${m[1]}_id` : m[1]!];
  if ((m = /^(\w+)\s*=\s*models\.(\w+)\(/.exec(text))) {
    const column = /\bdb_column\s*=\s*["'](\w+)/.exec(text)?.[1];
    return [column ?? (/ForeignKey|OneToOne/.test(m[2]!) ? `${m[1]}_id` : m[1]!)];
  }
  if ((m = /<column\b[^>]*\bname="(\w+)"/.exec(text))) return [m[1]!];
  if ((m = /^["']?(\w+)["']?\s*:\s*(?:\{|["'`]|Sequelize\.|DataTypes\.)/.exec(text))) {
    if (/^(type|name|tableName|columns|constraints|default|references|field)$/.test(m[1]!)) return [];
    return [/\bfield\s*:\s*["'](\w+)/.exec(text)?.[1] ?? m[1]!];
  }
  if ((m = /^["'`[]?(\w+)["'`\]]?\s+([A-Za-z]\w*)/.exec(text))) {
    return SQL_TYPE.test(m[2]!) && !SQL_NOT_COLUMN.test(m[1]!) ? [m[1]!] : [];
  }
  return [];
}

/** Liquibase YAML: `name:` right under `- column:`. */
function yamlColumn(line: string, previous: string): string[] {
  const name = /^\s*name:\s*["']?(\w+)["']?\s*$/.exec(line)?.[1];
  return name && /^\s*-\s*column:\s*$/.test(previous) ? [name] : [];
}

function prismaColumn(text: string): string[] {
  const m = /^(\w+)\s+(\w+)(\[\])?\??(.*)$/.exec(text);
  if (!m || text.startsWith("@@")) return [];
  const [, name = "", type = "", list, rest = ""] = m;
  if (/@relation\b/.test(rest) || (!PRISMA_SCALAR.test(type) && (list || /^[A-Z]/.test(type) && !rest.includes("@")))) return [];
  return [/@map\(\s*(?:name:\s*)?"(\w+)"\s*\)/.exec(rest)?.[1] ?? name];
}

/** The columns a single-line `CREATE TABLE t (a int, b text, …)` lists (TypeORM's generated migrations). */
function inlineCreate(line: string): string[] | null {
  const body = /\bCREATE\s+TABLE\s+[^(]+\((.*)\)/i.exec(line)?.[1];
  if (!body) return null;
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of body) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.flatMap((part) => columnNamesOn(part, false));
}

function depthChange(line: string): number {
  const stripped = line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, "");
  return (stripped.match(/[({[]/g)?.length ?? 0) - (stripped.match(/[)}\]]/g)?.length ?? 0);
}

const indentOf = (line: string) => /^\s*/.exec(line)?.[0].length ?? 0;

/**
 * The columns of the table block opened at `openerLine` (1-based) that holds the declaration at `index`
 * (0-based): the lines at the declaration's own nesting depth, from the opener to where that depth closes.
 */
export function tableColumns(lines: string[], openerLine: number, index: number, path: string): string[] {
  const opener = lines[openerLine - 1] ?? "";
  const inline = inlineCreate(opener);
  if (inline?.length) return implicit(opener, inline);
  const prisma = path.endsWith(".prisma");
  const yaml = /\.ya?ml$/.test(path);
  let depth = 0;
  const depthAt: number[] = [];
  for (let i = openerLine - 1; i <= index; i++) {
    depthAt[i] = depth;
    depth += depthChange(lines[i] ?? "");
  }
  const target = depthAt[index] ?? 0;
  // The line that opened the declaration's container (`{`, `(`), or the opener itself for `do … end` blocks.
  let start = openerLine - 1;
  for (let i = index - 1; i >= openerLine - 1; i--) {
    if ((depthAt[i] ?? 0) < target) {
      start = i;
      break;
    }
  }
  const targetIndent = indentOf(lines[index] ?? "");
  const openerIndent = indentOf(opener);
  const found: string[] = [];
  depth = depthAt[start] ?? 0;
  for (let i = start; i < Math.min(lines.length, start + MAX_TABLE_BLOCK_LINES); i++) {
    const line = lines[i] ?? "";
    const before = depth;
    depth += depthChange(line);
    if (i === start || line.trim() === "") continue;
    if (yaml) {
      if (indentOf(line) < openerIndent) break;
      found.push(...yamlColumn(line, lines[i - 1] ?? ""));
      continue;
    }
    if (before < target) break;
    if (target === (depthAt[openerLine - 1] ?? 0) && indentOf(line) < targetIndent && /^\s*(end\b|\)|\}|\]|<\/)/.test(line)) break;
    if (before === target) found.push(...columnNamesOn(line, prisma));
  }
  return implicit(opener, [...new Set(found)]);
}

/** Rails' `create_table` and Ecto's `create table` add an `id` column unless told not to. */
function implicit(opener: string, columns: string[]): string[] {
  const addsId = (/\bcreate_table\b/.test(opener) && !/\bid:\s*false/.test(opener)) || (/\bcreate\s+table\(/.test(opener) && !/primary_key:\s*false/.test(opener));
  return addsId && !columns.includes("id") ? ["id", ...columns] : columns;
}
