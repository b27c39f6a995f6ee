import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ToolFailure } from "../../src/errors.js";
import { Workspace } from "../../src/workspace.js";
import { grepInput, grepTool } from "../../tools/grep.js";
import { searchEngines, withEngine } from "../helpers/search-engines.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
let workspace: Workspace;

beforeAll(async () => {
  repo = await makeTempRepo({
    "app/models/user.rb": "class User < ApplicationRecord\n  validates :email, presence: true\n  has_many :posts\nend\n",
    "app/models/post.rb": "class Post < ApplicationRecord\n  belongs_to :user\nend\n",
    "db/schema.rb": "create_table :users do |t|\n  t.string :email\n  t.string :name\nend\n",
    "db/migrate/20240101_create_users.rb": "create_table :users\n",
    "db/migrate/20240202_add_email.rb": "add_column :users, :email, :string\n",
    "lib/tasks/report.rake": "User.where(email: nil)\n",
    "Gemfile": "gem 'pg'\n",
    "web/app.ts": "const EMAIL = user.Email;\n",
    "web/long.ts": `const email = "${"z".repeat(600)}";\n`,
    ".gitignore": "log/\n*.tmp\n",
    "log/dev.log": "email\n",
    "scratch.tmp": "email\n",
    ".hidden/conf.yml": "email: admin@example.com\n",
    ".env": "EMAIL_PASSWORD=secret\n",
    "blob.dat": Buffer.concat([Buffer.from("email"), Buffer.from([0, 1, 2])]),
  });
  // Distinct times, newest last written here; two files share a time to pin the tie order.
  const times: Record<string, number> = {
    "app/models/user.rb": 1_700_000_500,
    "db/schema.rb": 1_700_000_400,
    "db/migrate/20240101_create_users.rb": 1_700_000_100,
    "db/migrate/20240202_add_email.rb": 1_700_000_100,
    "lib/tasks/report.rake": 1_700_000_300,
    "web/app.ts": 1_700_000_200,
    "web/long.ts": 1_700_000_050,
    ".hidden/conf.yml": 1_700_000_000,
  };
  for (const [path, seconds] of Object.entries(times)) await repo.touch(path, seconds);
  workspace = await Workspace.open(repo.root, { planPath: "plan.md" });
});
afterAll(() => repo.cleanup());

