import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace } from "../../src/workspace.js";
import { globInput, globTool } from "../../tools/glob.js";
import { grepInput, grepTool } from "../../tools/grep.js";
import { ripgrepPath, withEngine } from "../helpers/search-engines.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
let workspace: Workspace;

beforeAll(async () => {
  repo = await makeTempRepo({
    ".gitignore": "dist/\n*.min.js\ncoverage\n",
    "dist/bundle.js": "users.email\n",
    "web/app.min.js": "users.email\n",
    "web/app.js": "import db from './db';\nconst q = db('users').select('email');\n// TODO: rename email\nexport default q;\n",
    "web/components/Form.vue": "<input v-model=\"user.email\" />\n",
    "web/.gitignore": "generated/\n",
    "web/generated/api.ts": "email\n",
    "src/users.ts": "export interface User {\n  id: number;\n  email: string;\n}\n\nexport function find(email: string) {\n  return db.users.findOne({ email });\n}\n",
    "src/crlf.ts": "const A = 'Email';\r\nconst B = 'other';\r\n",
    "src/unicode.ts": "const café = 'Ünïcödé email';\nconst n = '٣٤ naïve';\n",
    "src/with space/name:colon.ts": "email here\n",
    "db/migrate/20240101_create_users.rb": "class CreateUsers < ActiveRecord::Migration[7.1]\n  def change\n    create_table :users do |t|\n      t.string :email\n    end\n  end\nend\n",
    "db/migrate/20240202_add_index.rb": "class AddIndex < ActiveRecord::Migration[7.1]\n  def change\n    add_index :users, :email, unique: true\n  end\nend\n",
    "db/schema.rb": "ActiveRecord::Schema[7.1].define(version: 2024_02_02) do\n  create_table \"users\" do |t|\n    t.string \"email\"\n  end\nend\n",
    "db/structure.sql": "CREATE TABLE users (\n  id bigint,\n  email text NOT NULL\n);\nCREATE UNIQUE INDEX idx ON users (email);\n",
    "prisma/schema.prisma": "model User {\n  id    Int    @id\n  email String @unique\n}\n",
    "Gemfile": "gem 'pg'\n",
    ".github/workflows/ci.yml": "env:\n  DATABASE_URL: postgres://localhost/test\n",
    ".env": "DATABASE_URL=postgres://u:secret@h/db\n",
    "config/database.yml": "production:\n  url: <%= ENV['DATABASE_URL'] %>\n",
  });
  workspace = await Workspace.open(repo.root, { planPath: "plan.md" });
});
afterAll(() => repo.cleanup());

const grepCases: Array<Record<string, unknown>> = [
  { pattern: "email" },
  { pattern: "email", output_mode: "content" },
  { pattern: "email", output_mode: "count" },
  { pattern: "EMAIL", "-i": true, output_mode: "content" },
  { pattern: "(?i)email", output_mode: "count" },
  { pattern: "create_table\\s+:users", output_mode: "content", "-A": 2 },
  { pattern: "t\\.string", output_mode: "content", "-B": 1, "-n": false },
  { pattern: "email", output_mode: "content", "-C": 1, path: "src" },
  { pattern: "email", output_mode: "content", context: 2, head_limit: 7, offset: 3 },
  { pattern: "interface User \\{.*email", multiline: true, output_mode: "content" },
  { pattern: "interface User \\{.*email", multiline: true, output_mode: "count" },
  { pattern: "email", glob: "*.{rb,sql}" },
  { pattern: "email", glob: "*.js" },
  { pattern: "email", glob: "web/**", output_mode: "content" },
  { pattern: "email", glob: "**/*.ts", type: "ts" },
  { pattern: "email", glob: "db/migrate/*.rb", output_mode: "content" },
  { pattern: "email", type: "js" },
  { pattern: "email", type: "ruby", glob: "db/**" },
  { pattern: "[[:upper:]][[:alpha:]]+ TABLE", output_mode: "content" },
  { pattern: "^\\s*t\\.string", output_mode: "content" },
  { pattern: "Email'$", output_mode: "content" },
  { pattern: "café", output_mode: "content" },
  { pattern: "caf\\w\\b", output_mode: "content" },
  { pattern: "\\bna\\w+", output_mode: "content" },
  { pattern: "\\w+cödé", output_mode: "content" },
  { pattern: "[\\w]+ï", output_mode: "content" },
  { pattern: "'\\d+ \\W?naïve", output_mode: "content" },
  { pattern: "naï\\B", output_mode: "content" },
  { pattern: "postgres://", output_mode: "content" },
  { pattern: "email", path: "web" },
  { pattern: "email", path: "web/generated/api.ts", output_mode: "content" },
  { pattern: "email", path: "dist" },
  { pattern: "email", head_limit: 3 },
  { pattern: "email", head_limit: 0, output_mode: "count" },
  { pattern: "no-match-anywhere", output_mode: "content" },
  { pattern: "\\d{4}_\\d{2}", output_mode: "content" },
  { pattern: "end\\nend", output_mode: "count" },
  { pattern: "end\\nend", output_mode: "count", multiline: true },
];

const globCases: Array<Record<string, unknown>> = [
  { pattern: "**/*" },
  { pattern: "*.rb" },
  { pattern: "db/migrate/*.rb" },
  { pattern: "**/*.{ts,vue}" },
  { pattern: "*.ts", path: "src" },
  { pattern: "*", path: "dist" },
  { pattern: "*.yml" },
  { pattern: "**/name:colon.ts" },
  { pattern: "*.js" },
  { pattern: "web/**" },
  { pattern: "**/generated/*" },
];

// Where rg is not installed this whole table shows as skipped, under a name that says why.
describe.skipIf(!ripgrepPath)(`ripgrep and our own search give identical answers${ripgrepPath ? "" : " (skipped: rg is not installed)"}`, () => {
  it.each(grepCases.map((input) => [JSON.stringify(input), input]))("Grep %s", async (_, input) => {
    const call = () =>
      grepTool.run(grepInput.parse(input), { workspace }).catch((error: unknown) => `is_error: ${(error as Error).message}`);
    const withRg = await withEngine(ripgrepPath!, call);
    const withOwn = await withEngine("off", call);
    expect(withOwn).toBe(withRg);
  });

  it.each(globCases.map((input) => [JSON.stringify(input), input]))("Glob %s", async (_, input) => {
    const call = () => globTool.run(globInput.parse(input), { workspace });
    expect(await withEngine("off", call)).toBe(await withEngine(ripgrepPath!, call));
  });

  it("the table is not trivially empty: ripgrep finds email in several files", async () => {
    const answer = await withEngine(ripgrepPath!, () => grepTool.run(grepInput.parse({ pattern: "email" }), { workspace }));
    expect(answer).toMatch(/^Found (\d\d|[4-9]) files/);
  });
});
