import { describe, expect, it } from "vitest";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const surveyOf = surveyTempRepos();
const rails = (name: string, body: string) => `class ${name} < ActiveRecord::Migration[7.1]\n  def change\n    ${body}\n  end\nend\n`;

const REPOS: [string, Record<string, string>, string][] = [
  ["SQL (golang-migrate)", {
    "go.mod": "module x\nrequire github.com/golang-migrate/migrate/v4 v4.17.0\n",
    "migrations/0001_init.up.sql": "CREATE TABLE users (id bigserial PRIMARY KEY, mail text);\n",
    "migrations/0002_rename.up.sql": "ALTER TABLE users RENAME COLUMN mail TO email;\n",
    "migrations/0002_rename.down.sql": "ALTER TABLE users RENAME COLUMN email TO mail;\n",
  }, "migrations/0002_rename.up.sql"],
  ["Rails rename_column", {
    Gemfile: 'gem "rails", "~> 7.1"\n',
    "db/migrate/20240101000000_create_users.rb": rails("CreateUsers", "create_table :users do |t|\n      t.string :mail\n    end"),
    "db/migrate/20240201000000_rename_mail.rb": rails("RenameMail", "rename_column :users, :mail, :email"),
  }, "db/migrate/20240201000000_rename_mail.rb"],
  ["Knex renameColumn", {
    "package.json": '{ "dependencies": { "knex": "^3.0.0", "pg": "^8.0.0" } }\n',
    "knexfile.js": "module.exports = { client: 'pg', migrations: { directory: './migrations' } };\n",
    "migrations/20240101000000_create_users.js": "exports.up = (knex) => knex.schema.createTable('users', (t) => {\n  t.increments('id');\n  t.string('mail');\n});\n",
    "migrations/20240201000000_rename_mail.js": "exports.up = (knex) => knex.schema.alterTable('users', (t) => {\n  t.renameColumn('mail', 'email');\n});\n",
  }, "migrations/20240201000000_rename_mail.js"],
  ["Alembic alter_column(new_column_name=)", {
    "alembic.ini": "[alembic]\nscript_location = migrations\n", "migrations/env.py": "",
    "migrations/versions/a1_create_users.py": 'revision = "a1"\ndown_revision = None\n\n\ndef upgrade():\n    op.create_table(\n        "users",\n        sa.Column("id", sa.Integer(), primary_key=True),\n        sa.Column("mail", sa.String()),\n    )\n',
    "migrations/versions/b2_rename_mail.py": 'revision = "b2"\ndown_revision = "a1"\n\n\ndef upgrade():\n    op.alter_column("users", "mail", new_column_name="email")\n',
  }, "migrations/versions/b2_rename_mail.py"],
];

describe("a column that came into being by a rename", () => {
  it.each(REPOS)("%s: declared at the rename, listed under its new name", async (_what, files, at) => {
    const found = await surveyOf(files, "make users.email NOT NULL");
    expect(found.column?.declarations.map((d) => d.path)).toContain(at);
    expect(found.table?.columns).toContain("email");
    expect(found.table?.columns).not.toContain("mail");
  });
});
