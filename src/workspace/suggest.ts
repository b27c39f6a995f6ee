import { readdir } from "node:fs/promises";
import { isSecretPath } from "./secret-files.js";

/**
 * A close existing name for a path the model got slightly wrong (`db/migrations` for `db/migrate`,
 * `User.rb` for `user.rb`): the entry of the deepest existing folder nearest to the first missing part.
 */
export async function suggestPath(root: string, existingDir: string, missingName: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(existingDir === "" ? root : `${root}/${existingDir}`);
  } catch {
    return undefined;
  }
  const wanted = missingName.toLowerCase();
  const limit = Math.max(2, Math.floor(missingName.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const path = existingDir === "" ? name : `${existingDir}/${name}`;
    if (name === ".git" || isSecretPath(path)) continue;
    const lower = name.toLowerCase();
    const distance = lower === wanted ? 0 : editDistance(lower, wanted);
    if ((distance <= limit || sharesStem(lower, wanted)) && (!best || distance < best.distance)) best = { name: path, distance };
  }
  return best?.name;
}

/** `migrate` for `migrations`: the same word with another ending. */
function sharesStem(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return common >= 4 && common >= 0.6 * Math.min(a.length, b.length);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
