/**
 * Foreign keys declared at table level, where the column's own line does not say them:
 * `add_foreign_key "orders", "users"`, `t.references :user, foreign_key: true`,
 * `add_reference :orders, :user, foreign_key: true`, `FOREIGN KEY (user_id) REFERENCES users`.
 * Read from the schema snapshots when one declares the table, else from the migrations' up halves.
 */
import { redactCredentials } from "../redact.js";
import { pluralizeName, singularizeName } from "../names.js";
import type { RepoView } from "../repo-view.js";
import type { ForeignKeyInfo, FrameworkInfo } from "../types.js";
import { enclosingNames } from "./table-context.js";

const ADD_FOREIGN_KEY = /\badd_foreign_key\s*\(?\s*[:"'](\w+)["']?\s*,\s*[:"'](\w+)["']?(.*)$/;
const REFERENCE = /\b(?:t\.(?:references|belongs_to)|add_reference|add_belongs_to)\s*\(?\s*(?:[:"'](\w+)["']?\s*,\s*)?[:"'](\w+)["']?(.*)$/;
const SQL_FOREIGN_KEY = /\bFOREIGN\s+KEY\s*\(\s*["'`]?(\w+)["'`]?\s*\)\s*REFERENCES\s+["'`]?(?:\w+["'`]?\.["'`]?)?(\w+)["'`]?\s*(?:\(\s*["'`]?(\w+))?/i;
/** A table's own creation or change: the block a `t.references` or a `FOREIGN KEY` clause belongs to. */
const TABLE_BLOCK = /create_table|change_table|CREATE\s+TABLE|ALTER\s+TABLE/i;

const sameTable = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || singularizeName(a.toLowerCase()) === singularizeName(b.toLowerCase());

/** One line's foreign key, if it declares one: its table (when the line says it), column and target. */
function foreignKeyOn(line: string, next: string): { table: string | null; column: string; toTable: string; toColumn: string | null } | null {
  let m = ADD_FOREIGN_KEY.exec(line);
  if (m) {
    const [, from = "", to = "", rest = ""] = m;
    const column = /\bcolumn:\s*[:"'](\w+)/.exec(rest)?.[1] ?? `${singularizeName(to)}_id`;
    return { table: from, column, toTable: to, toColumn: /\bprimary_key:\s*[:"'](\w+)/.exec(rest)?.[1] ?? null };
  }
  m = REFERENCE.exec(line);
  if (m && /\bforeign_key:\s*(?:true|\{)/.test(m[3] ?? "")) {
    const [, table, ref = "", rest = ""] = m;
    const toTable = /\bto_table:\s*[:"'](\w+)/.exec(rest)?.[1] ?? pluralizeName(ref);
    return { table: table ?? null, column: `${ref}_id`, toTable, toColumn: null };
  }
  const sql = SQL_FOREIGN_KEY.exec(/\bFOREIGN\s+KEY\b/i.test(line) && !/REFERENCES/i.test(line) ? `${line} ${next}` : line);
  if (sql) return { table: null, column: sql[1] ?? "", toTable: sql[2] ?? "", toColumn: sql[3] ?? null };
  return null;
}

function tableOf(lines: string[], index: number): string | null {
  for (const opener of enclosingNames(lines, index)) {
    if (TABLE_BLOCK.test(lines[opener.line - 1] ?? "")) return opener.name;
    if (opener.strong) return null;
  }
  return null;
}

const REMOVE_FOREIGN_KEY = /\bremove_foreign_key\s*\(?\s*[:"'](\w+)["']?\s*(?:,\s*[:"'](\w+)["']?)?(.*)$/;
/** A migration's down half (Ruby `def down`): what it adds back is not the schema's present. */
const DOWN_METHOD = /^(\s*)def\s+(?:self\.)?down\b/;

/** Files are read oldest first, so a later `remove_foreign_key` takes back an earlier declaration. */
async function foreignKeysIn(repo: RepoView, paths: string[], table: string, column: string): Promise<ForeignKeyInfo[]> {
  let found: ForeignKeyInfo[] = [];
  const sameColumn = (name: string) => name.toLowerCase() === column.toLowerCase();
  for (const path of paths) {
    const lines = await repo.lines(path);
    let downIndent: string | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (downIndent !== null) {
        if (new RegExp(`^${downIndent}end\\b`).test(line)) downIndent = null;
        continue;
      }
      const down = DOWN_METHOD.exec(line);
      if (down) {
        downIndent = down[1] ?? "";
        continue;
      }
      if (!/foreign|references|belongs_to/i.test(line) || /^\s*(#|--|\/\/)/.test(line)) continue;
      const removed = REMOVE_FOREIGN_KEY.exec(line);
      if (removed) {
        const [, from = "", to, rest = ""] = removed;
        const named = /\bcolumn:\s*[:"'](\w+)/.exec(rest)?.[1] ?? (to ? `${singularizeName(to)}_id` : null);
        if (sameTable(from, table) && (named === null || sameColumn(named))) found = [];
        continue;
      }
      const fk = foreignKeyOn(line, lines[i + 1] ?? "");
      if (!fk || !sameColumn(fk.column)) continue;
      const owner = fk.table ?? tableOf(lines, i);
      if (!owner || !sameTable(owner, table)) continue;
      found.push({ column, toTable: fk.toTable, toColumn: fk.toColumn, where: { path, line: i + 1, text: redactCredentials(line.trim()).slice(0, 200) } });
    }
  }
  return found;
}

/**
 * The snapshot's foreign keys when a snapshot declares any for the column; else the migrations'. Only a
 * `<ref>_id` column can be declared without its name written out (`t.references :user`); any other is
 * looked for only in the files the column's search hit (`mentioning`).
 */
export async function tableForeignKeys(
  repo: RepoView, table: string, column: string, frameworks: FrameworkInfo[], mentioning: Set<string>,
): Promise<ForeignKeyInfo[]> {
  const candidates = (paths: string[]) => (/_id$/i.test(column) ? paths : paths.filter((path) => mentioning.has(path)));
  const fromSchema = await foreignKeysIn(repo, candidates(frameworks.flatMap((f) => f.schemaFiles)), table, column);
  if (fromSchema.length) return fromSchema;
  return foreignKeysIn(repo, candidates(frameworks.flatMap((f) => f.migrations)), table, column);
}
