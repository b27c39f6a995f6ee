import { describe, expect, it } from "vitest";
import type { Operation } from "../../../src/model/operations.js";
import { applyOperation } from "../../../src/model/replay.js";
import { emptySchema, findTable } from "../../../src/model/schema.js";
import { hasPlaceholder } from "../../../src/sql/literal.js";
import { renderOperation } from "../../../src/sql/render/operation.js";
import { renderCreateTable } from "../../../src/sql/render/table.js";

const source = { path: "m.sql", line: 1 };

describe("renderers", () => {
  it("quote what each database would fold or refuse, and nothing else", () => {
    const op: Operation = { kind: "rename_column", table: "User", column: "order", to: "email_address", source };
    expect(renderOperation(op, "postgres")).toEqual(['ALTER TABLE "User" RENAME COLUMN "order" TO email_address']);
    expect(renderOperation(op, "mysql")).toEqual(["ALTER TABLE User RENAME COLUMN `order` TO email_address"]);
    expect(renderOperation(op, "sqlite")).toEqual(['ALTER TABLE User RENAME COLUMN "order" TO email_address']);
  });

  it("type a literal default by its column: a string stays a string ('0)'), '0' into an integer is 0, a boolean into a boolean is false", () => {
    const add = (type: string, value: string | number | boolean): Operation => ({
      kind: "add_column", table: "t", column: { name: "c", type, nullable: false, default: { kind: "literal", value } }, source,
    });
    expect(renderOperation(add("varchar(10)", "0)"), "mysql")).toEqual(["ALTER TABLE t ADD COLUMN c varchar(10) NOT NULL DEFAULT '0)'"]);
    expect(renderOperation(add("int", "0"), "mysql")).toEqual(["ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0"]);
    expect(renderOperation(add("boolean", "f"), "postgres")).toEqual(["ALTER TABLE t ADD COLUMN c boolean NOT NULL DEFAULT false"]);
    expect(renderOperation(add("tinyint(1)", true), "mysql")).toEqual(["ALTER TABLE t ADD COLUMN c tinyint(1) NOT NULL DEFAULT 1"]);
    expect(renderOperation(add("text", ""), "postgres")).toEqual(["ALTER TABLE t ADD COLUMN c text NOT NULL DEFAULT ''"]);
  });

  it("write a boolean default that does not fit a text column as a placeholder, not into the column", () => {
    const [sql] = renderOperation({ kind: "add_column", table: "t", column: { name: "c", type: "text", nullable: true, default: { kind: "literal", value: false } }, source }, "postgres");
    expect(hasPlaceholder(sql!)).toBe(true);
    expect(sql).toContain("default false does not fit the text column t.c");
  });

  it("write an unknown type or nullability as a visible placeholder, never text or NOT NULL", () => {
    const [sql] = renderOperation({ kind: "add_column", table: "users", column: { name: "email", type: null, nullable: null }, source }, "postgres");
    expect(sql).toBe("ALTER TABLE users ADD COLUMN email <UNKNOWN: type of users.email> <UNKNOWN: NULL or NOT NULL for users.email>");
  });

  it("type a SET DEFAULT by the column the schema holds", () => {
    const schema = emptySchema("postgres");
    applyOperation(schema, { kind: "create_table", table: "t", columns: [{ name: "flag", type: "boolean", nullable: false }], constraints: [], source });
    expect(renderOperation({ kind: "set_default", table: "t", column: "flag", default: { kind: "literal", value: "0" }, source }, "postgres", { schema })).toEqual([
      "ALTER TABLE t ALTER COLUMN flag SET DEFAULT false",
    ]);
  });

  it("restate a MySQL column whole from the schema to change its nullability, or show what is missing", () => {
    const schema = emptySchema("mysql");
    applyOperation(schema, { kind: "create_table", table: "t", columns: [{ name: "n", type: "int", nullable: false, default: { kind: "literal", value: 0 } }], constraints: [], source });
    const op: Operation = { kind: "set_nullable", table: "t", column: "n", nullable: true, source };
    expect(renderOperation(op, "mysql", { schema })).toEqual(["ALTER TABLE t MODIFY COLUMN n int NULL DEFAULT 0"]);
    expect(hasPlaceholder(renderOperation(op, "mysql")[0]!)).toBe(true);
  });

  it("split a PostgreSQL redefinition into one statement per change", () => {
    const op: Operation = { kind: "redefine_column", table: "t", column: "a", to: "b", spec: { name: "b", type: "bigint", nullable: false, default: null }, source };
    expect(renderOperation(op, "postgres")).toEqual([
      "ALTER TABLE t RENAME COLUMN a TO b",
      "ALTER TABLE t ALTER COLUMN b TYPE bigint",
      "ALTER TABLE t ALTER COLUMN b SET NOT NULL",
      "ALTER TABLE t ALTER COLUMN b DROP DEFAULT",
    ]);
  });

  it("render a whole table: CREATE TABLE, its indexes, its foreign keys apart (inline on SQLite)", () => {
    const schema = emptySchema("postgres");
    applyOperation(schema, {
      kind: "create_table", table: "users",
      columns: [{ name: "id", type: "integer", nullable: false, primaryKey: true, identity: "auto_increment" }, { name: "org_id", type: "integer", nullable: true, references: { table: "orgs", columns: ["id"], onDelete: "cascade", onUpdate: null } }],
      constraints: [], source,
    });
    applyOperation(schema, {
      kind: "create_index", index: { name: "users_org", table: "users", keys: [{ column: "org_id", columns: ["org_id"] }], unique: false, method: null, where: "org_id IS NOT NULL", whereColumns: ["org_id"], include: [] }, concurrently: false, source,
    });
    const users = findTable(schema, "users")!;
    expect(renderCreateTable(users, "postgres")).toEqual({
      createTable: "CREATE TABLE users (\n  id integer NOT NULL GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n  org_id integer\n)",
      indexes: ["CREATE INDEX users_org ON users (org_id) WHERE org_id IS NOT NULL"],
      foreignKeys: ["ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE"],
    });
    expect(renderCreateTable(users, "sqlite")).toEqual({
      createTable: "CREATE TABLE users (\n  id integer NOT NULL PRIMARY KEY AUTOINCREMENT,\n  org_id integer,\n  FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE\n)",
      indexes: ["CREATE INDEX users_org ON users (org_id) WHERE org_id IS NOT NULL"],
      foreignKeys: [],
    });
  });
});
