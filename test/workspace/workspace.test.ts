import { mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ToolFailure, UsageError } from "../../src/errors.js";
import { isSecretPath, Workspace } from "../../src/workspace.js";
import { makeTempRepo, type TempRepo } from "../helpers/temp-repo.js";

let repo: TempRepo;
let outside: string;

beforeEach(async () => {
  outside = await realpath(await mkdtemp(join(tmpdir(), "outside-")));
  await writeFile(join(outside, "secret.txt"), "outside\n");
  repo = await makeTempRepo({
    "app/models/user.rb": "class User\nend\n",
    "db/schema.rb": "create_table :users\n",
    ".env": "DATABASE_URL=postgres://u:p@h/db\n",
    ".env.production": "X=1\n",
    ".env.example": "DATABASE_URL=postgres://localhost/dev\n",
    "config/.env.local": "X=1\n",
    "id_rsa": "key\n",
    "certs/server.pem": "pem\n",
    ".git/config": "[core]\n",
    ".git/hooks/": "",
    "etc-link": { symlink: "/etc" },
    "out-link": { symlink: outside },
    "chain-a": { symlink: "chain-b" },
    "chain-b": { symlink: "app/models" },
    "chain-out-a": { symlink: "chain-out-b" },
    "chain-out-b": { symlink: join(outside, "secret.txt") },
    "env-alias.txt": { symlink: ".env" },
  });
});
afterEach(async () => {
  await repo.cleanup();
  await rm(outside, { recursive: true, force: true });
});

const open = (allowWrite?: string[]) => Workspace.open(repo.root, { planPath: "migration-plans/plan.md", allowWrite });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ToolFailure);
  return (error as Error).message;
}

describe("Workspace.open", () => {
  it("resolves the root to its real path and the plan path to an absolute path inside it", async () => {
    const workspace = await open();
    expect(workspace.root).toBe(repo.root);
    expect(workspace.planPath).toBe(join(repo.root, "migration-plans/plan.md"));
  });

  it("accepts paths spelled through a symlinked root as given", async () => {
    const alias = join(outside, "repo-alias");
    await symlink(repo.root, alias);
    const workspace = await Workspace.open(alias, { planPath: "plan.md" });
    expect(workspace.root).toBe(repo.root);
    expect(await workspace.resolveForRead(join(alias, "db/schema.rb"))).toBe(repo.path("db/schema.rb"));
    expect(workspace.relative(join(alias, "db/schema.rb"))).toBe("db/schema.rb");
  });

  it("refuses a missing root, a file as root, and plan paths outside, secret or in .git with a UsageError", async () => {
    await expect(Workspace.open(join(repo.root, "nope"), { planPath: "p.md" })).rejects.toBeInstanceOf(UsageError);
    await expect(Workspace.open(repo.path("db/schema.rb"), { planPath: "p.md" })).rejects.toBeInstanceOf(UsageError);
    await expect(Workspace.open(repo.root, { planPath: "../plan.md" })).rejects.toThrow(/inside the repository/);
    await expect(Workspace.open(repo.root, { planPath: join(outside, "p.md") })).rejects.toBeInstanceOf(UsageError);
    await expect(Workspace.open(repo.root, { planPath: ".git/plan.md" })).rejects.toThrow(/secret file or inside .git/);
    await expect(Workspace.open(repo.root, { planPath: ".env.plan" })).rejects.toBeInstanceOf(UsageError);
  });
});

