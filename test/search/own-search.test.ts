import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ToolFailure } from "../../src/errors.js";
import { searchContent } from "../../src/search/index.js";
import { ownSearch } from "../../src/search/own-search.js";
import { searchEngines, withEngine } from "../helpers/search-engines.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
const MiB = 1024 * 1024;

beforeAll(async () => {
  const wideLine = `${"m".repeat(1999)}\n`;
  repo = await makeTempRepo({
    "evil.txt": `${"a".repeat(40)}!\n`,
    "text.txt": "needle\n",
    "binary.bin": Buffer.concat([Buffer.from("needle\n"), Buffer.from([0]), Buffer.from("needle\n")]),
    "huge.txt": Buffer.concat([Buffer.from("needle\n"), Buffer.alloc(10 * MiB + 10, 0x61)]),
    "bulk/a.txt": wideLine.repeat(4_600),
    "bulk/b.txt": wideLine.repeat(4_600),
    "bulk/c.txt": wideLine.repeat(4_600),
  });
});
afterAll(() => repo.cleanup());

describe("our own search", () => {
  it("stops a pathological pattern at the time limit with a plain is_error", async () => {
    const started = Date.now();
    const error = await ownSearch(repo.root, ["evil.txt"], { pattern: "(a+)+$", mode: "files", timeLimitMs: 300 }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ToolFailure);
    expect((error as Error).message).toMatch(/^The pattern ran longer than \d+ seconds and was stopped; simplify it\.$/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops when the run is cancelled", async () => {
    const controller = new AbortController();
    const pending = ownSearch(repo.root, ["evil.txt"], { pattern: "(a+)+$", mode: "files", signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow("The search was cancelled.");
  });
});

for (const engine of searchEngines) {
  describe.skipIf(!engine.available)(`content search with ${engine.name}`, () => {
    it("skips binary files and files over 10 MiB", async () => {
      const outcome = await withEngine(engine.setting, () => searchContent(repo.root, { pattern: "needle", mode: "files" }));
      expect(outcome.files.map((file) => file.path)).toEqual(["text.txt"]);
    });

    it("stops collecting past about 20 MB and says the answer is partial", async () => {
      const outcome = await withEngine(engine.setting, () => searchContent(repo.root, { pattern: "m", mode: "content", under: "bulk" }));
      expect(outcome.truncated).toBe(true);
      const kept = outcome.files.reduce((sum, file) => sum + file.lines.length, 0);
      expect(kept).toBeLessThan(3 * 4_600);
      expect(kept).toBeGreaterThan(4_600);
    });
  });
}
