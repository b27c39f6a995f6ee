import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";

/** The rules of one `.gitignore`, and the folder (repo-relative, "" for the root) they are relative to. */
export interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

/** Reads `<dir>/.gitignore`; undefined when there is none (or it cannot be read). */
export async function loadGitignore(root: string, dir: string): Promise<IgnoreScope | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, dir, ".gitignore"), "utf8");
  } catch {
    return undefined;
  }
  return { dir, rules: ignore({ allowRelativePaths: true }).add(text) };
}

/**
 * Git's verdict for one path under a chain of scopes (shallowest first): the deepest `.gitignore` with a
 * rule for the path decides, as in git and ripgrep.
 */
export function isIgnored(chain: readonly IgnoreScope[], relativePath: string, isDir: boolean): boolean {
  for (let i = chain.length - 1; i >= 0; i--) {
    const scope = chain[i]!;
    const local = scope.dir === "" ? relativePath : relativePath.slice(scope.dir.length + 1);
    const verdict = scope.rules.test(isDir ? `${local}/` : local);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/**
 * The `.gitignore` files from the root down to (not including) `under`, which apply inside it. A folder
 * named on purpose that those rules ignore (`node_modules`) is searched as ripgrep would: without them.
 */
export async function ancestorScopes(root: string, under: string): Promise<IgnoreScope[]> {
  if (under === "") return [];
  const parts = under.split("/");
  const chain: IgnoreScope[] = [];
  for (let depth = 0; depth < parts.length; depth++) {
    const dir = parts.slice(0, depth).join("/");
    const scope = await loadGitignore(root, dir);
    if (scope) chain.push(scope);
    if (isIgnored(chain, parts.slice(0, depth + 1).join("/"), true)) return [];
  }
  return chain;
}
