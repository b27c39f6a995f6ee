import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ToolFailure } from "../../src/errors.js";
import { listFiles } from "../../src/search/index.js";
import { Workspace } from "../../src/workspace.js";
import { globInput, globTool } from "../../tools/glob.js";
import { grepInput, grepTool } from "../../tools/grep.js";
import { readInput, readTool } from "../../tools/read.js";
import { searchEngines, withEngine } from "../helpers/search-engines.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

/** Every file holds the word TOKEN, so a Grep for it shows exactly the files the tools may see. */
const SECRETS = [
  ".ENV",
  ".Env.local",
  "config/.ENV.production",
  "certs/Server.PEM",
  "ID_RSA",
  ".pgpass",
  ".git-credentials",
  ".GIT/config",
  ".env.d/conf",
  "x/.env/vals",
  "old/.env.sample/inner",
];
const VISIBLE = [".env.example", ".ENV.EXAMPLE", "app/env.rb", "config/settings.yml"];

let repo: TempRepo;
let workspace: Workspace;

beforeAll(async () => {
  repo = await makeTempRepo(Object.fromEntries([...SECRETS, ...VISIBLE].map((path) => [path, "TOKEN=1\n"])));
  workspace = await Workspace.open(repo.root, { planPath: "plan.md" });
});
afterAll(() => repo.cleanup());

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ToolFailure);
  return (error as Error).message;
};

describe("secret files whatever their case, and everything inside secret-named folders", () => {
  it.each(SECRETS)("Read refuses %s", async (path) => {
    expect(await failure(readTool.run(readInput.parse({ file_path: path }), { workspace }))).toMatch(/^Refused: secret files/);
  });

  it.each(VISIBLE)("Read shows %s", async (path) => {
    expect(await readTool.run(readInput.parse({ file_path: path }), { workspace })).toBe("1\tTOKEN=1");
  });

  for (const engine of searchEngines) {
    describe.skipIf(!engine.available)(`with ${engine.name}`, () => {
      it("Grep from the root finds only the visible files", async () => {
        const answer = await withEngine(engine.setting, () => grepTool.run(grepInput.parse({ pattern: "TOKEN" }), { workspace }));
        expect(answer.split("\n").slice(1).sort()).toEqual([...VISIBLE].sort());
      });

      it("Glob and listFiles list only the visible files", async () => {
        const globbed = await withEngine(engine.setting, () => globTool.run(globInput.parse({ pattern: "**/*" }), { workspace }));
        expect(globbed.split("\n").sort()).toEqual([...VISIBLE].sort());
        expect((await withEngine(engine.setting, () => listFiles(repo.root))).sort()).toEqual([...VISIBLE].sort());
      });
    });
  }
});
