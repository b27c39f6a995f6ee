import { posix } from "node:path";
import type { FrameworkId, FrameworkInfo } from "../../survey/types.js";
import { executableStatements, indent, type Renderer } from "./file.js";

/** Where the Rails version shows in the lines the survey cites, most exact first: Gemfile.lock, the Gemfile's constraint, the latest migration. */
const RAILS_VERSION = [
  /^\s*rails \((\d+\.\d+)/,
  /\b(?:rails|activerecord)["']\s*,\s*["'][~>=\s]*(\d+\.\d+)/,
  /ActiveRecord::Migration\[(\d+\.\d+)\]/,
];

/** The `[x.y]` of `ActiveRecord::Migration`, from the lines the survey cites; 7.1 when they say none. */
function railsVersion(framework: FrameworkInfo): string {
  for (const pattern of RAILS_VERSION) {
    for (const cite of framework.evidence) {
      const match = pattern.exec(cite.text ?? "");
      if (match) return match[1]!;
    }
  }
  return "7.1";
}

/** The repo module a new Ecto migration is named under: the one its folder's commands name, else the latest migration's. */
function ectoNamespace(framework: FrameworkInfo): string {
  const named = /\s-r\s+([\w.]+)/.exec(framework.commands.run)?.[1];
  if (named) return named;
  for (const cite of framework.evidence) {
    const match = /defmodule\s+([\w.]+)\.Migrations\.\w+/.exec(cite.text ?? "");
    if (match) return match[1]!;
  }
  return "Repo";
}

/** Frameworks whose migrations are code (Ruby, Python, Elixir, PHP, C#, changelog XML); the SQL runs through their raw-SQL call. */
export const appRenderers: Partial<Record<FrameworkId, Renderer>> = {
  rails: (spec, names, framework) => {
    const calls = (statements: string[]) => executableStatements(statements).map((sql) => `execute <<~SQL\n${indent(sql, 2)}\nSQL`).join("\n");
    // strong_migrations stops every `execute` it cannot inspect; these statements are the plan's safe pattern.
    const body = framework.safetyTools.includes("strong_migrations")
      ? (statements: string[]) => `safety_assured do\n${indent(calls(statements), 2)}\nend`
      : calls;
    return [{
      path: names.path,
      lang: "ruby",
      content: [
        `class ${names.className} < ActiveRecord::Migration[${railsVersion(framework)}]`,
        ...(spec.noTransaction ? ["  disable_ddl_transaction!", ""] : []),
        "  def up",
        indent(body(spec.up), 4),
        "  end",
        "",
        "  def down",
        indent(spec.down === null ? "raise ActiveRecord::IrreversibleMigration" : spec.down.length ? body(spec.down) : "# nothing to undo", 4),
        "  end",
        "end",
      ].join("\n"),
    }];
  },
  django: (spec, names) => {
    const app = posix.basename(posix.dirname(posix.dirname(names.path)));
    const quoted = (statements: string[]) => `"""\n${indent(statements.join("\n"), 4)}\n"""`;
    return [{
      path: names.path,
      lang: "python",
      content: [
        "from django.db import migrations",
        "",
        "",
        "class Migration(migrations.Migration):",
        ...(spec.noTransaction ? ["    atomic = False", ""] : []),
        `    dependencies = [${names.previousId ? `("${app}", "${names.previousId}")` : ""}]`,
        "",
        "    operations = [",
        "        migrations.RunSQL(",
        indent(`sql=${quoted(spec.up)},`, 12),
        // No reverse_sql makes Django refuse to go back (irreversible); an empty down reverses as a no-op.
        ...(spec.down === null ? [] : [indent(`reverse_sql=${spec.down.length ? quoted(spec.down) : "migrations.RunSQL.noop"},`, 12)]),
        "        ),",
        "    ]",
      ].join("\n"),
    }];
  },
  alembic: (spec, names) => {
    const run = (statements: string[]) => executableStatements(statements).map((sql) => `op.execute("""${sql}""")`).join("\n");
    const upBody = spec.noTransaction
      ? `with op.get_context().autocommit_block():\n${indent(run(spec.up), 4)}`
      : run(spec.up);
    const downBody = spec.down
      ? spec.noTransaction ? `with op.get_context().autocommit_block():\n${indent(run(spec.down), 4)}` : run(spec.down)
      : `raise NotImplementedError("irreversible: see the plan's Rollback section")`;
    return [{
      path: names.path,
      lang: "python",
      content: [
        `"""${names.className}`,
        "",
        `Revision ID: ${names.id}`,
        `Revises: ${names.previousId ?? ""}`,
        `"""`,
        "from alembic import op",
        "",
        `revision = "${names.id}"`,
        `down_revision = ${names.previousId ? `"${names.previousId}"` : "None"}`,
        "branch_labels = None",
        "depends_on = None",
        "",
        "",
        "def upgrade() -> None:",
        indent(upBody, 4),
        "",
        "",
        "def downgrade() -> None:",
        indent(downBody, 4),
      ].join("\n"),
    }];
  },
  ecto: (spec, names, framework) => {
    const run = (statements: string[]) => executableStatements(statements).map((sql) => `execute """\n${sql}\n"""`).join("\n");
    return [{
      path: names.path,
      lang: "elixir",
      content: [
        `defmodule ${ectoNamespace(framework)}.Migrations.${names.className} do`,
        "  use Ecto.Migration",
        ...(spec.noTransaction ? ["  @disable_ddl_transaction true", "  @disable_migration_lock true"] : []),
        "",
        "  def up do",
        indent(run(spec.up), 4),
        "  end",
        "",
        "  def down do",
        indent(spec.down ? run(spec.down) : `raise "irreversible: see the plan's Rollback section"`, 4),
        "  end",
        "end",
      ].join("\n"),
    }];
  },
  laravel: (spec, names) => {
    const run = (statements: string[]) => executableStatements(statements).map((sql) => `DB::statement(<<<'SQL'\n${sql}\nSQL);`).join("\n");
    return [{
      path: names.path,
      lang: "php",
      content: [
        "<?php",
        "",
        "use Illuminate\\Database\\Migrations\\Migration;",
        "use Illuminate\\Support\\Facades\\DB;",
        "",
        "return new class extends Migration",
        "{",
        ...(spec.noTransaction ? ["    public $withinTransaction = false;", ""] : []),
        "    public function up(): void",
        "    {",
        indent(run(spec.up), 8),
        "    }",
        "",
        "    public function down(): void",
        "    {",
        indent(spec.down ? run(spec.down) : "throw new RuntimeException('Irreversible: see the plan\\'s Rollback section.');", 8),
        "    }",
        "};",
      ].join("\n"),
    }];
  },
  efcore: (spec, names) => {
    const run = (statements: string[]) =>
      executableStatements(statements).map((sql) => `migrationBuilder.Sql(@"${sql.replace(/"/g, '""')}"${spec.noTransaction ? ", suppressTransaction: true" : ""});`).join("\n");
    return [{
      path: names.path,
      lang: "csharp",
      content: [
        "using Microsoft.EntityFrameworkCore.Migrations;",
        "",
        `public partial class ${names.className} : Migration`,
        "{",
        "    protected override void Up(MigrationBuilder migrationBuilder)",
        "    {",
        indent(run(spec.up), 8),
        "    }",
        "",
        "    protected override void Down(MigrationBuilder migrationBuilder)",
        "    {",
        indent(spec.down ? run(spec.down) : `throw new NotSupportedException("Irreversible: see the plan's Rollback section.");`, 8),
        "    }",
        "}",
      ].join("\n"),
    }];
  },
  liquibase: (spec, names) => {
    if (names.path.endsWith(".sql")) {
      return [{
        path: names.path,
        lang: "sql",
        content: [
          "--liquibase formatted sql",
          `--changeset migration-agent:${names.id}${spec.noTransaction ? " runInTransaction:false" : ""}`,
          ...spec.up,
          ...(spec.down ?? []).map((sql) => `--rollback ${sql.replace(/\n/g, " ")}`),
        ].join("\n"),
      }];
    }
    const sql = (statements: string[]) => `<sql>\n${indent(statements.join("\n"), 2)}\n</sql>`;
    return [{
      path: names.path,
      lang: "xml",
      content: [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"`,
        `    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
        `    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">`,
        `  <changeSet id="${names.id}" author="migration-agent"${spec.noTransaction ? ` runInTransaction="false"` : ""}>`,
        indent(sql(spec.up), 4),
        ...(spec.down ? [indent(`<rollback>\n${indent(sql(spec.down), 2)}\n</rollback>`, 4)] : []),
        "  </changeSet>",
        "</databaseChangeLog>",
      ].join("\n"),
    }];
  },
};
