/**
 * One `db/migrate/<version>_<name>.rb` → a Migration: the class that inherits `ActiveRecord::Migration[x.y]`
 * (its version sets the defaults Rails applied), `change` (rolled back by inverting it) or `up`/`down`, and
 * `disable_ddl_transaction!`, which runs it outside the transaction Rails otherwise opens.
 */
import type { Migration, Operation } from "../../model/operations.js";
import type { SqlDialect, Unreadable } from "../../model/schema.js";
import type { CodeStatement, CodeValue } from "../../parse/code-value.js";
import { readRuby } from "../../parse/ruby-code.js";
import { railsBehavior } from "./behavior.js";
import { combine, downOf } from "./calls.js";
import { sourceOf, type RailsContext } from "./context.js";
import { readStatements } from "./statements.js";

/** `ActiveRecord::Migration[7.1]` → "7.1"; `ActiveRecord::Migration` → null; anything else is not a migration. */
function migrationVersion(base: CodeValue): { version: string | null } | null {
  const name = (v: CodeValue | null) => (v?.kind === "name" ? v.parts.join("::") : null);
  if (base.kind === "call" && base.name === "[]" && name(base.receiver)?.endsWith("Migration")) {
    const arg = base.args[0];
    return { version: arg?.kind === "number" ? arg.text : arg?.kind === "string" ? arg.value : null };
  }
  return name(base)?.endsWith("Migration") ? { version: null } : null;
}

/** The migration class, looking inside modules too. */
function findClass(statements: CodeStatement[]): { body: CodeStatement[]; version: string | null; line: number } | null {
  for (const statement of statements) {
    if (statement.kind !== "class") continue;
    const base = statement.bases[0];
    const version = base ? migrationVersion(base) : null;
    if (version) return { body: statement.body, version: version.version, line: statement.line };
    const nested = findClass(statement.body);
    if (nested) return nested;
  }
  return null;
}

export async function readMigrationFile(path: string, text: string, dialect: SqlDialect | null, unreadable: Unreadable[]): Promise<Migration | null> {
  const statements = await readRuby(text);
  const found = findClass(statements);
  if (!found) {
    unreadable.push({ path, message: "no class inheriting ActiveRecord::Migration" });
    return null;
  }
  const ctx: RailsContext = { path, dialect, behavior: railsBehavior(found.version), unreadable, locals: new Map() };
  const fileVersion = path.split("/").pop()!.split("_")[0] ?? "";
  const migration: Migration = { path, framework: "rails", version: /^\d+$/.test(fileVersion) ? fileVersion : null, transaction: "wrapped", up: [], down: null };

  const methods = new Map<string, CodeStatement[]>();
  for (const statement of found.body) {
    if (statement.kind === "def") methods.set(statement.name, statement.body);
    if (statement.kind === "call" && statement.name === "disable_ddl_transaction!") {
      migration.transaction = "none";
      migration.optOut = sourceOf(ctx, statement);
    }
  }
  const change = methods.get("change");
  if (change) {
    const read = await readStatements(change, { ...ctx, locals: new Map() });
    const whole = combine(read.commands);
    migration.up = whole.up;
    migration.down = read.irreversible ? null : downOf(whole);
    return migration;
  }
  const up = methods.get("up");
  const down = methods.get("down");
  if (up) migration.up = await operationsOf(up, ctx);
  if (down) {
    const read = await readStatements(down, { ...ctx, locals: new Map() });
    migration.down = read.irreversible ? null : read.commands.flatMap((c) => c.up);
  }
  if (!up && !down) unreadable.push({ path, line: found.line, message: "migration class without change, up or down" });
  return migration;
}

async function operationsOf(statements: CodeStatement[], ctx: RailsContext): Promise<Operation[]> {
  const read = await readStatements(statements, { ...ctx, locals: new Map() });
  return read.commands.flatMap((c) => c.up);
}
