/**
 * Ecto schemas → their tables: `schema "users" do … end` names the table; `field :email, :string, source:
 * :email_address` maps a field to its column; `belongs_to :org, Org` is `org_id` (or `foreign_key:`).
 * An `embedded_schema` has no table.
 */
import type { CodeStatement } from "../../parse/code-value.js";
import { nameOf, option, stringOf } from "../../parse/code-value.js";
import { readElixir } from "../../parse/elixir-code.js";
import type { ModelMapping } from "../reader.js";

function modules(statements: CodeStatement[], out: Extract<CodeStatement, { kind: "class" }>[]): void {
  for (const s of statements) {
    if (s.kind !== "class") continue;
    out.push(s);
    modules(s.body, out);
  }
}

export async function readSchemaFiles(files: { path: string; text: string }[]): Promise<ModelMapping[]> {
  const mappings: ModelMapping[] = [];
  for (const file of files) {
    const found: Extract<CodeStatement, { kind: "class" }>[] = [];
    modules(await readElixir(file.text), found);
    for (const module of found) {
      const schema = module.body.find((s) => s.kind === "call" && s.name === "schema" && s.block);
      if (schema?.kind !== "call") continue;
      const table = stringOf(schema.args[0]);
      if (!table) continue;
      const fields: Record<string, string> = {};
      for (const statement of schema.block!.body) {
        if (statement.kind !== "call") continue;
        const name = nameOf(statement.args[0]);
        if (!name) continue;
        if (statement.name === "field") fields[name] = nameOf(option(statement, "source")) ?? name;
        if (statement.name === "belongs_to") fields[name] = nameOf(option(statement, "foreign_key")) ?? `${name}_id`;
      }
      if (schema.block!.body.some((s) => s.kind === "call" && s.name === "timestamps")) Object.assign(fields, { inserted_at: "inserted_at", updated_at: "updated_at" });
      mappings.push({ model: module.name, table, fields, source: { path: file.path, line: schema.line } });
    }
  }
  return mappings;
}
