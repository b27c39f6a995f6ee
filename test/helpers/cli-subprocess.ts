import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll } from "vitest";
import { packageRoot } from "../../src/paths.js";

/**
 * For the CLI's end-to-end tests: the built executable as a subprocess, with an environment of our
 * own (never the developer's key), a copy of the bundled example app, and a plan that passes its checks there.
 */

let installed: Promise<string> | undefined;
let installedRoot: string | undefined;

// Registered in the suite of whichever test file imports this helper: its install goes when the file ends.
afterAll(async () => {
  if (installedRoot) await rm(installedRoot, { recursive: true, force: true });
});

/**
 * The package as npm installs it: package.json and its "files" (dist, prompts, tools/*.md) copied to a
 * temp folder, with this checkout's node_modules linked. Copied once per test file, so the tests run
 * what was built when they started, and the CLI works from its published files alone.
 */
export function installedBin(): Promise<string> {
  installed ??= (async () => {
    const root = packageRoot();
    const target = await mkdtemp(join(tmpdir(), "cli-installed-"));
    installedRoot = target;
    const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { files: string[] };
    await cp(join(root, "package.json"), join(target, "package.json"));
    for (const entry of manifest.files) {
      if (!entry.includes("*")) {
        await cp(join(root, entry), join(target, entry), { recursive: true });
        continue;
      }
      const suffix = basename(entry).replace(/^\*/, "");
      await mkdir(join(target, dirname(entry)), { recursive: true });
      for (const name of await readdir(join(root, dirname(entry)))) {
        if (name.endsWith(suffix)) await cp(join(root, dirname(entry), name), join(target, dirname(entry), name));
      }
    }
    await symlink(join(root, "node_modules"), join(target, "node_modules"), "dir");
    return join(target, "dist", "src", "bin.js");
  })();
  return installed;
}

export interface CliOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Added to a bare environment: PATH and HOME only. */
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string;
  /** Called once the process is started, e.g. to send it SIGINT at the right moment. */
  whileRunning?: (child: ChildProcess) => void | Promise<void>;
}

export async function runCli(args: string[], options: CliRunOptions = {}): Promise<CliOutcome> {
  const child = spawn(process.execPath, [await installedBin(), ...args], {
    cwd: options.cwd ?? packageRoot(),
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? "");
  const done = new Promise<CliOutcome>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  try {
    await options.whileRunning?.(child);
  } catch (error) {
    child.kill();
    throw error;
  }
  return done;
}

/** The environment of a run against a fake Messages API. */
export function fakeApiEnv(url: string): Record<string, string> {
  return { ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: "test-key" };
}

/** A fresh copy of examples/shop-rails in a temp dir: each run may write its own plan there. */
export async function copyShopRails(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "cli-shop-rails-"));
  await cp(join(packageRoot(), "examples", "shop-rails"), root, { recursive: true });
  return root;
}

/** A plan that passes the checks of plan-format.md in examples/shop-rails: its citations are real lines there. */
export function shopRailsPlan(task: string): string {
  return `# Migration Plan: ${task}

Rails 7.1 on PostgreSQL.

## Current State
\`users.email\` is a NOT NULL string with a unique index (\`db/schema.rb:44\`, \`db/schema.rb:49\`);
the model validates it (\`app/models/user.rb:6-7\`).

## Target State
The column is called \`email_address\`, and every reader uses the new name.

## Steps
1. Add \`email_address\` in \`db/migrate/20261128120000_add_email_address_to_users.rb\` (new) and run \`bin/rails db:migrate\`. Deploy 1 (expand).
2. Backfill \`email_address\` from \`email\` in batches of 1,000. Deploy 2 (migrate).
3. Drop \`email\` once no code reads it. Deploy 3 (contract).

## Rollback
3. Irreversible without a backup: re-add \`email\` and copy it back from \`email_address\`.
2. Nothing to undo: \`email\` still holds every value.
1. Drop \`email_address\` with \`bin/rails db:rollback\`.

## Risks
- A long backfill locks rows: run it in batches.
- Code still reading \`email\` breaks at step 3: search for it first.

## Validation
\`\`\`sql
SELECT count(*) FROM users WHERE email_address IS NULL;
\`\`\`
`;
}

/** A plan that fails its checks: no Rollback section. */
export function planWithoutRollback(task: string): string {
  return shopRailsPlan(task).replace(/## Rollback[\s\S]*?## Risks/, "## Risks");
}
