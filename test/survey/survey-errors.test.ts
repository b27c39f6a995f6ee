import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InterruptedError, UsageError } from "../../src/errors.js";
import { survey } from "../../src/survey/index.js";

const RAILS = join(import.meta.dirname, "../fixtures/apps/rails");

describe("survey errors", () => {
  it("stops with an InterruptedError when its signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(survey(RAILS, "rename users.email", { signal: controller.signal })).rejects.toBeInstanceOf(InterruptedError);
  });

  it("says plainly when the repository is missing or not a folder, as a run does", async () => {
    const missing = join(RAILS, "no-such-folder");
    await expect(survey(missing, "rename users.email")).rejects.toThrow(new UsageError(`The repository ${missing} does not exist.`));
    const file = join(RAILS, "Gemfile");
    await expect(survey(file, "rename users.email")).rejects.toThrow(new UsageError(`The repository ${file} is not a folder.`));
  });

  it("surveys a task it cannot parse without failing, and says so", async () => {
    const result = await survey(RAILS, "make the app faster");
    expect(result.task.operation).toBe("unknown");
    expect(result.column).toBeNull();
    expect(result.frameworks.map((f) => f.id)).toEqual(["rails"]);
    expect(result.notes.join(" ")).toContain('"make the app faster"');
  });
});
