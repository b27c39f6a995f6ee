import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CitationResolver, findCitations } from "../../src/plan/citations.js";
import { PLAN_REPO_FILES } from "../helpers/plan-repo.js";
import { makeTempRepo } from "../helpers/temp-repo.js";

const paths = (text: string) => findCitations(text).map((c) => c.written);

describe("findCitations", () => {
  it("finds paths with known extensions, in backticks or not, with a line or a range", () => {
    expect(paths("See db/schema.rb:14, `app/models/user.rb:3-9` and package.json.")).toEqual([
      "db/schema.rb:14",
      "app/models/user.rb:3-9",
      "package.json",
    ]);
  });

  it("reads a range written with an en dash", () => {
    expect(findCitations("`db/schema.rb:3\u20139`")[0]).toMatchObject({ path: "db/schema.rb", line: 3, endLine: 9 });
  });

  it("normalizes ./ and keeps ../ so that it can be refused", () => {
    expect(findCitations("./db/schema.rb ../secrets.yml").map((c) => c.path)).toEqual(["db/schema.rb", "../secrets.yml"]);
  });

  it("ignores commands, folders, columns, versions, URLs, product names and unknown extensions", () => {
    const text = [
      "bin/rails db:migrate", "db/migrate", "`users.email`", "Rails 7.1.3", "https://github.com/a/b/c.rb",
      "Node.js and Next.js", "config/credentials.yml.enc", "schema.rb.bak", "e.g. this", "orders.total_cents",
    ].join(" ");
    expect(paths(text)).toEqual([]);
  });

  it("ignores a name followed by a call's parenthesis, as in code", () => {
    expect(paths("pgm.sql(`ALTER TABLE users`); knex.raw(sql); config.json(x)")).toEqual([]);
    expect(paths("see config.json (the runner's config)")).toEqual(["config.json"]);
  });

  it("takes no citations from code: fenced blocks and inline spans holding a command", () => {
    const text = ["Run `python manage.py migrate` after `db/schema.rb:3`.", "```ruby", "require_relative \"lib/x.rb\"", "```"].join("\n");
    expect(paths(text)).toEqual(["db/schema.rb:3"]);
  });

  it("marks every mention of a path as new once one mention says (new)", () => {
    const found = findCitations("Edit db/migrate/1_x.rb:2 later; create `db/migrate/1_x.rb` (new) first.");
    expect(found.map((c) => c.new)).toEqual([true, true]);
  });

  it("lists each distinct path and line once", () => {
    expect(paths("db/schema.rb:1 db/schema.rb:1 db/schema.rb:2")).toEqual(["db/schema.rb:1", "db/schema.rb:2"]);
  });

  it("only ever returns paths ending in a known extension", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const c of findCitations(text)) expect(c.path).toMatch(/\.[a-z]+$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("CitationResolver", () => {
  let root: string;
  let outside: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const repo = await makeTempRepo({ ...PLAN_REPO_FILES, "empty.sql": "", "one.sql": "select 1", ".env.example.yml": "a: 1\n" });
    ({ root, cleanup } = repo);
    outside = await mkdtemp(join(tmpdir(), "plan-outside-"));
    await writeFile(join(outside, "leak.rb"), "x\n");
    await repo.write("app/leak.rb", { symlink: join(outside, "leak.rb") });
    await repo.write("config/linked.rb", { symlink: join(root, "app/models/user.rb") });
    await repo.write("server.pem.md", "not secret: the name ends in .md\n");
    await repo.write(".env", "SECRET=1\n");
    await repo.write("config/settings.yml", { symlink: join(root, ".env") });
  });
  afterAll(async () => {
    await cleanup();
    await rm(outside, { recursive: true, force: true });
  });
  const problem = (written: string, line: number | null = null, endLine: number | null = null) =>
    new CitationResolver(root).problem({ written, path: written, line, endLine });

  it("resolves a file inside the root, also through a symlink that stays inside", async () => {
    expect(await problem("app/models/user.rb", 2)).toBeNull();
    expect(await problem("config/linked.rb", 1)).toBeNull();
  });

  it("refuses a symlink that leads out of the root", async () => {
    expect(await problem("app/leak.rb")).toBe("Citation `app/leak.rb` does not resolve: the path leads outside the repository.");
  });

  it("counts lines as Read does: a last line without a newline counts, an empty file has none", async () => {
    expect(await problem("one.sql", 1)).toBeNull();
    expect(await problem("one.sql", 2)).toBe("Citation `one.sql` does not resolve: one.sql has 1 line.");
    expect(await problem("empty.sql", 1)).toBe("Citation `empty.sql` does not resolve: empty.sql has 0 lines.");
    expect(await problem("db/schema.rb", 20)).toBeNull();
  });

  it("refuses a symlink to a secret file, judged by where it leads", async () => {
    expect(await problem("config/settings.yml")).toBe(
      "Citation `config/settings.yml` does not resolve: it is a secret file, which this run may not read.",
    );
  });

  it("refuses line 0", async () => {
    expect(await problem("db/schema.rb", 0)).toBe("Citation `db/schema.rb` does not resolve: line numbers start at 1.");
  });

  it("refuses files inside .git but not the allowed example env files", async () => {
    expect(await problem(".git/hooks/pre-commit.sh")).toMatch(/secret file/);
    expect(await problem(".env.example.yml")).toMatch(/secret file/);
    expect(await problem("server.pem.md")).toBeNull();
  });
});

describe("findCitations: hidden files", () => {
  it("finds dotfiles and paths through dot-folders", () => {
    expect(paths("`.rubocop.yml` and .github/workflows/ci.yml:3")).toEqual([".rubocop.yml", ".github/workflows/ci.yml:3"]);
  });
});
