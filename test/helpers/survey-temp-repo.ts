import { afterEach } from "vitest";
import { survey } from "../../src/survey/index.js";
import type { Survey } from "../../src/survey/types.js";
import { makeTempRepo } from "./temp-repo.js";

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
    const repo = await makeTempRepo(files, { prefix: "survey-" });
    cleanups.push(repo.cleanup);
    return survey(repo.root, task);
  };
}
