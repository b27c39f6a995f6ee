import { describe, expect, it } from "vitest";
import { binaryCompatible } from "../../src/rules/binary-compatible.js";
import { majorVersion, ruleById, rulesFor } from "../../src/rules/select.js";
import { rules } from "../../src/rules/table.js";

describe("the rule table", () => {
  it("holds the 37 rules of rules.md, numbered 1 to 37 once each, each with why and a safe pattern", () => {
    expect(rules.map((r) => r.id)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    for (const rule of rules) {
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.why.length).toBeGreaterThan(10);
      expect(rule.safe.length).toBeGreaterThan(5);
      expect(rule.knownAs.length).toBeGreaterThan(1);
      expect(rule.databases.length).toBeGreaterThan(0);
    }
  });

  it("gives a Postgres index the concurrency rules, and MySQL none of them", () => {
    const pg = rulesFor("add_index", "postgres", "16").map((r) => r.id);
    expect(pg).toEqual(expect.arrayContaining([12, 14, 15, 24]));
    const mysql = rulesFor("add_index", "mysql", "8.0").map((r) => r.id);
    expect(mysql).not.toContain(12);
    expect(mysql).toContain(34);
  });

  it("treats MariaDB as MySQL and gives SQLite the rebuild rule", () => {
    expect(rulesFor("add_index", "mariadb", "10.11").map((r) => r.id)).toContain(34);
    expect(rulesFor("add_not_null", "sqlite", null).map((r) => r.id)).toContain(35);
    expect(rulesFor("add_not_null", "sqlite", null).map((r) => r.id)).not.toContain(6);
  });

  it("applies the constant-default rule only below Postgres 11, and keeps it when the version is unknown", () => {
    expect(rulesFor("add_column", "postgres", "10").map((r) => r.id)).toContain(9);
    expect(rulesFor("add_column", "postgres", "16").map((r) => r.id)).not.toContain(9);
    expect(rulesFor("add_column", "postgres", null).map((r) => r.id)).toContain(9);
  });

  it("gives an unknown engine every rule of the operation", () => {
    const ids = rulesFor("add_not_null", "unknown", null).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([6, 25, 35]));
  });

  it("reads major versions from the forms repos write", () => {
    expect(majorVersion("16")).toBe(16);
    expect(majorVersion("14.2")).toBe(14);
    expect(majorVersion("v8.0")).toBe(8);
    expect(majorVersion(null)).toBeNull();
    expect(majorVersion("latest")).toBeNull();
  });

  it("finds a rule by id and refuses one that does not exist", () => {
    expect(ruleById(12).title).toMatch(/concurrently/i);
    expect(() => ruleById(99)).toThrow(/No rule 99/);
  });
});

describe("binary-compatible type changes (rule 4)", () => {
  it.each([
    ["string", "text", true], ["varchar(100)", "varchar(200)", true], ["varchar(200)", "varchar(100)", false],
    ["models.EmailField(max_length=254)", "text", true], ["numeric(10,2)", "numeric(12,2)", true],
    ["numeric(10,2)", "numeric(12,3)", false], ["integer", "bigint", false], ["string", "integer", false],
  ] as const)("%s → %s is %s", (from, to, expected) => {
    expect(binaryCompatible(from, to)).toBe(expected);
  });
});
