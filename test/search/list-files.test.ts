import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMatches, listFiles } from "../../src/search/index.js";
import { searchEngines, withEngine } from "../helpers/search-engines.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;

beforeAll(async () => {
  repo = await makeTempRepo({
    ".gitignore": "node_modules\n*.log\n/build/\n",
    "app/main.ts": "const email = 1;\n",
    "app/debug.log": "email\n",
    "app/.gitignore": "generated/\n!keep.log\n",
    "app/keep.log": "email\n",
    "app/generated/out.ts": "email\n",
    "app/node_modules/dep/index.js": "email\n",
    "node_modules/pkg/index.js": "email\n",
    "build/out.js": "email\n",
    "src/build/keep.js": "email\n",
    ".github/workflows/ci.yml": "email\n",
    ".env": "EMAIL=x\n",
    ".env.example": "EMAIL=\n",
    "config/.env.local": "EMAIL=x\n",
    "certs/tls.key": "k\n",
    ".npmrc": "token\n",
    ".git/config": "email\n",
    "sub/.git": "gitdir: elsewhere\n",
    "sub/code.py": "email = 1\n",
  });
  await repo.write("linked.ts", { symlink: "app/main.ts" });
  await repo.write("linked-dir", { symlink: "app" });
});
afterAll(() => repo.cleanup());

const expectedAll = [
  ".env.example",
  ".github/workflows/ci.yml",
  ".gitignore",
  "app/.gitignore",
  "app/keep.log",
  "app/main.ts",
  "sub/code.py",
  "src/build/keep.js",
].sort();

for (const engine of searchEngines) {
  describe.skipIf(!engine.available)(`listFiles with ${engine.name}`, () => {
    const list = (under?: string) => withEngine(engine.setting, () => listFiles(repo.root, { under }));

    it("applies every .gitignore (nested, negations, anchored), keeps hidden files, drops .git, secrets and symlinks", async () => {
      expect(await list()).toEqual(expectedAll);
    });

    it("applies the .gitignore files above a folder searched on its own", async () => {
      expect(await list("app")).toEqual(["app/.gitignore", "app/keep.log", "app/main.ts"]);
    });

    it("lists a folder that .gitignore ignores when it is asked for by name", async () => {
      expect(await list("node_modules")).toEqual(["node_modules/pkg/index.js"]);
    });

    it("answers nothing, without an error, for a folder that does not exist", async () => {
      expect(await list("no/such/folder")).toEqual([]);
      expect(await withEngine(engine.setting, () => findMatches(repo.root, { pattern: "email", under: "no/such" }))).toEqual([]);
    });

    it("finds structured matches over the same file set, sorted by path and line", async () => {
      const matches = await withEngine(engine.setting, () => findMatches(repo.root, { pattern: "email", ignoreCase: true }));
      expect(matches).toEqual([
        { path: ".env.example", line: 1, text: "EMAIL=" },
        { path: ".github/workflows/ci.yml", line: 1, text: "email" },
        { path: "app/keep.log", line: 1, text: "email" },
        { path: "app/main.ts", line: 1, text: "const email = 1;" },
        { path: "src/build/keep.js", line: 1, text: "email" },
        { path: "sub/code.py", line: 1, text: "email = 1" },
      ]);
      const limited = await withEngine(engine.setting, () =>
        findMatches(repo.root, { pattern: "EMAIL", fixedStrings: true, files: ["app/main.ts", ".env.example", ".env"], maxMatches: 5 }),
      );
      expect(limited).toEqual([{ path: ".env.example", line: 1, text: "EMAIL=" }]);
      const words = await withEngine(engine.setting, () => findMatches(repo.root, { pattern: "emai", wordBoundary: true }));
      expect(words).toEqual([]);
    });
  });
}
