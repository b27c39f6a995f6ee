import { describe, expect, it } from "vitest";
import { readSql } from "../../src/sql/read.js";
import { loadPostgres } from "../../src/sql/postgres/parser.js";

describe("readSql (the entry the framework readers call for embedded SQL)", () => {
  it("returns the typed operations of SQL embedded at a line of a framework file", async () => {
    const ops = await readSql("\n  ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\n", "postgres", { path: "db/migrate/20240101_fk.rb", line: 4 });
    expect(ops).toMatchObject([{ kind: "add_constraint", notValid: true, source: { path: "db/migrate/20240101_fk.rb", line: 5 }, call: "ALTER TABLE" }]);
  });

  it("returns nothing for blank text, and reads an unknown dialect with PostgreSQL's parser", async () => {
    expect(await readSql("  \n", "mysql", { path: "a.sql", line: 1 })).toEqual([]);
    expect((await readSql("DROP INDEX CONCURRENTLY ix", null, { path: "a.sql", line: 1 }))[0]).toMatchObject({ kind: "drop_index", concurrently: true });
  });

  it("loads PostgreSQL's parser once, however many readers ask", () => {
    expect(loadPostgres()).toBe(loadPostgres());
  });
});
