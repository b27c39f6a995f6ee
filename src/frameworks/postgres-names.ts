/**
 * The names PostgreSQL gives constraints a statement leaves unnamed (ChooseConstraintName / makeObjectName):
 * `<table>_<columns>_<label>` — `users_email_key` for a UNIQUE, `posts_user_id_fkey` for a foreign key,
 * `users_pkey` — the longer of table and columns cut until the whole fits 63 bytes.
 */
export function postgresObjectName(table: string, columns: string[], label: string): string {
  const second = columns.join("_");
  const available = 63 - (label.length + (second ? 2 : 1));
  let aChars = table.length;
  let bChars = second.length;
  while (aChars + bChars > available) {
    if (aChars > bChars) aChars -= 1;
    else bChars -= 1;
  }
  return second ? `${table.slice(0, aChars)}_${second.slice(0, bChars)}_${label}` : `${table.slice(0, aChars)}_${label}`;
}
