import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ToolFailure } from "../../src/errors.js";
import { Workspace } from "../../src/workspace.js";
import { globInput, globTool } from "../../tools/glob.js";
import { searchEngines, withEngine } from "../helpers/search-engines.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
let workspace: Workspace;
const SAME_TIME = 1_700_000_000;

beforeAll(async () => {
  const files: Record<string, string> = {
    "db/migrate/20240101120000_create_users.rb": "x\n",
    "db/migrate/20240201120000_add_index.rb": "x\n",
    "db/migrate/20240310120000_create_posts.rb": "x\n",
    "db/schema.rb": "x\n",
    "db/structure.sql": "x\n",
    "prisma/schema.prisma": "x\n",
    "sql/nested/deep/q.sql": "x\n",
    ".gitignore": "tmp/\n",
    "tmp/cache.sql": "x\n",
    ".hidden/h.sql": "x\n",
    ".env": "x\n",
    "keys/deploy.pem": "x\n",
    "link.sql": "x\n",
  };
  for (let i = 0; i < 120; i++) files[`many/file${String(i).padStart(3, "0")}.txt`] = "x\n";
  repo = await makeTempRepo(files);
  await repo.write("alias.sql", { symlink: "db/structure.sql" });
  for (const path of Object.keys(files)) await repo.touch(path, SAME_TIME);
  await repo.touch("db/schema.rb", SAME_TIME + 10);
  workspace = await Workspace.open(repo.root, { planPath: "plan.md" });
});
afterAll(() => repo.cleanup());

for (const engine of searchEngines) {
  describe.skipIf(!engine.available)(`Glob with ${engine.name}`, () => {
    const glob = (input: Record<string, unknown>) =>
      withEngine(engine.setting, () => globTool.run(globInput.parse(input), { workspace }));
    const failure = async (input: Record<string, unknown>) => {
      const error = await glob(input).then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(ToolFailure);
      return (error as Error).message;
    };

    it("lists timestamp-named migrations newest first when every file has the same time (path descending)", async () => {
      expect(await glob({ pattern: "db/migrate/*.rb" })).toBe(
        [
          "db/migrate/20240310120000_create_posts.rb",
          "db/migrate/20240201120000_add_index.rb",
          "db/migrate/20240101120000_create_users.rb",
        ].join("\n"),
      );
    });

    it("puts a newer file first, whatever its name", async () => {
      expect(await glob({ pattern: "db/*" })).toBe("db/schema.rb\ndb/structure.sql");
    });

    it("matches a pattern without / at any depth, skipping ignored, secret and symlinked files, keeping hidden ones", async () => {
      expect(await glob({ pattern: "*.sql" })).toBe(["sql/nested/deep/q.sql", "link.sql", "db/structure.sql", ".hidden/h.sql"].join("\n"));
      expect(await glob({ pattern: "**/*.pem" })).toBe("No files found");
      expect(await glob({ pattern: ".env" })).toBe("No files found");
    });

    it("matches ** across folders and {a,b} alternatives", async () => {
      expect(await glob({ pattern: "**/*.{prisma,sql}" })).toBe(
        ["sql/nested/deep/q.sql", "prisma/schema.prisma", "link.sql", "db/structure.sql", ".hidden/h.sql"].join("\n"),
      );
    });

    it("takes the pattern relative to path, and answers with paths relative to the root", async () => {
      expect(await glob({ pattern: "*.rb", path: "db/migrate" })).toBe(
        [
          "db/migrate/20240310120000_create_posts.rb",
          "db/migrate/20240201120000_add_index.rb",
          "db/migrate/20240101120000_create_users.rb",
        ].join("\n"),
      );
      expect(await glob({ pattern: "deep/*.sql", path: repo.path("sql/nested") })).toBe("sql/nested/deep/q.sql");
    });

    it("accepts a pattern written as an absolute path inside the repo", async () => {
      expect(await glob({ pattern: `${repo.root}/prisma/*.prisma` })).toBe("prisma/schema.prisma");
    });

    it("shows at most 100 paths, then a line saying how many matched and how to narrow", async () => {
      const rows = (await glob({ pattern: "many/*.txt" })).split("\n");
      expect(rows).toHaveLength(101);
      expect(rows[0]).toBe("many/file119.txt");
      expect(rows[99]).toBe("many/file020.txt");
      expect(rows[100]).toBe("(Showing 100 of 120 matching files, newest first; narrow the pattern or the path to see the rest.)");
    });

    it("refuses a file or a missing folder as path", async () => {
      expect(await failure({ pattern: "*", path: "db/schema.rb" })).toBe(
        "db/schema.rb is a file, not a folder; give its folder as path, or Read the file.",
      );
      expect(await failure({ pattern: "*", path: "db/migrations" })).toBe("File does not exist: db/migrations. Did you mean db/migrate?");
      expect(await failure({ pattern: "*", path: "../" })).toMatch(/^Refused: path is outside the repository/);
    });
  });
}
