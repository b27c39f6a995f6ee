import { describe, expect, it } from "vitest";
import { redactCredentials } from "../../src/survey/redact.js";

describe("redactCredentials", () => {
  it.each([
    ["postgres://app:s3cret@db:5432/shop", "postgres://app:***@db:5432/shop"],
    ['DATABASE_URL="postgresql://shop:hunter2@localhost:5432/shop?schema=public"', 'DATABASE_URL="postgresql://shop:***@localhost:5432/shop?schema=public"'],
    ["mysql2://root:p%40ss@127.0.0.1/app", "mysql2://root:***@127.0.0.1/app"],
    ["redis://:onlypassword@cache:6379", "redis://:***@cache:6379"],
    ["jdbc:postgresql://db:5432/crm?user=crm&password=topsecret", "jdbc:postgresql://db:5432/crm?user=crm&password=***"],
    ["jdbc:sqlserver://db;user=sa;password=Secret1;", "jdbc:sqlserver://db;user=sa;password=***;"],
    ["postgres://u:p@ss@host/db", "postgres://u:***@host/db"],
    ["postgres://u:ab/cd@host/db", "postgres://u:***@host/db"],
    ["url: mysql://app:a@b/c@db.internal:3306/app?ssl=true", "url: mysql://app:***@db.internal:3306/app?ssl=true"],
  ])("hides the password in %s", (input, output) => {
    expect(redactCredentials(input)).toBe(output);
  });

  it("leaves URLs without credentials alone", () => {
    const text = "postgres://localhost:5432/shop and https://example.com/a@b";
    expect(redactCredentials(text)).toBe(text);
  });
});
