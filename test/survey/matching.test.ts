import { describe, expect, it } from "vitest";
import { literalTail, matching } from "../../src/survey/frameworks/common.js";
import { repoFromList } from "../../src/survey/repo-view.js";

describe("the literal tail a path pattern must end with", () => {
  it.each([
    [/(^|\/)package\.json$/, "package.json"],
    [/(^|\/)db\/(\w+_)?migrate\/\d+_\w+\.rb$/, ".rb"],
    [/x?abc$/, "abc"],
    [/[ab]c-d$/, "c-d"],
  ])("%s ends with %j", (pattern, tail) => {
    expect(literalTail(pattern)).toBe(tail);
  });

  it.each([
    /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/, /(^|\/)Gemfile(\.lock)?$/, /\w\.rb$/, /a|bc$/,
    /(^|\/)settings(\/\w+)?\.py$|(^|\/)settings\.py$/, /gemfile$/i, /end$/m, /x+$/,
  ])("%s has none it can be sure of", (pattern) => {
    expect(literalTail(pattern)).toBe("");
  });

  it("gives the same files as testing every path", () => {
    const files = ["Gemfile", "a/Gemfile.lock", "db/migrate/1_a.rb", "b.rb", "c.bc", "pkg/package.json", "a", "x/settings.py"];
    const repo = repoFromList("/nowhere", files);
    for (const pattern of [/(^|\/)Gemfile(\.lock)?$/, /(^|\/)db\/(\w+_)?migrate\/\d+_\w+\.rb$/, /a|bc$/, /(^|\/)package\.json$/, /\.rb$/, /settings\.py$|Gemfile$/]) {
      expect(matching(repo, pattern)).toEqual(files.filter((file) => pattern.test(file)));
    }
  });
});