for (const engine of searchEngines) {
  describe.skipIf(!engine.available)(`Grep with ${engine.name}`, () => {
    const grep = (input: Record<string, unknown>) =>
      withEngine(engine.setting, () => grepTool.run(grepInput.parse(input), { workspace }));
    const failure = async (input: Record<string, unknown>) => {
      const error = await grep(input).then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(ToolFailure);
      return (error as Error).message;
    };

    it("lists matching files newest first, ties by path descending, skipping ignored, binary and secret files", async () => {
      expect(await grep({ pattern: "email" })).toBe(
        [
          "Found 6 files",
          "app/models/user.rb",
          "db/schema.rb",
          "lib/tasks/report.rake",
          "db/migrate/20240202_add_email.rb",
          "web/long.ts",
          ".hidden/conf.yml",
        ].join("\n"),
      );
    });

    it("answers No files found when nothing matches", async () => {
      expect(await grep({ pattern: "no_such_thing_anywhere" })).toBe("No files found");
    });

    it("shows content as path:LINE:text in path order, with a marker for lines over 500 characters", async () => {
      expect(await grep({ pattern: "email", output_mode: "content" })).toBe(
        [
          ".hidden/conf.yml:1:email: admin@example.com",
          "app/models/user.rb:2:  validates :email, presence: true",
          "db/migrate/20240202_add_email.rb:1:add_column :users, :email, :string",
          "db/schema.rb:2:  t.string :email",
          "lib/tasks/report.rake:1:User.where(email: nil)",
          "web/long.ts:1:[line of 617 characters omitted; Read the file to see it]",
        ].join("\n"),
      );
    });

    it("leaves out line numbers when -n is false, also given as the string \"false\"", async () => {
      expect(await grep({ pattern: "belongs_to", output_mode: "content", "-n": "false" })).toBe("app/models/post.rb:  belongs_to :user");
      expect(await grep({ pattern: "belongs_to", output_mode: "content", "-n": false })).toBe("app/models/post.rb:  belongs_to :user");
    });

    it("ignores case with -i", async () => {
      expect(await grep({ pattern: "EMAIL", path: "web", output_mode: "content", "-i": "true" })).toBe(
        ['web/app.ts:1:const EMAIL = user.Email;', "web/long.ts:1:[line of 617 characters omitted; Read the file to see it]"].join("\n"),
      );
    });

    it("shows context lines as path-LINE-text with -- between groups (-A, -B, -C and context)", async () => {
      expect(await grep({ pattern: "email|posts", path: "app/models/user.rb", output_mode: "content", "-A": 1 })).toBe(
        ["app/models/user.rb:2:  validates :email, presence: true", "app/models/user.rb:3:  has_many :posts", "app/models/user.rb-4-end"].join("\n"),
      );
      expect(await grep({ pattern: "string :email", output_mode: "content", "-B": "1" })).toBe(
        ["db/schema.rb-1-create_table :users do |t|", "db/schema.rb:2:  t.string :email"].join("\n"),
      );
      const around = ["db/schema.rb-1-create_table :users do |t|", "db/schema.rb:2:  t.string :email", "db/schema.rb-3-  t.string :name"];
      expect(await grep({ pattern: "string :email", output_mode: "content", "-C": 1 })).toBe(around.join("\n"));
      expect(await grep({ pattern: "string :email", output_mode: "content", context: 1 })).toBe(around.join("\n"));
      expect(await grep({ pattern: "class", path: "app", output_mode: "content", "-A": 1 })).toBe(
        [
          "app/models/post.rb:1:class Post < ApplicationRecord",
          "app/models/post.rb-2-  belongs_to :user",
          "--",
          "app/models/user.rb:1:class User < ApplicationRecord",
          "app/models/user.rb-2-  validates :email, presence: true",
        ].join("\n"),
      );
    });

    it("counts matching lines per file in path order, then the total", async () => {
      expect(await grep({ pattern: "users|email", path: "db", output_mode: "count" })).toBe(
        [
          "db/migrate/20240101_create_users.rb:1",
          "db/migrate/20240202_add_email.rb:1",
          "db/schema.rb:2",
          "",
          "Found 4 total occurrences across 3 files.",
        ].join("\n"),
      );
      expect(await grep({ pattern: "zzzz_nothing", output_mode: "count" })).toBe("No matches found");
    });

    it("narrows files by glob (braces too) and by type", async () => {
      expect(await grep({ pattern: "email", glob: "*.{rake,ts}" })).toBe("Found 2 files\nlib/tasks/report.rake\nweb/long.ts");
      expect(await grep({ pattern: "email", glob: "db/migrate/*.rb" })).toBe("Found 1 file\ndb/migrate/20240202_add_email.rb");
      expect(await grep({ pattern: "gem|email", type: "ruby" })).toBe(
        "Found 4 files\nGemfile\napp/models/user.rb\ndb/schema.rb\ndb/migrate/20240202_add_email.rb",
      );
      expect(await grep({ pattern: "email", type: "ruby", glob: "db/**" })).toBe(
        "Found 2 files\ndb/schema.rb\ndb/migrate/20240202_add_email.rb",
      );
    });

    it("never lets a glob bring back files that .gitignore ignores", async () => {
      expect(await grep({ pattern: "email", glob: "*.log" })).toBe("No files found");
      expect(await grep({ pattern: "email", glob: "log/**" })).toBe("No files found");
    });

    it("refuses an unknown type, listing the known ones", async () => {
      expect(await failure({ pattern: "x", type: "cobol" })).toMatch(/^Unknown type "cobol"; the known types are py, js, ts, ruby, .*sh\.$/);
    });

    it("lets a match span lines in multiline mode", async () => {
      expect(await grep({ pattern: "presence.*has_many", output_mode: "content", multiline: true })).toBe(
        ["app/models/user.rb:2:  validates :email, presence: true", "app/models/user.rb:3:  has_many :posts"].join("\n"),
      );
      expect(await grep({ pattern: "presence.*has_many" })).toBe("No files found");
    });

    it("cuts rows at head_limit and gives the offset to go on; offset skips rows; 0 means no limit", async () => {
      expect(await grep({ pattern: "email", head_limit: 2 })).toBe(
        "Found 6 files\napp/models/user.rb\ndb/schema.rb\n\n(Showing rows 1-2 of 6. Call Grep with offset=2 to see more.)",
      );
      expect(await grep({ pattern: "email", head_limit: "2", offset: "2" })).toBe(
        "Found 6 files\nlib/tasks/report.rake\ndb/migrate/20240202_add_email.rb\n\n(Showing rows 3-4 of 6. Call Grep with offset=4 to see more.)",
      );
      expect((await grep({ pattern: "email", head_limit: 0 })).split("\n")).toHaveLength(7);
      expect(await grep({ pattern: "email", output_mode: "count", head_limit: 1, offset: 1 })).toBe(
        "app/models/user.rb:1\n\nFound 6 total occurrences across 6 files.\n\n(Showing rows 2-2 of 6. Call Grep with offset=2 to see more.)",
      );
      expect(await grep({ pattern: "email", offset: 50 })).toBe("Found 6 files\n\n(offset 50 is past the end: there are 6 rows.)");
    });

    it("counts context separators as rows when paging content", async () => {
      expect(await grep({ pattern: "class", path: "app", output_mode: "content", "-A": 1, head_limit: 3, offset: 1 })).toBe(
        [
          "app/models/post.rb-2-  belongs_to :user",
          "--",
          "app/models/user.rb:1:class User < ApplicationRecord",
          "",
          "(Showing rows 2-4 of 5. Call Grep with offset=4 to see more.)",
        ].join("\n"),
      );
    });

    it("searches a file named as path even when .gitignore ignores it, but never a secret file", async () => {
      expect(await grep({ pattern: "email", path: "log/dev.log", output_mode: "content" })).toBe("log/dev.log:1:email");
      expect(await failure({ pattern: "EMAIL", path: ".env" })).toMatch(/^Refused: secret files/);
    });

    it("names a missing path with a suggestion, and reports a bad regex as is_error", async () => {
      expect(await failure({ pattern: "x", path: "app/model" })).toBe("File does not exist: app/model. Did you mean app/models?");
      expect(await failure({ pattern: "(unclosed" })).toMatch(/^Invalid regular expression: /);
    });
  });
}
