import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grepAnswer } from "../../src/search/grep-answer.js";
import type { SearchOutcome } from "../../src/search/types.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeTempRepo({ "a.txt": "x\n", "b.txt": "x\n" });
});
afterAll(() => repo.cleanup());

const outcome = (truncated: boolean): SearchOutcome => ({
  files: [
    { path: "a.txt", count: 2, lines: [{ line: 1, text: "x\r", length: 2, match: true }, { line: 3, text: "y", length: 1, match: true }] },
    { path: "b.txt", count: 1, lines: [{ line: 2, text: "z", length: 1, match: true }] },
  ],
  truncated,
});

describe("grepAnswer", () => {
  it("says the answer is partial when collecting stopped at the memory cap", async () => {
    const answer = await grepAnswer(repo.root, outcome(true), { mode: "count", lineNumbers: true, withContext: false, headLimit: 250, offset: 0 });
    expect(answer).toBe(
      [
        "a.txt:2",
        "b.txt:1",
        "",
        "Found 3 total occurrences across 2 files.",
        "",
        "(The search stopped after collecting 20 MB of matches, so this answer is partial; narrow the pattern or the path.)",
      ].join("\n"),
    );
  });

  it("draws no -- without context, drops a trailing carriage return, and shows a single file in the singular", async () => {
    const answer = await grepAnswer(repo.root, outcome(false), { mode: "content", lineNumbers: true, withContext: false, headLimit: 250, offset: 0 });
    expect(answer).toBe("a.txt:1:x\na.txt:3:y\nb.txt:2:z");
    const withGaps = await grepAnswer(repo.root, outcome(false), { mode: "content", lineNumbers: true, withContext: true, headLimit: 250, offset: 0 });
    expect(withGaps).toBe("a.txt:1:x\n--\na.txt:3:y\n--\nb.txt:2:z");
    const one = { files: [outcome(false).files[1]!], truncated: false };
    expect(await grepAnswer(repo.root, one, { mode: "count", lineNumbers: true, withContext: false, headLimit: 250, offset: 0 })).toBe(
      "b.txt:1\n\nFound 1 total occurrence across 1 file.",
    );
  });
});
