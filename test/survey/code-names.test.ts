import { describe, expect, it } from "vitest";
import { codeNamesFor } from "../../src/survey/names.js";
import { matchedName, searchPattern, withoutTranslationKeys } from "../../src/survey/schema/code-names.js";

describe("the names code gives a column", () => {
  const names = codeNamesFor("last_login_at");

  it.each([
    ["user.last_login_at", "last_login_at"],
    ["user.lastLoginAt = now", "lastLoginAt"],
    ["u.LastLoginAt.IsZero()", "LastLoginAt"],
    ["user.getLastLoginAt()", "getLastLoginAt"],
    ["user.setLastLoginAt(now)", "setLastLoginAt"],
    ["user.last_login_at = Time.current", "last_login_at"],
    ["user.last_login_at_changed?", "last_login_at_changed"],
    ["User.find_by_last_login_at(t)", "find_by_last_login_at"],
    ["User.objects.filter(last_login_at__gte=t)", "last_login_at__gte"],
    ["SELECT LAST_LOGIN_AT FROM users", "LAST_LOGIN_AT"],
  ])("finds %j", (line, name) => {
    expect(matchedName(line, names)).toBe(name);
  });

  it.each(["user.last_login_attempts", "previous_last_login_at_value", "lastLoginAttempt", "getLastLogin()"])("does not take %j for it", (line) => {
    expect(matchedName(line, names)).toBeNull();
  });

  it("finds a lower-case database name written in camelCase", () => {
    expect(matchedName("record.loginIp", codeNamesFor("loginip"))).toBe("loginIp");
  });

  it("adds mapped names and their accessors", () => {
    expect(matchedName("dto.getEmailAddress()", codeNamesFor("email", ["emailAddress"]))).toBe("getEmailAddress");
  });

  it("searches once for all forms, case-insensitively", () => {
    expect(searchPattern(["last_login_at"])).toBe("last_login_at|lastloginat");
    expect(searchPattern(["email", "emailAddress"])).toBe("email");
  });
});

describe("translation keys", () => {
  it.each([
    ["= t('admin.accounts.email')", ""],
    ["{{ __('users.email') }}", ""],
    ['label = _("Email")', ""],
    ["user.email + t('.title')", "email"],
  ])("%s names the column only outside the key", (line, expected) => {
    expect(matchedName(withoutTranslationKeys(line), ["email"]) ?? "").toBe(expected);
  });
});
