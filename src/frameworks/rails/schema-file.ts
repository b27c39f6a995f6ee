/**
 * `db/schema.rb`, the snapshot Rails dumps: `ActiveRecord::Schema[7.2].define(version: …) do … end` holding
 * `create_table … force: :cascade`, `t.index`, `t.check_constraint`, `add_foreign_key`, `create_enum`.
 * It is read by the same translators as migrations, with the defaults of the version it names, and replayed.
 */
import { replayMigrations } from "../../model/replay.js";
import { emptySchema, type SqlDialect, type Unreadable } from "../../model/schema.js";
import { callsIn, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { readRuby } from "../../parse/ruby-code.js";
import type { SnapshotRead } from "../reader.js";
import { schemaBehavior } from "./behavior.js";
import { readStatements } from "./statements.js";

/** The `define` call and the version in `Schema[7.2]`, or null when the file holds none. */
function defineCall(calls: Iterable<CodeCall>): { call: CodeCall; version: string | null } | null {
  const schemaName = (v: CodeValue | null) => v?.kind === "name" && v.parts.join("::").endsWith("Schema");
  for (const call of calls) {
    if (call.name !== "define" || !call.block) continue;
    const receiver = call.receiver;
    if (schemaName(receiver)) return { call, version: null };
    if (receiver?.kind === "call" && receiver.name === "[]" && schemaName(receiver.receiver)) {
      const arg = receiver.args[0];
      return { call, version: arg?.kind === "number" ? arg.text : null };
    }
  }
  return null;
}

export async function readSchemaFile(path: string, text: string, dialect: SqlDialect | null): Promise<SnapshotRead> {
  const unreadable: Unreadable[] = [];
  const schema = emptySchema(dialect);
  const found = defineCall(callsIn(await readRuby(text)));
  if (!found) {
    unreadable.push({ path, message: "no ActiveRecord::Schema.define block" });
    return { schema, unreadable };
  }
  const ctx = { path, dialect, behavior: schemaBehavior(found.version), unreadable, locals: new Map() };
  const read = await readStatements(found.call.block!.body, ctx);
  replayMigrations(schema, [{ path, framework: "rails", version: null, transaction: "wrapped", up: read.commands.flatMap((c) => c.up), down: null }]);
  schema.unreadable.push(...unreadable);
  return { schema, unreadable };
}