describe("resolveForRead", () => {
  it("returns the real absolute path for relative and absolute paths inside the root", async () => {
    const workspace = await open();
    expect(await workspace.resolveForRead("app/models/user.rb")).toBe(repo.path("app/models/user.rb"));
    expect(await workspace.resolveForRead(repo.path("db/schema.rb"))).toBe(repo.path("db/schema.rb"));
    expect(await workspace.resolveForRead("chain-a/user.rb")).toBe(repo.path("app/models/user.rb"));
    expect(workspace.relative(repo.path("app/models/user.rb"))).toBe("app/models/user.rb");
  });

  it.each([
    ["../outside.txt", /^Refused: path is outside the repository: /],
    ["app/../../x", /^Refused: path is outside the repository: /],
    ["/etc/passwd", /^Refused: path is outside the repository: \/etc\/passwd$/],
    ["etc-link/passwd", /^Refused: path is outside the repository/],
    ["out-link/secret.txt", /^Refused: path is outside the repository/],
    ["chain-out-a", /^Refused: path is outside the repository/],
    [".env", /^Refused: secret files/],
    [".env.production", /^Refused: secret files/],
    ["config/.env.local", /^Refused: secret files/],
    ["id_rsa", /^Refused: secret files/],
    ["certs/server.pem", /^Refused: secret files/],
    [".git/config", /^Refused: secret files/],
    ["env-alias.txt", /^Refused: secret files/],
    ["app/\0user.rb", /^Refused: the path contains a NUL byte\.$/],
  ])("refuses %j", async (path, message) => {
    const workspace = await open();
    expect(await refusal(workspace.resolveForRead(path))).toMatch(message);
  });

  it("allows .env.example", async () => {
    const workspace = await open();
    expect(await workspace.resolveForRead(".env.example")).toBe(repo.path(".env.example"));
  });

  it("names a missing path as given and suggests a close one", async () => {
    const workspace = await open();
    expect(await refusal(workspace.resolveForRead("app/model/user.rb"))).toBe(
      "File does not exist: app/model/user.rb. Did you mean app/models?",
    );
    expect(await refusal(workspace.resolveForRead("db/shema.rb"))).toBe("File does not exist: db/shema.rb. Did you mean db/schema.rb?");
    expect(await refusal(workspace.resolveForRead("zzzzzz/qqq"))).toBe("File does not exist: zzzzzz/qqq.");
  });

  it("never suggests a secret file", async () => {
    const workspace = await open();
    expect(await refusal(workspace.resolveForRead("id_rsb"))).toBe("File does not exist: id_rsb.");
    expect(await refusal(workspace.resolveForRead(".env.productio"))).toMatch(/^Refused: secret files/);
  });
});

describe("resolveForWrite and writeFile", () => {
  it("allows the plan file and refuses other paths without --allow-write", async () => {
    const workspace = await open();
    expect(await workspace.resolveForWrite("migration-plans/plan.md")).toBe(join(repo.root, "migration-plans/plan.md"));
    expect(await refusal(workspace.resolveForWrite("db/migrate/new.rb"))).toMatch(/^Refused: Write may only create the plan file/);
  });

  it("allows --allow-write globs but never .git or secrets, even with '**'", async () => {
    const workspace = await open(["db/migrate/**"]);
    expect(await workspace.resolveForWrite("db/migrate/2024_x.rb")).toBe(repo.path("db/migrate/2024_x.rb"));
    expect(await refusal(workspace.resolveForWrite("db/other.rb"))).toMatch(/^Refused: Write may only/);
    const everything = await open(["**"]);
    expect(await everything.resolveForWrite("anything/at/all.txt")).toBe(repo.path("anything/at/all.txt"));
    expect(await refusal(everything.resolveForWrite(".git/hooks/x"))).toMatch(/^Refused: secret files/);
    expect(await refusal(everything.resolveForWrite(".env"))).toMatch(/^Refused: secret files/);
    expect(await refusal(everything.resolveForWrite("config/server.key"))).toMatch(/^Refused: secret files/);
    expect(await refusal(everything.resolveForWrite("out-link/new.txt"))).toMatch(/^Refused: path is outside/);
    expect(await refusal(everything.resolveForWrite("app"))).toMatch(/is a folder/);
  });

  it("creates parents, writes atomically and records created and written files once each", async () => {
    const workspace = await open();
    expect(await workspace.writeFile("migration-plans/plan.md", "one\n")).toEqual({ path: "migration-plans/plan.md", created: true });
    expect(await workspace.writeFile("migration-plans/plan.md", "two\n", { requireRead: true })).toEqual({
      path: "migration-plans/plan.md",
      created: false,
    });
    expect(await readFile(repo.path("migration-plans/plan.md"), "utf8")).toBe("two\n");
    expect(await readdir(repo.path("migration-plans"))).toEqual(["plan.md"]);
    expect(workspace.filesWritten).toEqual(["migration-plans/plan.md"]);
    expect(workspace.filesCreated).toEqual(["migration-plans/plan.md"]);
  });

  it("replaces an existing file only after a full read that is still current", async () => {
    const workspace = await open(["db/**"]);
    expect(await refusal(workspace.writeFile("db/schema.rb", "x", { requireRead: true }))).toBe(
      "Refused: read the whole of db/schema.rb with Read before replacing it.",
    );
    await workspace.recordFullRead(repo.path("db/schema.rb"));
    await writeFile(repo.path("db/schema.rb"), "changed behind our back\n");
    expect(await refusal(workspace.writeFile("db/schema.rb", "x", { requireRead: true }))).toBe(
      "Refused: db/schema.rb has changed since it was last read; Read it again before replacing it.",
    );
    await workspace.recordFullRead(repo.path("db/schema.rb"));
    expect(await workspace.writeFile("db/schema.rb", "new\n", { requireRead: true })).toEqual({ path: "db/schema.rb", created: false });
    expect(workspace.filesWritten).toEqual(["db/schema.rb"]);
    expect(workspace.filesCreated).toEqual([]);
  });

  it("replaces without a read when the caller does not ask for the rule", async () => {
    const workspace = await open(["db/**"]);
    await workspace.writeFile("db/schema.rb", "plain\n");
    expect(await readFile(repo.path("db/schema.rb"), "utf8")).toBe("plain\n");
  });
});

