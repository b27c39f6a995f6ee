import { describe, expect, it } from "vitest";
import type { Operation } from "../../src/model/operations.js";
import { applyOperation } from "../../src/model/replay.js";
import { emptySchema, findColumn, findTable, indexesOn, referencing, type Schema } from "../../src/model/schema.js";
import { renameIdentifier } from "../../src/model/rename-identifier.js";

const at = (line: number, path = "db/migrate/1.rb") => ({ path, line });

function replay(...ops: Operation[]): Schema {
  const schema = emptySchema("postgres");
  for (const op of ops) applyOperation(schema, op);
  return schema;
}

const createUsers: Operation = {
  kind: "create_table",
  table: "users",
  columns: [
    { name: "id", type: "bigint", nullable: null, primaryKey: true },
    { name: "email", type: "character varying", nullable: false, default: { kind: "literal", value: "" } },
    { name: "deleted_at", type: "timestamp", nullable: true },
  ],
  constraints: [],
  source: at(3),
};

describe("replay", () => {
  it("reads a column whose NOT NULL a later migration dropped as nullable, citing that migration", () => {
    const schema = replay(createUsers, { kind: "set_nullable", table: "users", column: "email", nullable: true, source: at(5, "db/migrate/2.rb") });
    const email = findColumn(findTable(schema, "users")!, "email")!;
    expect(email.nullable).toEqual({ value: true, source: at(5, "db/migrate/2.rb") });
    expect(email.type?.source).toEqual(at(3));
    expect(findTable(schema, "users")!.history).toEqual([at(3), at(5, "db/migrate/2.rb")]);
  });

  it("keeps a primary key column NOT NULL and leaves an unstated nullability unknown", () => {
    const schema = replay({ ...createUsers, columns: [...(createUsers as { columns: [] }).columns, { name: "bio", type: null, nullable: null }] } as Operation);
    const users = findTable(schema, "users")!;
    expect(findColumn(users, "id")!.nullable?.value).toBe(false);
    expect(findColumn(users, "bio")!.nullable).toBeUndefined();
    expect(findColumn(users, "bio")!.type).toBeUndefined();
  });

  it("carries a functional index through a column rename, rewriting its expression", () => {
    const schema = replay(
      createUsers,
      {
        kind: "create_index",
        concurrently: true,
        index: { name: "index_users_on_lower_email", table: "users", keys: [{ expression: "lower(email)", columns: ["email"] }], unique: true, method: null, where: null, whereColumns: [], include: [] },
        source: at(4),
      },
      { kind: "rename_column", table: "users", column: "email", to: "email_address", source: at(9) },
    );
    const [index] = indexesOn(findTable(schema, "users")!, "email_address");
    expect(index?.keys[0]).toEqual({ expression: "lower(email_address)", columns: ["email_address"] });
    expect(index?.unique).toBe(true);
  });

  it("does not count a column named only in a partial index's WHERE as indexed, and drops that index with the column", () => {
    const partial: Operation = {
      kind: "create_index",
      concurrently: false,
      index: { name: "active_email", table: "users", keys: [{ column: "email", columns: ["email"] }], unique: true, method: null, where: "deleted_at IS NULL", whereColumns: ["deleted_at"], include: [] },
      source: at(4),
    };
    let schema = replay(createUsers, partial);
    expect(indexesOn(findTable(schema, "users")!, "deleted_at")).toEqual([]);
    schema = replay(createUsers, partial, { kind: "drop_column", table: "users", column: "deleted_at", source: at(7) });
    expect(findTable(schema, "users")!.indexes).toEqual([]);
  });

  it("follows a table rename into the foreign keys that point at it, and a drop removes them", () => {
    const posts: Operation = {
      kind: "create_table",
      table: "posts",
      columns: [{ name: "id", type: "bigint", nullable: false, primaryKey: true }, { name: "user_id", type: "bigint", nullable: false }],
      constraints: [{ kind: "foreign_key", name: "fk_posts_user", columns: ["user_id"], refTable: "users", refColumns: ["id"], onDelete: "cascade", onUpdate: null }],
      source: at(2, "db/migrate/p.rb"),
    };
    let schema = replay(createUsers, posts, { kind: "rename_table", table: "users", to: "accounts", source: at(1, "db/migrate/r.rb") });
    expect(referencing(schema, "accounts").map((fk) => fk.name)).toEqual(["fk_posts_user"]);
    schema = replay(createUsers, posts, { kind: "drop_table", table: "users", source: at(1, "db/migrate/d.rb") });
    expect(findTable(schema, "posts")!.foreignKeys).toEqual([]);
  });

  it("marks a constraint added NOT VALID as validated only after VALIDATE", () => {
    const schema = replay(
      createUsers,
      { kind: "add_constraint", table: "users", constraint: { kind: "check", name: "email_nn", expression: "email IS NOT NULL", columns: ["email"] }, notValid: true, source: at(4) },
    );
    expect(findTable(schema, "users")!.checks[0]!.validated).toBe(false);
    applyOperation(schema, { kind: "validate_constraint", table: "users", name: "email_nn", source: at(5) });
    expect(findTable(schema, "users")!.checks[0]!.validated).toBe(true);
  });

  it("replaces the whole definition on a MySQL MODIFY, so a default it leaves out is gone", () => {
    const schema = replay(createUsers, { kind: "redefine_column", table: "users", column: "email", spec: { name: "email", type: "varchar(320)", nullable: false }, source: at(6) });
    const email = findColumn(findTable(schema, "users")!, "email")!;
    expect(email.type?.value).toBe("varchar(320)");
    expect(email.default).toEqual({ value: null, source: at(6) });
  });
});

