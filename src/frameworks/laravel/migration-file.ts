/**
 * One `database/migrations/YYYY_MM_DD_HHMMSS_name.php`: the class (named or `return new class extends
 * Migration`), its `up()` and `down()`, and `$withinTransaction = false`, which runs it outside the transaction
 * Laravel otherwise opens on databases that can roll DDL back.
 */
import type { Migration } from "../../model/operations.js";
import type { SqlDialect, Unreadable } from "../../model/schema.js";
import type { CodeStatement } from "../../parse/code-value.js";
import { readPhp } from "../../parse/php-code.js";
import { readStatements } from "./statements.js";

export async function readMigrationFile(path: string, text: string, dialect: SqlDialect | null, unreadable: Unreadable[]): Promise<Migration | null> {
  const statements = await readPhp(text);
  const found = statements.find((s): s is Extract<CodeStatement, { kind: "class" }> => s.kind === "class" && s.bases.some((b) => b.kind === "name" && b.parts[b.parts.length - 1] === "Migration"));
  if (!found) {
    unreadable.push({ path, message: "no class extending Migration" });
    return null;
  }
  const version = path.split("/").pop()!.split("_").slice(0, 4).join("_");
  const migration: Migration = { path, framework: "laravel", version: /^\d{4}_\d{2}_\d{2}_\d{6}$/.test(version) ? version : null, transaction: "wrapped", up: [], down: null };
  const methods = new Map<string, CodeStatement[]>();
  for (const member of found.body) {
    if (member.kind === "def") methods.set(member.name, member.body);
    if (member.kind === "assign" && member.target === "$withinTransaction" && member.value.kind === "boolean" && !member.value.value) {
      migration.transaction = "none";
      migration.optOut = { path, line: member.line };
    }
  }
  const ctx = { path, dialect, unreadable };
  const up = methods.get("up");
  if (!up) unreadable.push({ path, line: found.line, message: "migration class without up()" });
  migration.up = up ? await readStatements(up, ctx) : [];
  const down = methods.get("down");
  if (down) migration.down = await readStatements(down, { ...ctx, unreadable: [] });
  return migration;
}
