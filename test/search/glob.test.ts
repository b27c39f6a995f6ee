import { describe, expect, it } from "vitest";
import { compileGlob, expandBraces } from "../../src/search/glob.js";

describe("compileGlob (ripgrep --glob semantics)", () => {
  it.each([
    ["*.rb", "app/models/user.rb", true],
    ["*.rb", "user.rb", true],
    ["*.rb", "user.rbx", false],
    ["db/migrate/*.rb", "db/migrate/1_x.rb", true],
    ["db/migrate/*.rb", "db/migrate/sub/1_x.rb", false],
    ["db/migrate/*.rb", "other/db/migrate/1_x.rb", false],
    ["/Gemfile", "Gemfile", true],
    ["/Gemfile", "sub/Gemfile", false],
    ["**/*.sql", "a.sql", true],
    ["**/*.sql", "a/b/c.sql", true],
    ["db/**", "db/a/b.rb", true],
    ["db/**", "dbx/a.rb", false],
    ["a/**/b.txt", "a/b.txt", true],
    ["a/**/b.txt", "a/x/y/b.txt", true],
    ["*.{ts,tsx}", "src/app.tsx", true],
    ["*.{ts,tsx}", "src/app.js", false],
    ["file?.txt", "file1.txt", true],
    ["file?.txt", "file10.txt", false],
    ["[a-c]*.md", "b.md", true],
    ["[!a-c]*.md", "b.md", false],
    ["*", "any/thing.x", true],
    ["a+b(1).txt", "a+b(1).txt", true],
  ])("%s against %s is %s", (pattern, path, expected) => {
    expect(compileGlob(pattern)(path)).toBe(expected);
  });

  it("expands nested braces and leaves an unclosed brace literal", () => {
    expect(expandBraces("a{b,c{d,e}}f")).toEqual(["abf", "acdf", "acef"]);
    expect(expandBraces("a{b")).toEqual(["a{b"]);
  });
});