describe("isSecretPath", () => {
  it.each([
    ".ENV",
    ".Env.local",
    "config/.ENV.production",
    "certs/Server.PEM",
    "ID_RSA",
    "home/Id_Ed25519.pub",
    ".pgpass",
    "deploy/.git-credentials",
    ".GIT/config",
    ".env.d/conf",
    "x/.env/vals",
    "old/.env.example/inner",
  ])("hides %s", (path) => {
    expect(isSecretPath(path)).toBe(true);
  });

  it.each([".env.example", ".ENV.Sample", "config/.env.template", "app/env.rb", "environment/x.rb", ".envrc.md"])("shows %s", (path) => {
    expect(isSecretPath(path)).toBe(false);
  });
});

describe("the plan path at startup", () => {
  it("is a UsageError when it is an existing folder", async () => {
    await expect(Workspace.open(repo.root, { planPath: "app" })).rejects.toThrow(
      new UsageError("The plan path app is a folder; give a file path with --out."),
    );
  });

  it("is a UsageError, naming the file, when an existing file is not a migration plan", async () => {
    await expect(Workspace.open(repo.root, { planPath: "db/schema.rb" })).rejects.toThrow(
      new UsageError("The file db/schema.rb exists and is not a migration plan; choose another --out."),
    );
  });

  it("may be an earlier migration plan or an empty file", async () => {
    await writeFile(repo.path("old-plan.md"), "# Migration Plan: rename users.email\n\nbody\n");
    await writeFile(repo.path("empty.md"), "");
    await expect(Workspace.open(repo.root, { planPath: "old-plan.md" })).resolves.toBeInstanceOf(Workspace);
    await expect(Workspace.open(repo.root, { planPath: "empty.md" })).resolves.toBeInstanceOf(Workspace);
  });
});

describe("--allow-write globs at startup", () => {
  it.each([
    [".git/**", /^The --allow-write glob ".git\/\*\*" can never apply/],
    ["**/.git/hooks/*", /can never apply/],
    [".env", /can never apply/],
    ["config/.env.d/*", /can never apply/],
    ["[", /^The --allow-write glob "\[" is malformed: a "\[" is never closed\.$/],
    ["db/{a,b", /is malformed: a "\{" is never closed/],
  ])("rejects %j with a UsageError naming it", async (glob, message) => {
    const error = await open([glob]).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  it.each(["db/migrate/**", "*.rb", ".env.*", "[ab].rb", "db/{a,b}/*"])("accepts %j", async (glob) => {
    await expect(open([glob])).resolves.toBeInstanceOf(Workspace);
  });
});

describe("undoChanges after an interrupt", () => {
  it("removes created files and puts back the first bytes of replaced ones", async () => {
    const workspace = await open(["db/**", "app/**"]);
    await workspace.writeFile("db/new.rb", "created\n");
    await workspace.writeFile("db/schema.rb", "first replacement\n");
    await workspace.writeFile("db/schema.rb", "second replacement\n");
    await workspace.writeFile("app/models/user.rb", "changed\n");
    await workspace.undoChanges();
    expect(await readdir(repo.path("db"))).toEqual(["schema.rb"]);
    expect(await readFile(repo.path("db/schema.rb"), "utf8")).toBe("create_table :users\n");
    expect(await readFile(repo.path("app/models/user.rb"), "utf8")).toBe("class User\nend\n");
  });
});
