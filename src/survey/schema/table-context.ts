/**
 * The table a line belongs to: named on the line itself (`add_index :users, :email`), or by the
 * nearest enclosing class, model, `create_table`, `CREATE TABLE`, `Schema::create`, `schema "users"`…
 */
import { CONTEXT_LOOKBACK_LINES, MAX_OPENER_LINE_CHARS } from "../constants.js";

const Q = String.raw`["'\x60\[]?`;
const NAME = String.raw`(?:\w+${Q}\.${Q})?(\w+)`;

/** Lines that name the table for what follows them (or for themselves). */
const OPENERS: RegExp[] = [
  new RegExp(String.raw`\b(?:create_table|change_table|drop_table)\s*\(?\s*[:"']${NAME}`),
  new RegExp(String.raw`\b(?:add_column|remove_column|rename_column|change_column|change_column_null|change_column_default|add_index|remove_index|add_reference|add_foreign_key|add_check_constraint)\s*\(?\s*[:"']${NAME}`),
  new RegExp(String.raw`\bCREATE\s+(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${Q}${NAME}`, "i"),
  new RegExp(String.raw`\bALTER\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?${Q}${NAME}`, "i"),
  new RegExp(String.raw`\bINDEX\b.*?\bON\s+(?:ONLY\s+)?${Q}${NAME}`, "i"),
  new RegExp(String.raw`\b(?:createTable|alterTable|dropTable|createTableIfNotExists|table|hasTable|addColumn|removeColumn|changeColumn|addIndex|removeIndex|addConstraint|createIndex|createUniqueConstraint)\s*\(\s*["'\x60]${NAME}["'\x60]`),
  // With the table first: Sequelize's renameColumn(table, from, to), TypeORM's dropColumn(table, column); Knex's
  // and Laravel's table builders take only the columns (`t.renameColumn('mail', 'email')`, `t.dropColumn('email')`).
  new RegExp(String.raw`\brenameColumn\s*\(\s*["'\x60]${NAME}["'\x60]\s*,\s*["'\x60]\w+["'\x60]\s*,`),
  new RegExp(String.raw`\bdropColumn\s*\(\s*["'\x60]${NAME}["'\x60]\s*,`),
  new RegExp(String.raw`\bSchema::(?:create|table|drop|dropIfExists)\s*\(\s*["']${NAME}`),
  new RegExp(String.raw`\b(?:create|alter|drop)\s+(?:unique_)?(?:table|index)\(\s*:${NAME}`),
  new RegExp(String.raw`\b(?:unique_)?index\(\s*:${NAME}`),
  new RegExp(String.raw`\bop\.(?:create_table|add_column|drop_column|alter_column|drop_table|create_unique_constraint|create_foreign_key)\s*\(\s*["']${NAME}`),
  new RegExp(String.raw`\bop\.(?:create_index|drop_index)\s*\(\s*[^,]+,\s*["']${NAME}`),
  new RegExp(String.raw`\b(?:pgTable|mysqlTable|sqliteTable|table)\s*\(\s*["'\x60]${NAME}`),
  new RegExp(String.raw`\btableName\s*[=:]\s*["']${NAME}`),
  new RegExp(String.raw`@Entity\(\s*(?:\{\s*name\s*:\s*)?["']${NAME}`),
  new RegExp(String.raw`@Table\(\s*(?:name\s*=\s*)?["']${NAME}`),
  new RegExp(String.raw`\b__tablename__\s*=\s*["']${NAME}`),
  new RegExp(String.raw`\bself\.table_name\s*=\s*["']${NAME}`),
  new RegExp(String.raw`\bdb_table\s*=\s*["']${NAME}`),
  new RegExp(String.raw`\bprotected\s+\$table\s*=\s*["']${NAME}`),
  new RegExp(String.raw`\bschema\s+["']${NAME}["']`),
  new RegExp(String.raw`\bmigrations\.CreateModel\(\s*(?:name\s*=\s*)?["']${NAME}`),
  new RegExp(String.raw`\bmodel_name\s*=\s*["']${NAME}`),
  new RegExp(String.raw`^\s*["']?name["']?\s*[=:]\s*["'](\w+)["']\s*,?\s*$`),
  new RegExp(String.raw`^\s*model\s*=\s*(\w+)\s*$`),
  new RegExp(String.raw`\bmodel\s+(\w+)\s*\{`),
  new RegExp(String.raw`\btype\s+(\w+)\s+struct\b`),
  new RegExp(String.raw`\b(?:class|interface|defmodule|record)\s+(?:[\w.]+\.)?(\w+)`),
  new RegExp(String.raw`<(?:createTable|addColumn|createIndex|modifyDataType|addNotNullConstraint|addUniqueConstraint|renameColumn|dropColumn)\b[^>]*\btableName="${NAME}"`),
  new RegExp(String.raw`^\s*-?\s*tableName:\s*${NAME}`),
  new RegExp(String.raw`\b(?:FROM|JOIN|UPDATE|INTO)\s+${Q}${NAME}`),
];

