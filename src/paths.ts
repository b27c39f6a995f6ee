import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The folder holding this package's package.json: prompts/ and tools/*.md are read from there, from src or dist alike. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("migration-agent: cannot find its own package.json");
    dir = parent;
  }
  cached = dir;
  return dir;
}

export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
