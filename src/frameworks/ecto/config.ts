/**
 * The repo's migration settings from `config/config.exs`: `migration_timestamps` (the type `timestamps()`
 * makes) and `migration_primary_key` (the key `create table` adds). Absent, or the file absent, Ecto's
 * defaults hold: `:naive_datetime` timestamps and an `id bigserial` key.
 */
import { nameOf, type CodeStatement, type CodeValue } from "../../parse/code-value.js";
import { readElixir } from "../../parse/elixir-code.js";
import { DEFAULT_CONFIG, type RepoConfig } from "./context.js";

function entries(value: CodeValue | undefined): Map<string, CodeValue> {
  const map = new Map<string, CodeValue>();
  if (value?.kind === "map") for (const e of value.entries) if (nameOf(e.key)) map.set(nameOf(e.key)!, e.value);
  return map;
}

function* configCalls(statements: CodeStatement[]): Generator<Extract<CodeStatement, { kind: "call" }>> {
  for (const s of statements) {
    if (s.kind === "call" && s.name === "config") yield s;
    if (s.kind === "call" && s.block) yield* configCalls(s.block.body);
    if (s.kind === "branch") yield* configCalls([...s.then, ...s.otherwise]);
  }
}

export async function readRepoConfig(readText: (path: string) => Promise<string>): Promise<RepoConfig> {
  let text: string;
  try {
    text = await readText("config/config.exs");
  } catch {
    return DEFAULT_CONFIG;
  }
  const config: RepoConfig = { timestamps: new Map(), primaryKey: DEFAULT_CONFIG.primaryKey };
  for (const call of configCalls(await readElixir(text))) {
    for (const { key, value } of call.options) {
      if (key === "migration_timestamps") config.timestamps = entries(value);
      if (key === "migration_primary_key") {
        if (value.kind === "boolean" && !value.value) {
          config.primaryKey = false;
          continue;
        }
        const options = entries(value);
        config.primaryKey = { name: nameOf(options.get("name")) ?? "id", type: nameOf(options.get("type")) ?? "bigserial" };
      }
    }
  }
  return config;
}
