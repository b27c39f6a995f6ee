import { describe, expect, it } from "vitest";
import { languageOfPath, withTree, type Language } from "../../src/parse/tree-sitter.js";

describe("tree-sitter grammars", () => {
  const samples: [Language, string, string][] = [
    ["ruby", "add_index :users, :email,\n  unique: true, algorithm: :concurrently", "call"],
    ["python", "migrations.AddField(\n    model_name='user', name='email')", "call"],
    ["php", "<?php $table->string('email')->nullable();", "member_call_expression"],
    ["elixir", "add(:email, :string, null: false)", "call"],
    ["typescript", "await queryRunner.query(`ALTER TABLE users`);", "call_expression"],
    ["tsx", "const x = <div />;", "jsx_self_closing_element"],
    ["javascript", "knex.schema.alterTable('users', (t) => t.string('email'));", "call_expression"],
    ["go", "type User struct { Email string `db:\"email\"` }", "type_declaration"],
    ["java", "class A { @Column(name = \"email\") String email; }", "annotation"],
  ];
  it.each(samples)("reads %s, a call over several lines as one node", async (language, text, nodeType) => {
    const found = await withTree(language, text, (root) => root.descendantsOfType(nodeType).length);
    expect(found).toBeGreaterThan(0);
  });

  it("reads a comment as a comment, not as the call it mentions", async () => {
    const calls = await withTree("ruby", "# add_index :users, :email, algorithm: :concurrently\nadd_index :users, :email", (root) =>
      root.descendantsOfType("call").map((node) => node.text),
    );
    expect(calls).toEqual(["add_index :users, :email"]);
  });

  it("maps file names to grammars", () => {
    expect(languageOfPath("db/migrate/1_x.rb")).toBe("ruby");
    expect(languageOfPath("priv/repo/migrations/1_x.exs")).toBe("elixir");
    expect(languageOfPath("src/entity/User.tsx")).toBe("tsx");
    expect(languageOfPath("schema.prisma")).toBeNull();
  });
});
