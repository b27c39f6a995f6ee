import { describe, expect, it } from "vitest";
import { ToolFailure } from "../../src/errors.js";
import { compilePattern, translatePattern } from "../../src/search/regex.js";

const run = (pattern: string, text: string, options = {}) => compilePattern(translatePattern(pattern, options), "s").test(text);

describe("translating ripgrep patterns for our own search", () => {
  it("turns a leading (?i) into the ignore-case flag", () => {
    expect(translatePattern("(?i)users")).toEqual({ source: "users", ignoreCase: true });
    expect(run("(?i)users", "USERS")).toBe(true);
  });

  it("translates POSIX classes, \\pL, \\x{..}, (?P<name>) and escaped punctuation", () => {
    expect(run("[[:alpha:]_]+[[:digit:]]", "ab_1")).toBe(true);
    expect(run("^[[:upper:]]", "lower")).toBe(false);
    expect(run("\\pL\\pL", "éa")).toBe(true);
    expect(run("\\x{41}", "A")).toBe(true);
    expect(run("(?P<word>abc)", "xabc")).toBe(true);
    expect(run("a\\#b\\:c", "a#b:c")).toBe(true);
    expect(run("[]x]", "]")).toBe(true);
    expect(run("a}", "a}")).toBe(true);
  });

  it("escapes everything with fixed strings and adds word boundaries", () => {
    expect(run("a.b(", "a.b(", { fixedStrings: true })).toBe(true);
    expect(run("a.b(", "axb(", { fixedStrings: true })).toBe(false);
    expect(run("user", "users", { wordBoundary: true })).toBe(false);
    expect(run("user", "the user.", { wordBoundary: true })).toBe(true);
  });

  it.each([
    ["(?=x)", /look-around/],
    ["(?<!x)y", /look-around/],
    ["(a)\\1", /backreference/],
    ["(?x) a b", /inline flag group/],
    ["(?i:a)b", /inline flag group/],
    ["[a&&b]", /class operator &&/],
    ["[[a]]", /nested character class/],
    ["\\Aabc", /\\A/],
  ])("refuses %s, naming the construct and suggesting ripgrep", (pattern, construct) => {
    const error = (() => {
      try {
        translatePattern(pattern);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ToolFailure);
    expect((error as Error).message).toMatch(construct);
    expect((error as Error).message).toMatch(/install ripgrep/);
  });

  it("reports a pattern JavaScript cannot build as one plain sentence", () => {
    expect(() => compilePattern(translatePattern("a(b"), "")).toThrow(/^Invalid regular expression: .*\.$/);
  });
});
