import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * Vitest global setup: the end-to-end tests spawn the built CLI, so dist/ is rebuilt once per test run
 * and never tested stale. Type errors do not stop the tests here; `npm run build` (and CI) fails on them.
 */
export default function setup(): void {
  // TypeScript 7 exports no subpaths, so its bin is found by path.
  const tsc = join(process.cwd(), "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { stdio: "pipe" });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? "").trim();
    console.warn(`build-dist: tsc reported errors; tests run on what it emitted.\n${output.slice(0, 2000)}`);
  }
  execFileSync(process.execPath, ["scripts/postbuild.mjs"], { stdio: "inherit" });
}
