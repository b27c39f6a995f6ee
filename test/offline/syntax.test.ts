import { describe, expect, it } from "vitest";
import { MigrationNamer } from "../../src/offline/naming.js";
import { renderMigration } from "../../src/offline/syntax/render.js";
import type { FrameworkId } from "../../src/survey/types.js";
import { framework } from "../helpers/survey-builder.js";
import { surveyTempRepos } from "../helpers/survey-temp-repo.js";

const SWITCHES: [FrameworkId, string][] = [
  ["rails", "disable_ddl_transaction!"], ["django", "atomic = False"], ["alembic", "op.get_context().autocommit_block()"],
  ["knex", "exports.config = { transaction: false };"], ["typeorm", "transaction = false"], ["node-pg-migrate", "pgm.noTransaction();"],
  ["laravel", "public $withinTransaction = false;"], ["ecto", "@disable_ddl_transaction true"], ["goose", "-- +goose NO TRANSACTION"],
  ["dbmate", "-- migrate:up transaction:false"], ["flyway", "executeInTransaction=false"], ["liquibase", 'runInTransaction="false"'],
  ["efcore", "suppressTransaction: true"], ["sqlx", "-- no-transaction"], ["diesel", "run_in_transaction = false"],
];
const INDEX = "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON users (email);";
const spec = (noTransaction: boolean) => ({ slug: "add_ix", up: [INDEX], down: ["DROP INDEX CONCURRENTLY IF EXISTS ix;"], noTransaction });

/** A framework with no preset: only the fields the renderer and namer read. */
function bare(id: FrameworkId) {
  return { ...framework("rails"), id, name: id, migrationsDirs: [], migrations: [], latestMigration: null };
}

describe("migration files in each framework's own syntax", () => {
  it.each(SWITCHES)("%s writes its no-transaction switch only when the statement needs it", (id, switchText) => {
    const fw = bare(id);
    const withSwitch = renderMigration(fw, spec(true), new MigrationNamer(fw, new Date("2026-01-01T00:00:00Z")).next("add_ix"));
    expect(withSwitch.map((f) => f.content).join("\n")).toContain(switchText);
    expect(withSwitch.map((f) => f.content).join("\n")).toContain(INDEX);
    const without = renderMigration(fw, spec(false), new MigrationNamer(fw, new Date("2026-01-01T00:00:00Z")).next("add_ix"));
    expect(without.map((f) => f.content).join("\n")).not.toContain(switchText);
  });

  it("writes golang-migrate's up and down as two files", () => {
    const fw = bare("golang-migrate");
    const files = renderMigration(fw, spec(true), new MigrationNamer(fw, new Date("2026-01-01T00:00:00Z")).next("add_ix"));
    expect(files.map((f) => f.path)).toEqual(["migrations/20260101000000_add_ix.up.sql", "migrations/20260101000000_add_ix.down.sql"]);
    expect(files[1]!.content).toContain("DROP INDEX CONCURRENTLY");
  });

  it("says an irreversible down in the framework's terms", () => {
    const fw = framework("rails");
    const [file] = renderMigration(fw, { slug: "drop_email", up: ["ALTER TABLE users DROP COLUMN email;"], down: null, noTransaction: false }, new MigrationNamer(fw, new Date()).next("drop_email"));
    expect(file!.content).toContain("raise ActiveRecord::IrreversibleMigration");
  });
});

describe("new migration names follow the latest one", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  it("numbers sequential frameworks after the latest, keeping its width", () => {
    const goose = new MigrationNamer(framework("goose"), now);
    expect(goose.next("a").path).toBe("db/migrations/00002_a.sql");
    expect(goose.next("b").path).toBe("db/migrations/00003_b.sql");
    expect(new MigrationNamer(framework("django"), now).next("a").path).toBe("core/migrations/0003_a.py");
    expect(new MigrationNamer(framework("flyway"), now).next("a").path).toBe("db/migration/V2__a.sql");
  });

  it("stamps timestamped frameworks after the latest even when the clock is behind it", () => {
    const fw = framework("rails", { latestMigration: "db/migrate/20300101000000_future.rb" });
    const namer = new MigrationNamer(fw, now);
    expect(namer.next("a").path).toBe("db/migrate/20300101000100_a.rb");
    expect(namer.next("b").path).toBe("db/migrate/20300101000200_b.rb");
    expect(new MigrationNamer(framework("laravel"), now).next("a").path).toBe("database/migrations/2026_11_28_120000_a.php");
    expect(new MigrationNamer(framework("prisma"), now).next("a").path).toBe("prisma/migrations/20261128120000_a/migration.sql");
  });

  it("chains Alembic revisions and Django dependencies through the new migrations", () => {
    const alembic = new MigrationNamer(framework("alembic"), now);
    const first = alembic.next("a");
    expect(first.previousId).toBe("e3b1c2d4f5a6");
    expect(alembic.next("b").previousId).toBe(first.id);
    const django = new MigrationNamer(framework("django"), now);
    expect(django.next("a").previousId).toBe("0002_alter_user_email");
  });
});

