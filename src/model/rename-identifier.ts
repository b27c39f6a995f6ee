/**
 * Renames an identifier inside an SQL expression (an index key `lower(email)`, a CHECK, a partial index's WHERE)
 * by scanning its tokens: string literals and other names are left as they are, quoted names keep their quotes.
 */
export function renameIdentifier(sql: string, from: string, to: string): string {
  const target = from.toLowerCase();
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'") {
      const end = closing(sql, i, "'");
      out += sql.slice(i, end);
      i = end;
    } else if (ch === '"' || ch === "`") {
      const end = closing(sql, i, ch);
      const name = sql.slice(i + 1, end - 1).replaceAll(ch + ch, ch);
      out += name.toLowerCase() === target ? `${ch}${to.replaceAll(ch, ch + ch)}${ch}` : sql.slice(i, end);
      i = end;
    } else if (/[A-Za-z_]/.test(ch)) {
      let end = i + 1;
      while (end < sql.length && /[\w$]/.test(sql[end]!)) end += 1;
      const word = sql.slice(i, end);
      // A name after a dot may be another table's column (`other.email`): only a bare or `table.`-less word is renamed.
      out += word.toLowerCase() === target && sql[i - 1] !== "." && sql[end] !== "(" ? to : word;
      i = end;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
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
