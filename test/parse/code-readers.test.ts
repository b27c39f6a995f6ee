import { describe, expect, it } from "vitest";
import { callsIn, chainOf, substituteNames, type CodeCall, type CodeStatement } from "../../src/parse/code-value.js";
import { readElixir } from "../../src/parse/elixir-code.js";
import { readPhp } from "../../src/parse/php-code.js";
import { readPython } from "../../src/parse/python-code.js";
import { readRuby } from "../../src/parse/ruby-code.js";

const firstCall = (statements: CodeStatement[]): CodeCall => [...callsIn(statements)][0]!;

describe("Ruby as code values", () => {
  it("joins a squiggly heredoc to its call, unindented, starting on its own first line; a literal interpolation is its text", async () => {
    const call = firstCall(await readRuby("execute <<~SQL\n    UPDATE users#{' '}\n    SET x = 1\nSQL\n"));
    expect(call.args[0]).toMatchObject({ kind: "string", value: "UPDATE users \nSET x = 1\n", line: 2 });
  });

  it("keeps an interpolated string as code, not a value", async () => {
    const call = firstCall(await readRuby('execute "DROP TABLE #{name}"'));
    expect(call.args[0]!.kind).toBe("other");
  });

  it("reads a trailing hash as options and a block with its parameter", async () => {
    const call = firstCall(await readRuby('create_table :users, id: :uuid do |t|\n  t.string "email", null: false\nend'));
    expect(call.options.map((o) => o.key)).toEqual(["id"]);
    expect(call.block?.params).toEqual(["t"]);
  });
});

describe("Python as code values", () => {
  it("joins adjacent literals, decodes escapes, leaves raw strings raw and an f-string with fields as code", async () => {
    const [statement] = await readPython('x = "a\\tb" r"\\d" \'c\'\ny = f"{z}"');
    expect(statement).toMatchObject({ kind: "assign", value: { kind: "string", value: "a\tb\\dc" } });
    const [, second] = await readPython('x = 1\ny = f"{z}"');
    expect(second).toMatchObject({ kind: "assign", value: { kind: "other" } });
  });

  it("binds imported names to their modules, relative ones with their dots", async () => {
    const statements = await readPython("from .types import GUID as Id\nfrom sqlalchemy import Column");
    expect(statements).toMatchObject([
      { kind: "assign", target: "Id", value: { kind: "name", parts: ["", "types", "GUID"] } },
      { kind: "assign", target: "Column", value: { kind: "name", parts: ["sqlalchemy", "Column"] } },
    ]);
  });
});

describe("Elixir as code values", () => {
  it("reads add with and without parentheses as the same call, its keyword list as options", async () => {
    const [a, b] = [...callsIn(await readElixir("add(:email, :string, null: false)\nadd :email, :string, null: false"))];
    const withoutPlace = (value: unknown) => JSON.stringify(value, (key, v) => (["line", "endLine", "text"].includes(key) ? undefined : v));
    expect(withoutPlace(a)).toEqual(withoutPlace(b));
    expect(a!.options).toMatchObject([{ key: "null", value: { kind: "boolean", value: false } }]);
  });

  it("unindents a heredoc by its closing quotes and starts it on its first line of text", async () => {
    const call = firstCall(await readElixir('execute """\n  SELECT 1\n  """'));
    expect(call.args[0]).toMatchObject({ kind: "string", value: "SELECT 1\n", line: 2 });
  });
});

describe("PHP as code values", () => {
  it("reads a fluent chain innermost first, with its base", async () => {
    const call = firstCall(await readPhp("<?php $table->string('email', 100)->nullable()->unique();"));
    const { base, calls } = chainOf(call);
    expect(base).toMatchObject({ kind: "name", parts: ["$table"] });
    expect(calls.map((c) => c.name)).toEqual(["string", "nullable", "unique"]);
  });

  it("reads foreach as a loop, and a closure's own parameter shadows the loop variable when bound", async () => {
    const [loop] = await readPhp("<?php foreach ($tables as $table) { Schema::table($table, function ($table) { $table->id(); }); }");
    expect(loop).toMatchObject({ kind: "loop", variable: "$table", iterable: { kind: "name", parts: ["$tables"] } });
    if (loop?.kind !== "loop") return;
    const bound = substituteNames(loop.body, new Map([["$table", { kind: "string", value: "books", line: 1, endLine: 1 }]]));
    const schema = firstCall(bound);
    expect(schema.args[0]).toMatchObject({ kind: "string", value: "books" });
    expect(schema.args[1]).toMatchObject({ kind: "block", body: [{ receiver: { kind: "name", parts: ["$table"] } }] });
  });
});
