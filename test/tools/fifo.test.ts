import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ToolFailure } from "../../src/errors.js";
import { Workspace } from "../../src/workspace.js";
import { grepInput, grepTool } from "../../tools/grep.js";
import { readInput, readTool } from "../../tools/read.js";
import { searchEngines, withEngine } from "../helpers/search-engines.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
let workspace: Workspace;

beforeAll(async () => {
  repo = await makeTempRepo({ "app/user.rb": "class User\nend\n" });
  // A pipe with no writer: opening it for reading the ordinary way blocks forever.
  execFileSync("mkfifo", [repo.path("pipe.rb")]);
  workspace = await Workspace.open(repo.root, { planPath: "plan.md" });
});
afterAll(() => repo.cleanup());

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ToolFailure);
  return (error as Error).message;
};

describe.skipIf(process.platform === "win32")("a FIFO in the repository", () => {
  it("is refused by Read at once", { timeout: 2000 }, async () => {
    expect(await failure(readTool.run(readInput.parse({ file_path: "pipe.rb" }), { workspace }))).toBe(
      "pipe.rb is not a regular file (a pipe, socket or device); Read shows text files only.",
    );
  });

  for (const engine of searchEngines) {
    describe.skipIf(!engine.available)(`with ${engine.name}`, () => {
      it("is refused by Grep at once when named as the path", { timeout: 2000 }, async () => {
        const grep = withEngine(engine.setting, () => grepTool.run(grepInput.parse({ pattern: "User", path: "pipe.rb" }), { workspace }));
        expect(await failure(grep)).toMatch(/^pipe\.rb is not a regular file/);
      });

      it("is skipped by a Grep of its folder", { timeout: 2000 }, async () => {
        const answer = await withEngine(engine.setting, () => grepTool.run(grepInput.parse({ pattern: "User" }), { workspace }));
        expect(answer).toBe("Found 1 file\napp/user.rb");
      });
    });
  }
});
