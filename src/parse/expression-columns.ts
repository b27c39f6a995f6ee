/**
 * The columns an SQL expression reads, for an index key (`lower(email)`), a partial index's predicate
 * (`deleted_at IS NULL`) or a CHECK, where framework code gives the expression as a string. A token scan:
 * string literals are skipped, a name followed by `(` is a function, a name after `::` or `AS` is a type,
 * and SQL's keywords are not columns. It reads expressions only; statements go through `readSql`.
 */

const KEYWORDS = new Set(
  (
    "and or not null is isnull notnull true false unknown in like ilike similar to escape between symmetric case when then else end " +
    "collate asc desc nulls first last any all some exists distinct as cast interval array current_date current_time current_timestamp " +
    "localtime localtimestamp current_user session_user user at time zone default"
  ).split(" "),
);

export function expressionColumns(sql: string): string[] {
  const found: string[] = [];
  const add = (name: string) => {
    if (!found.some((f) => f.toLowerCase() === name.toLowerCase())) found.push(name);
  };
  let i = 0;
  let typeFollows = false;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'") {
      i = closing(sql, i, "'");
      typeFollows = false;
    } else if (ch === '"' || ch === "`") {
      const end = closing(sql, i, ch);
      const name = sql.slice(i + 1, end - 1).replaceAll(ch + ch, ch);
      if (!typeFollows && nextNonSpace(sql, end) !== "(") add(name);
      i = end;
      typeFollows = false;
    } else if (isNameStart(ch)) {
      let end = i + 1;
      while (end < sql.length && isNamePart(sql[end]!)) end += 1;
      const word = sql.slice(i, end);
      const lower = word.toLowerCase();
      const isFunction = nextNonSpace(sql, end) === "(";
      if (typeFollows) {
        // A type may run over several words (`character varying`, `timestamp with time zone`).
        typeFollows = TYPE_WORDS.has(wordAt(sql, end).toLowerCase());
      } else if (lower === "as") {
        typeFollows = true;
      } else if (isFunction || sql[end] === ".") {
        // A function, or the table before `table.column`.
      } else if (sql[i - 1] === "." || !KEYWORDS.has(lower)) {
        add(word);
      }
      i = end;
    } else if (ch === ":" && sql[i + 1] === ":") {
      typeFollows = true;
      i += 2;
    } else if (/[0-9]/.test(ch)) {
      while (i < sql.length && /[\w.]/.test(sql[i]!)) i += 1;
    } else {
      if (!/\s/.test(ch) && ch !== "(" && ch !== ")") typeFollows = false;
      i += 1;
    }
  }
  return found;
}

const TYPE_WORDS = new Set(["varying", "precision", "with", "without", "time", "zone"]);

/** The name that starts after any spaces from `from`, or "". */
function wordAt(sql: string, from: number): string {
  let i = from;
  while (i < sql.length && /\s/.test(sql[i]!)) i += 1;
  let end = i;
  while (end < sql.length && isNamePart(sql[end]!)) end += 1;
  return sql.slice(i, end);
}

function isNameStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch);
}

function isNamePart(ch: string): boolean {
  return /[\w$]/.test(ch);
}

function nextNonSpace(sql: string, from: number): string | undefined {
  let i = from;
  while (i < sql.length && /\s/.test(sql[i]!)) i += 1;
  return sql[i];
}

/** The index just past the quote that closes the one at `start`; a doubled quote is an escaped one. */
function closing(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}
