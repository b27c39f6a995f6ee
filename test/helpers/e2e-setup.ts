import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** dist/src/bin.js of the package as npm installs it (see install below). */
    installedBin: string;
  }
}

/** The newest modification time among the files under `paths` (0 when there are none). */
async function newest(root: string, paths: string[]): Promise<number> {
  let latest = 0;
  for (const path of paths) {
    const info = await stat(join(root, path)).catch(() => undefined);
    if (!info) continue;
    if (!info.isDirectory()) latest = Math.max(latest, info.mtimeMs);
    else latest = Math.max(latest, await newest(join(root, path), await readdir(join(root, path))));
  }
  return latest;
}

/** dist/ is rebuilt unless it is newer than every source, so the end-to-end tests never run a stale build. */
async function build(root: string): Promise<void> {
  const sources = await newest(root, ["src", "tools", "bench", "tsconfig.json"]);
  if (sources > 0 && (await newest(root, ["dist"])) > sources) return;
  // TypeScript 7 exports no subpaths, so its bin is found by path.
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: root, stdio: "pipe" });
  } catch (error) {
    // Type errors do not stop the tests here; `npm run build` (and CI) fails on them.
    const output = String((error as { stdout?: Buffer }).stdout ?? "").trim();
    console.warn(`e2e-setup: tsc reported errors; tests run on what it emitted.\n${output.slice(0, 2000)}`);
  }
  execFileSync(process.execPath, ["scripts/postbuild.mjs"], { cwd: root, stdio: "inherit" });
}

/**
 * The package as npm installs it: package.json and its "files" (dist, prompts, tools/*.md) copied to a temp
 * folder, with this checkout's node_modules linked, so the CLI is tested from its published files alone.
 */
async function install(root: string): Promise<string> {
  const target = await mkdtemp(join(tmpdir(), "cli-installed-"));
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
  return target;
}

/** Vitest global setup of the e2e project: build, install once for every e2e file, remove the install after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = project.config.root;
  await build(root);
  const installed = await install(root);
  project.provide("installedBin", join(installed, "dist", "src", "bin.js"));
  return () => rm(installed, { recursive: true, force: true });
}