/** Openers that may name a column, a query or an import rather than the enclosing table. */
const WEAK: RegExp[] = [/^\s*["']?name["']?\s*[=:]/, /\b(FROM|JOIN|UPDATE|INTO)\s/, /^\s*model\s*=/, /\b(add|remove|rename|change)_?column|addColumn|removeColumn|renameColumn|changeColumn/];

/** The table or class named by the line itself, if it opens or names one. */
export function openerName(line: string): string | null {
  for (const pattern of OPENERS) {
    const name = pattern.exec(line)?.[1];
    if (name && !/^(if|the|select|where|only|set|values|migration|migrations|models|Meta)$/i.test(name)) return name;
  }
  return null;
}

export interface Opener {
  name: string;
  line: number;
  strong: boolean;
}

/** Words every opener pattern contains: a line without one is not read with the thirty patterns. */
const OPENER_HINT = /table|index|column|reference|foreign|check|constraint|create|alter|schema|entity|model|name|class|struct|interface|defmodule|record|FROM|JOIN|UPDATE|INTO/i;
/** Per file, each line's opener once worked out (null: none), so many hits in one file cost one pass. */
const openersByFile = new WeakMap<string[], (Opener | null | undefined)[]>();

function openerAt(lines: string[], i: number): Opener | null {
  let cache = openersByFile.get(lines);
  if (!cache) {
    cache = [];
    openersByFile.set(lines, cache);
  }
  const known = cache[i];
  if (known !== undefined) return known;
  const raw = lines[i] ?? "";
  let opener: Opener | null = null;
  if (raw.length <= MAX_OPENER_LINE_CHARS && OPENER_HINT.test(raw)) {
    // A call split over lines (`op.create_table(` then `"users",`) names its table on the next line.
    const line = /\(\s*$/.test(raw) ? `${raw} ${(lines[i + 1] ?? "").trim()}` : raw;
    const name = openerName(line);
    if (name) opener = { name, line: i + 1, strong: !WEAK.some((pattern) => pattern.test(line)) };
  }
  cache[i] = opener;
  return opener;
}

/**
 * Openers at or above `index` (0-based), nearest first, within a bounded distance. The caller stops
 * at the first it can place; a class or table opener it cannot place ends the walk (`strong`).
 */
export function* enclosingNames(lines: string[], index: number): Generator<Opener> {
  const stop = Math.max(0, index - CONTEXT_LOOKBACK_LINES);
  for (let i = index; i >= stop; i--) {
    const opener = openerAt(lines, i);
    if (opener) yield opener;
  }
}

/** SQL aliases in a file: `FROM users u`, `JOIN orders AS o` → { u: users, o: orders }. */
export function sqlAliases(text: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of text.matchAll(/\b(?:FROM|JOIN|UPDATE)\s+["'\x60]?(?:\w+["'\x60]?\.["'\x60]?)?(\w+)["'\x60]?\s+(?:AS\s+)?(\w+)/gi)) {
    const [, table = "", alias = ""] = match;
    if (!/^(where|on|set|join|inner|left|right|outer|group|order|limit|using|natural|cross|full)$/i.test(alias)) aliases.set(alias, table);
  }
  return aliases;
}