it("takes the Rails migration version from the Gemfile line the survey cites", () => {
  const fw = framework("rails", { evidence: [{ path: "Gemfile", line: 5, text: 'gem "rails", "~> 8.0.1"' }] });
  const [file] = renderMigration(fw, spec(false), new MigrationNamer(fw, new Date()).next("add_ix"));
  expect(file!.content).toContain("< ActiveRecord::Migration[8.0]");
});

describe("one statement per raw-SQL call", () => {
  const several = {
    slug: "rename_email",
    up: ["SET SESSION lock_wait_timeout = 5;", "-- keep the old name readable", "ALTER TABLE users RENAME COLUMN email TO email_address;"],
    down: ["ALTER TABLE users RENAME COLUMN email_address TO email;"],
    noTransaction: false,
  };
  const calls: [FrameworkId, RegExp][] = [
    ["rails", /execute <<~SQL/g], ["alembic", /op\.execute\(/g], ["ecto", /execute """/g],
    ["laravel", /DB::statement\(/g], ["efcore", /migrationBuilder\.Sql\(/g],
  ];
  it.each(calls)("%s runs each statement in its own call, a comment with the statement after it", (id, call) => {
    const fw = bare(id);
    const [file] = renderMigration(fw, several, new MigrationNamer(fw, new Date("2026-01-01T00:00:00Z")).next("rename_email"));
    expect(file!.content.match(call)).toHaveLength(3);
    const lines = file!.content.split("\n");
    const comment = lines.findIndex((line) => line.includes("-- keep the old name readable"));
    expect(lines[comment]!.trim()).toMatch(/-- keep the old name readable$/);
    expect(lines[comment + 1]).toContain("RENAME COLUMN email TO email_address");
  });
});

describe("the Rails migration version follows the repo's Rails", () => {
  const surveyOf = surveyTempRepos();
  const migration = (version: string) => `class CreateUsers < ActiveRecord::Migration[${version}]\n  def change\n    create_table :users do |t|\n      t.string :email\n    end\n  end\nend\n`;
  const versionOf = async (files: Record<string, string>) => {
    const found = await surveyOf(files, "add an index on users.email");
    const fw = found.frameworks.find((f) => f.id === "rails")!;
    const [file] = renderMigration(fw, spec(false), new MigrationNamer(fw, new Date()).next("add_ix"));
    return /Migration\[(\d+\.\d+)\]/.exec(file!.content)?.[1];
  };

  it("from Gemfile.lock when the Gemfile pins none", async () => {
    const lock = "GEM\n  remote: https://rubygems.org/\n  specs:\n    rails (6.1.7.6)\n      actionpack (= 6.1.7.6)\n\nDEPENDENCIES\n  rails\n";
    expect(await versionOf({ Gemfile: 'gem "rails"\n', "Gemfile.lock": lock, "db/migrate/20240101000000_create_users.rb": migration("6.0") })).toBe("6.1");
  });

  it("from the latest migration when nothing else says it", async () => {
    expect(await versionOf({ Gemfile: 'gem "rails", github: "rails/rails"\n', "db/migrate/20240101000000_create_users.rb": migration("8.1") })).toBe("8.1");
  });
});

it("wraps raw SQL in safety_assured where strong_migrations would stop it, and only there", () => {
  const guarded = framework("rails", { safetyTools: ["strong_migrations"] });
  const [file] = renderMigration(guarded, spec(true), new MigrationNamer(guarded, new Date()).next("add_ix"));
  expect(file!.content).toMatch(/def up\n    safety_assured do\n      execute <<~SQL/);
  expect(file!.content).toMatch(/def down\n    safety_assured do\n      execute <<~SQL/);
  const plain = framework("rails");
  const [other] = renderMigration(plain, spec(true), new MigrationNamer(plain, new Date()).next("add_ix"));
  expect(other!.content).not.toContain("safety_assured");
});
