import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import { survey } from "../../src/survey/index.js";
import type { Survey } from "../../src/survey/types.js";

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

/**
 * For a test file: `surveyOf(files, task)` surveys a temp repo of those files; every repo a test made is removed
 * after it. `.root` of the result reaches the repo for a second survey.
 */
export function surveyTempRepos(): (files: Record<string, string>, task: string) => Promise<Survey> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });
  return async (files, task) => {
    const repo = await surveyTempRepo(files);
    cleanups.push(repo.cleanup);
    return survey(repo.root, task);
  };
}
