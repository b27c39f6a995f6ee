import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ToolFailure } from "../../src/errors.js";
import { Workspace } from "../../src/workspace.js";
import { readInput, readTool } from "../../tools/read.js";
import { writeInput, writeTool } from "../../tools/write.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
let workspace: Workspace;

beforeEach(async () => {
  repo = await makeTempRepo({ "db/migrate/old.rb": "old\n", "README.md": "readme\n" });
  workspace = await Workspace.open(repo.root, { planPath: "migration-plans/plan.md", allowWrite: ["db/migrate/**"] });
});
afterEach(() => repo.cleanup());

const write = (input: Record<string, unknown>) => writeTool.run(writeInput.parse(input), { workspace });
const read = (input: Record<string, unknown>) => readTool.run(readInput.parse(input), { workspace });
async function failure(input: Record<string, unknown>): Promise<string> {
  const error = await write(input).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ToolFailure);
  return (error as Error).message;
}

describe("Write", () => {
  it("creates the plan file and its folder, then updates it after its own write", async () => {
    expect(await write({ file_path: "migration-plans/plan.md", content: "# Plan\n" })).toBe(
      "File created successfully at: migration-plans/plan.md",
    );
    expect(await write({ file_path: repo.path("migration-plans/plan.md"), content: "# Plan v2\n" })).toBe(
      "The file migration-plans/plan.md has been updated successfully.",
    );
    expect(await readFile(repo.path("migration-plans/plan.md"), "utf8")).toBe("# Plan v2\n");
    expect(workspace.filesCreated).toEqual(["migration-plans/plan.md"]);
  });

  it("creates files under --allow-write globs and refuses anything else", async () => {
    expect(await write({ file_path: "db/migrate/new.rb", content: "new\n" })).toBe("File created successfully at: db/migrate/new.rb");
    expect(await failure({ file_path: "README.md", content: "x" })).toMatch(
      /^Refused: Write may only create the plan file \(migration-plans\/plan\.md\) or paths allowed by --allow-write: README\.md$/,
    );
    expect(await failure({ file_path: "../escape.md", content: "x" })).toMatch(/^Refused: path is outside the repository/);
  });

  it("refuses a folder, a secret file and .git even inside an allowed glob", async () => {
    await repo.write("db/migrate/sub/", "");
    expect(await failure({ file_path: "db/migrate/sub", content: "x" })).toBe("Refused: the path is a folder, not a file: db/migrate/sub");
    expect(await failure({ file_path: "db/migrate/.env", content: "x" })).toMatch(/^Refused: secret files/);
    expect(await failure({ file_path: "db/migrate/.git/config", content: "x" })).toMatch(/^Refused: secret files/);
  });

  it("asks for a Read before replacing an existing file, and allows it after a full Read", async () => {
    expect(await failure({ file_path: "db/migrate/old.rb", content: "new\n" })).toBe(
      "Refused: read the whole of db/migrate/old.rb with Read before replacing it.",
    );
    await read({ file_path: "db/migrate/old.rb" });
    expect(await write({ file_path: "db/migrate/old.rb", content: "new\n" })).toBe(
      "The file db/migrate/old.rb has been updated successfully.",
    );
    expect(workspace.filesWritten).toEqual(["db/migrate/old.rb"]);
    expect(workspace.filesCreated).toEqual([]);
  });

  describe("a file too big for one Read answer (over 100 KiB)", () => {
    // 1,500 lines of 100 characters: the first Read stops at the byte cap, well before the last line.
    const big = Array.from({ length: 1500 }, (_, index) => `${index + 1}`.padEnd(99, "x")).join("\n") + "\n";
    const nextOffset = (answer: string) => Number(/offset=(\d+)/.exec(answer)?.[1]);

    it("may be replaced once Reads with offset and limit have covered every line", async () => {
      await repo.write("db/migrate/big.rb", big);
      const first = await read({ file_path: "db/migrate/big.rb" });
      expect(first).toMatch(/Call Read with offset=\d+ to continue/);
      expect(await failure({ file_path: "db/migrate/big.rb", content: "new\n" })).toBe(
        "Refused: read the whole of db/migrate/big.rb with Read before replacing it.",
      );
      const rest = await read({ file_path: "db/migrate/big.rb", offset: nextOffset(first), limit: 2000 });
      expect(rest).toContain(`1500\t1500`);
      expect(await write({ file_path: "db/migrate/big.rb", content: "new\n" })).toBe(
        "The file db/migrate/big.rb has been updated successfully.",
      );
    });

    it("is refused when the pages leave a gap", async () => {
      await repo.write("db/migrate/big.rb", big);
      const first = await read({ file_path: "db/migrate/big.rb" });
      await read({ file_path: "db/migrate/big.rb", offset: nextOffset(first) + 1, limit: 2000 });
      expect(await failure({ file_path: "db/migrate/big.rb", content: "new\n" })).toBe(
        "Refused: read the whole of db/migrate/big.rb with Read before replacing it.",
      );
    });

    it("is refused when the file changed between the pages", async () => {
      await repo.write("db/migrate/big.rb", big);
      const first = await read({ file_path: "db/migrate/big.rb" });
      await repo.write("db/migrate/big.rb", big.replace("1x", "1y"));
      await read({ file_path: "db/migrate/big.rb", offset: nextOffset(first), limit: 2000 });
      expect(await failure({ file_path: "db/migrate/big.rb", content: "new\n" })).toBe(
        "Refused: read the whole of db/migrate/big.rb with Read before replacing it.",
      );
    });
  });
});
