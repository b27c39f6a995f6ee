import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles, listFilesNewestFirst } from "../../src/search/index.js";
import { newestFirst } from "../../src/search/newest-first.js";
import { searchEngines, withEngine } from "../helpers/search-engines.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;

beforeAll(async () => {
  repo = await makeTempRepo({
    ".gitignore": "ignored/\n*.gen.d.ts\n",
    "app/.gitignore": "*.tmp\n",
    "app/a.d.ts": "a\n",
    "app/b.d.ts": "b\n",
    "app/c.d.ts": "c\n",
    "app/scratch.tmp": "t\n",
    "app/deep/d.d.ts": "d\n",
    "app/x.gen.d.ts": "x\n",
    "lib/e.d.ts": "e\n",
    "lib/f.ts": "f\n",
    "ignored/g.d.ts": "g\n",
    "certs/h.key": "k\n",
  });
  // b newest, then a and deep/d tied, then the rest tied at the oldest time.
  const times: Array<[string, number]> = [["app/b.d.ts", 30], ["app/a.d.ts", 20], ["app/deep/d.d.ts", 20], ["app/c.d.ts", 10], ["lib/e.d.ts", 10], ["lib/f.ts", 10], ["app/.gitignore", 5]];
  for (const [path, seconds] of times) await repo.touch(path, 1_700_000_000 + seconds);
});
afterAll(() => repo.cleanup());

for (const engine of searchEngines) {
  describe.skipIf(!engine.available)(`listFilesNewestFirst with ${engine.name}`, () => {
    const both = (options: { under?: string; glob?: string }) =>
      withEngine(engine.setting, async () => ({
        streamed: await listFilesNewestFirst(repo.root, options),
        afterwards: await newestFirst(repo.root, await listFiles(repo.root, options)),
      }));

    it("lists the same files as listFiles, newest first and ties by path descending", async () => {
      const { streamed, afterwards } = await both({ glob: "**/*.d.ts" });
      expect(streamed).toEqual(["app/b.d.ts", "app/deep/d.d.ts", "app/a.d.ts", "lib/e.d.ts", "app/c.d.ts"]);
      expect(streamed).toEqual(afterwards);
    });

    it("applies the .gitignore above a folder listed on its own, and drops secret files", async () => {
      const { streamed, afterwards } = await both({ under: "app" });
      expect(streamed).toEqual(["app/b.d.ts", "app/deep/d.d.ts", "app/a.d.ts", "app/c.d.ts", "app/.gitignore"]);
      expect(streamed).toEqual(afterwards);
      expect((await both({})).streamed).not.toContain("certs/h.key");
    });
  });
}
