import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ToolFailure } from "../../src/errors.js";
import { Workspace } from "../../src/workspace.js";
import { readInput, readTool } from "../../tools/read.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
let workspace: Workspace;

const lines = (count: number, make = (n: number) => `line ${n}`) =>
  Array.from({ length: count }, (_, index) => make(index + 1)).join("\n") + "\n";

beforeEach(async () => {
  repo = await makeTempRepo({
    "small.txt": "alpha\nbeta\ngamma\n",
    "crlf.txt": "\uFEFFone\r\ntwo\r\n",
    "no-newline.txt": "a\nb",
    "empty.txt": "",
    "long.txt": lines(2500),
    "wide.txt": `${"x".repeat(2500)}\nshort\n`,
    "heavy.txt": lines(1000, () => "y".repeat(1000)),
    "blob.dat": Buffer.from([104, 105, 0, 1, 2]),
    "image.png": "not really a png but named so\n",
    "db/": "",
  });
  workspace = await Workspace.open(repo.root, { planPath: "plan.md", allowWrite: ["**"] });
});
afterEach(() => repo.cleanup());

const read = (input: Record<string, unknown>) => readTool.run(readInput.parse(input), { workspace });

async function failure(input: Record<string, unknown>): Promise<string> {
  const error = await read(input).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ToolFailure);
  return (error as Error).message;
}

describe("Read", () => {
  it("numbers each line from 1 with a tab, no padding, and no note when the whole file is shown", async () => {
    expect(await read({ file_path: "small.txt" })).toBe("1\talpha\n2\tbeta\n3\tgamma");
  });

  it("accepts an absolute path inside the repo", async () => {
    expect(await read({ file_path: repo.path("small.txt") })).toBe("1\talpha\n2\tbeta\n3\tgamma");
  });

  it("drops a UTF-8 BOM and trailing carriage returns, and shows a last line without a newline", async () => {
    expect(await read({ file_path: "crlf.txt" })).toBe("1\tone\n2\ttwo");
    expect(await read({ file_path: "no-newline.txt" })).toBe("1\ta\n2\tb");
  });

  it("starts at offset, counting from 1, and treats offset 0 as 1", async () => {
    expect(await read({ file_path: "small.txt", offset: 2 })).toBe("2\tbeta\n3\tgamma");
    expect(await read({ file_path: "small.txt", offset: 0 })).toBe("1\talpha\n2\tbeta\n3\tgamma");
  });

  it("shows limit lines and ends with the exact offset to continue from", async () => {
    expect(await read({ file_path: "small.txt", offset: 1, limit: 2 })).toBe(
      "1\talpha\n2\tbeta\n\n(The file has more lines. Call Read with offset=3 to continue.)",
    );
  });

  it("accepts offset and limit as numeric strings", async () => {
    expect(await read({ file_path: "small.txt", offset: "2", limit: "1" })).toBe(
      "2\tbeta\n\n(The file has more lines. Call Read with offset=3 to continue.)",
    );
  });

  it("shows at most 2000 lines without limit, then gives offset=2001", async () => {
    const answer = await read({ file_path: "long.txt" });
    const rows = answer.split("\n");
    expect(rows[1999]).toBe("2000\tline 2000");
    expect(answer.endsWith("(The file has more lines. Call Read with offset=2001 to continue.)")).toBe(true);
    expect(await read({ file_path: "long.txt", offset: 2001 })).toMatch(/^2001\tline 2001\n[\s\S]*2500\tline 2500$/);
  });

  it("cuts a line longer than 2000 characters with a marker", async () => {
    const [first, second] = (await read({ file_path: "wide.txt" })).split("\n");
    expect(first).toBe(`1\t${"x".repeat(2000)} [… line cut: 2500 characters in all]`);
    expect(second).toBe("2\tshort");
  });

  it("stops before about 100 KiB and gives the offset of the first line not shown", async () => {
    const answer = await read({ file_path: "heavy.txt" });
    const shown = answer.split("\n").filter((row) => /^\d+\t/.test(row));
    expect(Buffer.byteLength(answer)).toBeLessThanOrEqual(100 * 1024 + 200);
    expect(shown.length).toBeLessThan(1000);
    expect(answer).toContain(`(The file has more lines. Call Read with offset=${shown.length + 1} to continue.)`);
  });

  it("says an empty file exists and is empty", async () => {
    expect(await read({ file_path: "empty.txt" })).toBe("(The file empty.txt exists but is empty.)");
  });

  it("says how many lines there are when offset is past the end", async () => {
    expect(await read({ file_path: "small.txt", offset: 10 })).toBe("(The file small.txt has 3 lines; offset 10 is past its end.)");
  });

  it("refuses a folder, a file with a NUL byte and a file with an image extension", async () => {
    expect(await failure({ file_path: "db" })).toBe("db is a folder, not a file; list it with Glob.");
    expect(await failure({ file_path: "blob.dat" })).toBe("blob.dat is a binary file; Read shows text files only.");
    expect(await failure({ file_path: "image.png" })).toBe("image.png is a binary file (.png); Read shows text files only.");
  });

  it("names a missing file as given, with a close suggestion", async () => {
    expect(await failure({ file_path: "smal.txt" })).toBe("File does not exist: smal.txt. Did you mean small.txt?");
  });

  it("records a whole-file read so Write may replace the file, but not a partial one", async () => {
    await read({ file_path: "long.txt" });
    await expect(workspace.writeFile("long.txt", "x", { requireRead: true })).rejects.toThrow(/Read before replacing/);
    await read({ file_path: "small.txt" });
    await expect(workspace.writeFile("small.txt", "x", { requireRead: true })).resolves.toEqual({ path: "small.txt", created: false });
  });
});