describe("renameIdentifier", () => {
  it.each([
    ["lower(email)", "lower(email_address)"],
    ['lower("email")', 'lower("email_address")'],
    ["email <> 'email'", "email_address <> 'email'"],
    ["other.email = email", "other.email = email_address"],
    ["emails = 1", "emails = 1"],
  ])("%s", (sql, expected) => {
    expect(renameIdentifier(sql, "email", "email_address")).toBe(expected);
  });
});

describe("replay of SQL-only forms", () => {
  it("gives ADD CONSTRAINT … USING INDEX the index's columns and renames the index after the constraint", () => {
    const schema = replay(
      createUsers,
      { kind: "create_index", index: { name: "users_email_idx", table: "users", keys: [{ column: "email", columns: ["email"] }], unique: true, method: null, where: null, whereColumns: [], include: [] }, concurrently: true, source: at(4) },
      { kind: "add_constraint", table: "users", constraint: { kind: "unique", name: "users_email_key", columns: [] }, notValid: false, usingIndex: "users_email_idx", source: at(5) },
    );
    const users = findTable(schema, "users")!;
    expect(users.uniques).toEqual([{ name: "users_email_key", columns: ["email"], source: at(5) }]);
    expect(users.indexes.map((i) => i.name)).toEqual(["users_email_key"]);
  });

  it("renames a constraint and the index behind it; MySQL's DROP PRIMARY KEY drops an unnamed primary key", () => {
    const schema = replay(
      createUsers,
      { kind: "add_constraint", table: "users", constraint: { kind: "check", name: "a", expression: "id > 0", columns: ["id"] }, notValid: false, source: at(4) },
      { kind: "rename_constraint", table: "users", name: "a", to: "b", source: at(5) },
      { kind: "drop_constraint", table: "users", name: "PRIMARY", source: at(6) },
    );
    const users = findTable(schema, "users")!;
    expect(users.checks.map((c) => c.name)).toEqual(["b"]);
    expect(users.primaryKey).toBeNull();
  });
});

describe("replay types a default by its column", () => {
  it("reads SET DEFAULT '0' on an integer column as 0 and 'f' on a boolean as false", () => {
    const schema = replay(
      { ...createUsers, columns: [{ name: "n", type: "integer", nullable: true }, { name: "ok", type: "boolean", nullable: true }] } as Operation,
      { kind: "set_default", table: "users", column: "n", default: { kind: "literal", value: "0" }, source: at(4) },
      { kind: "set_default", table: "users", column: "ok", default: { kind: "literal", value: "f" }, source: at(5) },
    );
    const users = findTable(schema, "users")!;
    expect(findColumn(users, "n")!.default?.value).toEqual({ kind: "literal", value: 0 });
    expect(findColumn(users, "ok")!.default?.value).toEqual({ kind: "literal", value: false });
  });
});
