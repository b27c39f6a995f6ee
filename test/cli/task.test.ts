import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { resolveTask } from "../../src/cli/task.js";
import { InterruptedError, UsageError } from "../../src/errors.js";

const ended = (text: string) => {
  const stream = new PassThrough();
  stream.end(text);
  return stream;
};

describe("resolveTask", () => {
  it("joins the words with spaces", async () => {
    expect(await resolveTask(["add", "a", "NOT NULL", "column"], ended(""), new AbortController().signal)).toBe("add a NOT NULL column");
  });

  it("reads the whole of standard input for a lone -, trimmed", async () => {
    expect(await resolveTask(["-"], ended("  rename users.email\n"), new AbortController().signal)).toBe("rename users.email");
  });

  it("is a usage error when there are no words, or standard input is blank", async () => {
    await expect(resolveTask([], ended(""), new AbortController().signal)).rejects.toBeInstanceOf(UsageError);
    await expect(resolveTask(["-"], ended(" \n"), new AbortController().signal)).rejects.toThrow(/Standard input held no task/);
  });

  it("stops waiting for standard input when the run is interrupted", async () => {
    const controller = new AbortController();
    const waiting = resolveTask(["-"], new PassThrough(), controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(InterruptedError);
  });
});
