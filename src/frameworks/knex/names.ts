/**
 * Knex's own names for what a migration leaves unnamed (its `_indexCommand`): `<table>_<columns>_<kind>`,
 * lower-cased, dots and dashes as underscores — `users_email_unique`, `links_user_id_foreign`.
 */
export function knexIndexName(table: string, columns: string[], kind: "index" | "unique" | "foreign" | "primary"): string {
  if (kind === "primary") return `${table}_pkey`;
  const bare = table.split(".").at(-1)!;
  return `${bare}_${columns.join("_")}_${kind}`.toLowerCase().replaceAll("-", "_").replaceAll(".", "_");
}
