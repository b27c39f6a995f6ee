import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";

/** The repository as an absolute path (not yet through realpath), or a UsageError when it is not a folder. */
export async function existingRepoFolder(repo: string): Promise<string> {
  const given = resolve(repo);
  const info = await stat(given).catch(() => undefined);
  if (!info) throw new UsageError(`The repository ${repo} does not exist.`);
  if (!info.isDirectory()) throw new UsageError(`The repository ${repo} is not a folder.`);
  return given;
}
