/**
 * Credentials inside URLs (`postgres://user:secret@host/db`) never leave the survey (tools.md). An unescaped
 * password may itself hold `@` or `/`, so it runs to the last `@` before the query (over-hiding beats leaking).
 */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/'"`]*):([^\s'"`?#]*)@/gi;
/** JDBC and ODBC strings carry passwords as parameters instead. */
const PASSWORD_PARAM = /([?&;]\s*password\s*=\s*)([^&;\s'"`]+)/gi;

export function redactCredentials(text: string): string {
  if (!text.includes("://") && !/password/i.test(text)) return text;
  return text.replace(URL_CREDENTIALS, "$1$2:***@").replace(PASSWORD_PARAM, "$1***");
}
