/**
 * One `priv/repo/migrations/<version>_<name>.exs`: the module that uses Ecto.Migration, `change` (rolled back by
 * inverting it) or `up`/`down`, and `@disable_ddl_transaction true`, which runs it outside the transaction Ecto
 * otherwise opens.
 */
import type { Migration } from "../../model/operations.js";
import type { SqlDialect, Unreadable } from "../../model/schema.js";
import type { CodeStatement } from "../../parse/code-value.js";
import { readElixir } from "../../parse/elixir-code.js";
import { combine, readCommand } from "./commands.js";
import { expandStatements, type Helpers } from "./expand.js";
import type { EctoContext, RepoConfig } from "./context.js";

function findModule(statements: CodeStatement[]): Extract<CodeStatement, { kind: "class" }> | null {
  for (const statement of statements) {
    if (statement.kind !== "class") continue;
    const uses = statement.body.some((s) => s.kind === "call" && s.name === "use" && s.args[0]?.kind === "name" && s.args[0].parts.join(".") === "Ecto.Migration");
    if (uses) return statement;
    const nested = findModule(statement.body);
    if (nested) return nested;
  }
  return null;
}

async function commandsOf(body: CodeStatement[], ctx: EctoContext, helpers: Helpers) {
  const commands = [];
  for (const statement of expandStatements(body, helpers)) if (statement.kind === "call") commands.push(await readCommand(statement, ctx));
  return combine(commands);
}

export async function readMigrationFile(path: string, text: string, dialect: SqlDialect | null, config: RepoConfig, unreadable: Unreadable[]): Promise<Migration | null> {
  const module = findModule(await readElixir(text));
  if (!module) {
    unreadable.push({ path, message: "no module using Ecto.Migration" });
    return null;
  }
  const ctx: EctoContext = { path, dialect, unreadable, config };
  const version = path.split("/").pop()!.split("_")[0] ?? "";
  const migration: Migration = { path, framework: "ecto", version: /^\d+$/.test(version) ? version : null, transaction: "wrapped", up: [], down: null };
  const defs = new Map<string, CodeStatement[]>();
  const helpers: Helpers = new Map();
  for (const statement of module.body) {
    if (statement.kind === "def") defs.set(statement.name, statement.body);
    if (statement.kind === "def" && !["change", "up", "down"].includes(statement.name)) helpers.set(statement.name, { params: statement.params, body: statement.body });
    if (statement.kind === "assign" && statement.target === "@disable_ddl_transaction" && statement.value.kind === "boolean" && statement.value.value) {
      migration.transaction = "none";
      migration.optOut = { path, line: statement.line };
    }
  }
  const change = defs.get("change");
  if (change) {
    const whole = await commandsOf(change, ctx, helpers);
    migration.up = whole.up;
    migration.down = whole.down ?? null;
    return migration;
  }
  const up = defs.get("up");
  const down = defs.get("down");
  if (up) migration.up = (await commandsOf(up, ctx, helpers)).up;
  // A `down` that raises cannot undo anything.
  if (down && !down.some((s) => s.kind === "call" && s.name === "raise")) migration.down = (await commandsOf(down, { ...ctx, unreadable: [] }, helpers)).up;
  if (!up && !down) unreadable.push({ path, line: module.line, message: "migration module without change, up or down" });
  return migration;
}
