import { mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ToolFailure } from "../../src/errors.js";
import { Workspace } from "../../src/workspace.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
let outside: string;

beforeAll(async () => {
  outside = await realpath(await mkdtemp(join(tmpdir(), "outside-")));
  repo = await makeTempRepo({
    "a/b/c.txt": "c\n",
    "a/up": { symlink: "../.." },
    "a/out": { symlink: outside },
    "a/etc": { symlink: "/etc" },
    "loop1": { symlink: "loop2" },
    "loop2": { symlink: "loop1" },
    "inner": { symlink: "a/b" },
    "dangling": { symlink: join(outside, "missing", "file") },
  });
});
afterAll(async () => {
  await repo.cleanup();
  await rm(outside, { recursive: true, force: true });
});

const segment = fc.oneof(
  fc.constantFrom("..", ".", "a", "b", "c.txt", "up", "out", "etc", "loop1", "inner", "dangling", "", "passwd", ".git", ".env"),
  fc.string({ maxLength: 6 }),
);
const pathArbitrary = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 8 })).map(([absolute, parts]) =>
  absolute ? `${repo.root}/${parts.join("/")}` : parts.join("/"),
);
const otherAbsolute = fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join("/")}`);

async function nearestReal(path: string): Promise<string> {
  let current = path;
  for (;;) {
    try {
      return await realpath(current);
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

function inside(path: string): boolean {
  return path === repo.root || path.startsWith(repo.root + sep);
}

describe("no generated path resolves outside the root", () => {
  it("for reads and for writes allowed everywhere", async () => {
    const workspace = await Workspace.open(repo.root, { planPath: "plan.md", allowWrite: ["**"] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(pathArbitrary, otherAbsolute), async (path) => {
        for (const resolve of [workspace.resolveForRead, workspace.resolveForWrite]) {
          let resolved: string | undefined;
          try {
            resolved = await resolve.call(workspace, path);
          } catch (error) {
            expect(error).toBeInstanceOf(ToolFailure);
            continue;
          }
          expect(inside(resolved)).toBe(true);
          expect(inside(await nearestReal(resolved))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
