import { isSecretPath } from "../workspace/secret-files.js";
import { ancestorScopes, isIgnored, loadGitignore, type IgnoreScope } from "./gitignore.js";

/**
 * ripgrep's view minus what it cannot know: secret files, and the .gitignore files above `under` (which
 * `--no-ignore-parent` leaves out).
 */
export async function keepVisible(root: string, under: string, paths: string[]): Promise<string[]> {
  return keepUnderAncestors(root, under, paths.filter((path) => !isSecretPath(path)));
}

/**
 * The .gitignore files above `under` applied to paths found inside it (nothing to do at the root). A
 * file's own chain is rebuilt so a deeper `!rule` still wins.
 */
export async function keepUnderAncestors(root: string, under: string, paths: string[]): Promise<string[]> {
  const ancestors = await ancestorScopes(root, under);
  if (ancestors.length === 0) return paths;
  const scopes = new Map<string, Promise<IgnoreScope | undefined>>();
  const scopeOf = (dir: string) => {
    let scope = scopes.get(dir);
    if (!scope) scopes.set(dir, (scope = loadGitignore(root, dir)));
    return scope;
  };
  const kept = await Promise.all(
    paths.map(async (path) => {
      const parts = path.slice(under.length + 1).split("/");
      const chain = [...ancestors];
      for (let depth = 0; depth < parts.length; depth++) {
        const dir = [under, ...parts.slice(0, depth)].join("/");
        const scope = await scopeOf(dir);
        if (scope) chain.push(scope);
        const isDir = depth < parts.length - 1;
        if (isIgnored(chain, `${under}/${parts.slice(0, depth + 1).join("/")}`, isDir)) return false;
      }
      return true;
    }),
  );
  return paths.filter((_, index) => kept[index]);
}
