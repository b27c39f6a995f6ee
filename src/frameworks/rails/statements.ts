/**
 * A migration method's statements → commands. Blocks that only wrap commands (`safety_assured`, `transaction`,
 * `say_with_time`) are transparent; `reversible` pairs its `dir.up`/`dir.down` blocks; `up_only` runs only
 * forward; `revert` runs its commands backwards. A guard (`unless index_exists?`) is replayed as taken, since
 * migrations replay from the state before them. Ruby the reader cannot type is listed, never skipped.
 */
import { receiverName, type CodeCall, type CodeStatement } from "../../parse/code-value.js";
import { combine, handlerFor } from "./calls.js";
import { branchTaken } from "./conditions.js";
import { untyped, type Command, type RailsContext } from "./context.js";

const TRANSPARENT = new Set(["safety_assured", "transaction", "say_with_time", "with_lock_retries", "disable_statement_timeout", "suppress_messages"]);
const NO_EFFECT = new Set([
  "say", "puts", "p", "pp", "print", "reset_column_information", "require", "require_relative", "private", "include", "extend",
  "sleep", "disable_ddl_transaction!", "announce", "write", "verbose",
]);

/** Raised `ActiveRecord::IrreversibleMigration`: the method cannot be undone. */
export interface Statements {
  commands: Command[];
  irreversible: boolean;
}

export async function readStatements(statements: CodeStatement[], ctx: RailsContext): Promise<Statements> {
  const out: Statements = { commands: [], irreversible: false };
  for (const statement of statements) {
    switch (statement.kind) {
      case "call":
        await readCall(statement, ctx, out);
        break;
      case "assign":
        if (!statement.target.includes(".")) ctx.locals.set(statement.target, statement.value);
        break;
      case "branch": {
        const inner = await readStatements(branchTaken(statement, ctx), ctx);
        out.commands.push(...inner.commands);
        out.irreversible ||= inner.irreversible;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

async function readCall(call: CodeCall, ctx: RailsContext, out: Statements): Promise<void> {
  const handler = handlerFor(call);
  if (handler) {
    out.commands.push(await handler(call, ctx));
    return;
  }
  if (call.name === "raise" && call.args.some((a) => a.kind === "name" && a.parts[a.parts.length - 1] === "IrreversibleMigration")) {
    out.irreversible = true;
    return;
  }
  if (NO_EFFECT.has(call.name) && !call.block) return;
  if (call.block && (TRANSPARENT.has(call.name) || call.name === "up_only" || call.name === "revert" || call.name === "reversible")) {
    const inner = await readBlock(call, ctx);
    if (call.name === "up_only") out.commands.push({ up: inner.flatMap((c) => c.up), down: [] });
    else if (call.name === "revert") {
      const whole = combine(inner);
      out.commands.push({ up: whole.down ?? [untyped(ctx, call, "revert of commands that cannot be undone")], down: whole.up });
    } else out.commands.push(...inner);
    return;
  }
  out.commands.push({ up: [untyped(ctx, call, "Ruby code the reader does not type")], down: null });
}

/** A wrapping block's commands; inside `reversible`, `dir.up { … }` and `dir.down { … }` make one command. */
async function readBlock(call: CodeCall, ctx: RailsContext): Promise<Command[]> {
  const block = call.block!;
  if (call.name !== "reversible") return (await readStatements(block.body, ctx)).commands;
  const dir = block.params[0] ?? "dir";
  const up: Command[] = [];
  const down: Command[] = [];
  const rest: CodeStatement[] = [];
  for (const statement of block.body) {
    if (statement.kind === "call" && receiverName(statement) === dir && statement.block && (statement.name === "up" || statement.name === "down")) {
      const inner = (await readStatements(statement.block.body, ctx)).commands;
      (statement.name === "up" ? up : down).push(...inner);
    } else rest.push(statement);
  }
  const others = (await readStatements(rest, ctx)).commands;
  return [{ up: up.flatMap((c) => c.up), down: down.flatMap((c) => c.up) }, ...others];
}
