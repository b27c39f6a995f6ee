import { lstat, realpath } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

/** Where a path given by the model really points. */
export interface ResolvedPath {
  /** Absolute, symlinks resolved as far as the path exists. */
  real: string;
  /** The lexical form inside the root, POSIX, before symlinks ("" for the root itself). */
  lexical: string;
  exists: boolean;
  /** The deepest folder that exists (repo-relative) and the first part below it that does not. */
  existingDir: string;
  missingName?: string;
}

export class OutsideRootError extends Error {}

/**
 * Resolves `input` (absolute, or relative to `root`) and proves it stays inside `root` lexically and after
 * `realpath`. `aliases` are other spellings of the root (the path as given, before realpath).
 */
export async function resolveInside(root: string, aliases: readonly string[], input: string): Promise<ResolvedPath> {
  let absolute = isAbsolute(input) ? resolve(input) : resolve(root, input);
  for (const alias of aliases) {
    if (alias !== root && isWithin(alias, absolute)) absolute = join(root, relative(alias, absolute));
  }
  if (!isWithin(root, absolute)) throw new OutsideRootError(absolute);
  const lexical = toPosix(relative(root, absolute));
  const parts = lexical === "" ? [] : lexical.split("/");
  // Walk down to the deepest part that exists, then realpath it: a symlink anywhere on the way is followed.
  let existing = 0;
  while (existing < parts.length && (await pathExists(join(root, ...parts.slice(0, existing + 1))))) existing += 1;
  let realBase = await realpathOrUndefined(join(root, ...parts.slice(0, existing)));
  // A dangling or looping symlink counts as missing: step back to the last part that resolves.
  while (realBase === undefined && existing > 0) {
    existing -= 1;
    realBase = await realpathOrUndefined(join(root, ...parts.slice(0, existing)));
  }
  if (realBase === undefined) throw new Error(`The repository folder cannot be read: ${root}.`);
  const real = join(realBase, ...parts.slice(existing));
  if (!isWithin(root, real)) throw new OutsideRootError(real);
  const isComplete = existing === parts.length;
  return {
    real,
    lexical,
    exists: isComplete,
    existingDir: toPosix(relative(root, realBase)),
    missingName: isComplete ? undefined : parts[existing],
  };
}

async function realpathOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    return undefined;
  }
}

/** lstat, so that a dangling symlink also counts as there: the one "does this path exist" of the project. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Lexical containment of one absolute path in another (equal counts): the one containment test of the project. */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

export function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}
