import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway repo for survey tests: files by relative path, and fixture apps copied in under a folder. */
export async function surveyTempRepo(files: Record<string, string>, apps: Record<string, string> = {}): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "survey-"));
  for (const [under, source] of Object.entries(apps)) await cp(source, join(root, under), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}
