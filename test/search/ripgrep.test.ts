import { chmod, readFile, writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRipgrep } from "../../src/search/ripgrep.js";
import { Workspace } from "../../src/workspace.js";
import { grepInput, grepTool } from "../../tools/grep.js";
import { globInput, globTool } from "../../tools/glob.js";
import { ripgrepPath, withEngine } from "../helpers/search-engines.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
let bin: TempRepo;
let spy: string;

const TOOLS_MD_FLAGS = [
  "--hidden",
  "--no-follow",
  "--no-require-git",
  "--no-ignore-global",
  "--no-ignore-dot",
  "--no-ignore-exclude",
  "--no-ignore-parent",
  "--no-config",
];

beforeAll(async () => {
  repo = await makeTempRepo({ "a.rb": "users\n" });
  bin = await makeTempRepo({}, { prefix: "fake-rg-" });
  spy = bin.path("rg");
  // A stand-in ripgrep that records its arguments and what its standard input is, then runs the real one.
  await writeFile(
    spy,
    `#!/bin/sh\nprintf '%s\\n' "$@" > "${bin.path("args.txt")}"\nreadlink /proc/self/fd/0 > "${bin.path("stdin.txt")}"\nexec "${ripgrepPath ?? "rg"}" "$@"\n`,
  );
  await chmod(spy, 0o755);
});
afterAll(async () => {
  await repo.cleanup();
  await bin.cleanup();
});

describe("finding ripgrep", () => {
  it("honours MIGRATION_AGENT_RIPGREP=off, an explicit binary, and otherwise the PATH", () => {
    expect(findRipgrep({ MIGRATION_AGENT_RIPGREP: "off", PATH: bin.root })).toBeUndefined();
    expect(findRipgrep({ MIGRATION_AGENT_RIPGREP: spy })).toBe(spy);
    expect(findRipgrep({ MIGRATION_AGENT_RIPGREP: bin.path("missing") })).toBeUndefined();
    expect(findRipgrep({ PATH: `/nonexistent:${bin.root}` })).toBe(spy);
    expect(findRipgrep({ PATH: "/nonexistent" })).toBeUndefined();
  });
});

describe.skipIf(!ripgrepPath || process.platform !== "linux")("how ripgrep is run", () => {
  const workspace = () => Workspace.open(repo.root, { planPath: "plan.md" });

  it("gets the flags of tools.md as separate arguments, the pattern after --regexp, a path after --, and no stdin", async () => {
    const answer = await withEngine(spy, async () =>
      grepTool.run(grepInput.parse({ pattern: "-users; rm -rf /", output_mode: "content" }), { workspace: await workspace() }),
    );
    expect(answer).toBe("No matches found");
    const args = (await readFile(bin.path("args.txt"), "utf8")).trimEnd().split("\n");
    for (const flag of TOOLS_MD_FLAGS) expect(args).toContain(flag);
    expect(args.slice(args.indexOf("--max-filesize"), args.indexOf("--max-filesize") + 2)).toEqual(["--max-filesize", "10M"]);
    expect(args.slice(args.indexOf("--glob"), args.indexOf("--glob") + 2)).toEqual(["--glob", "!.git"]);
    expect(args[args.indexOf("--regexp") + 1]).toBe("-users; rm -rf /");
    expect(args.slice(args.indexOf("--") + 1)).toEqual(["."]);
    expect((await readFile(bin.path("stdin.txt"), "utf8")).trim()).toBe("/dev/null");
  });

  it("lists files for Glob with the same flags and an explicit path", async () => {
    const answer = await withEngine(spy, async () => globTool.run(globInput.parse({ pattern: "*.rb" }), { workspace: await workspace() }));
    expect(answer).toBe("a.rb");
    const args = (await readFile(bin.path("args.txt"), "utf8")).trimEnd().split("\n");
    expect(args[0]).toBe("--files");
    for (const flag of TOOLS_MD_FLAGS) expect(args).toContain(flag);
    expect(args.slice(args.indexOf("--") + 1)).toEqual(["."]);
  });
});
