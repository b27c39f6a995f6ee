import { describe, expect, it } from "vitest";
import { readSqlText } from "../../../src/sql/read.js";

const at = { path: "db/migrations/001.up.sql", line: 1 };

describe("MySQL reader (node-sql-parser's MySQL grammar)", () => {
  it("reads MODIFY and CHANGE as whole-column redefinitions with their ALGORITHM and LOCK", async () => {
    const { operations } = await readSqlText(
      "ALTER TABLE users MODIFY COLUMN email varchar(320) NULL, ALGORITHM=INPLACE, LOCK=NONE;\nALTER TABLE users CHANGE email email_address varchar(320) NOT NULL DEFAULT '';",
      "mysql",
      at,
    );
    expect(operations.map(({ source: _s, call: _c, ...op }) => op)).toEqual([
      { kind: "redefine_column", table: "users", column: "email", spec: { name: "email", type: "varchar(320)", nullable: true, default: null }, mysql: { algorithm: "INPLACE", lock: "NONE" } },
      { kind: "redefine_column", table: "users", column: "email", to: "email_address", spec: { name: "email_address", type: "varchar(320)", nullable: false, default: { kind: "literal", value: "" } } },
    ]);
    expect(operations[1]!.source.line).toBe(2);
  });

  it("reads a functional key with the column it reads, and email(20) as a prefix of email, not a call", async () => {
    const { operations } = await readSqlText("CREATE INDEX a ON users ((lower(email)));\nCREATE UNIQUE INDEX b ON users (email(20), id);", "mysql", at);
    const keys = operations.map((op) => (op.kind === "create_index" ? op.index.keys : null));
    expect(keys).toEqual([[{ expression: "lower(`email`)", columns: ["email"] }], [{ column: "email", columns: ["email"], length: 20 }, { column: "id", columns: ["id"] }]]);
  });

  it("reads CREATE TABLE's KEY lines as indexes, BOOLEAN as tinyint(1), and DEFAULT '0' on it as false", async () => {
    const { operations } = await readSqlText("CREATE TABLE `t` (id int NOT NULL AUTO_INCREMENT, ok boolean DEFAULT '0', PRIMARY KEY (id), KEY ix_ok (ok)) ENGINE=InnoDB;", "mysql", at);
    expect(operations.map((op) => op.kind)).toEqual(["create_table", "create_index"]);
    const table = operations[0]!;
    if (table.kind !== "create_table") throw new Error(table.kind);
    expect(table.columns[1]).toEqual({ name: "ok", type: "tinyint(1)", nullable: true, default: { kind: "literal", value: false } });
    expect(table.columns[0]!.identity).toBe("auto_increment");
  });

  it("reads the statements its grammar lacks by their documented grammar: ALTER COLUMN SET/DROP DEFAULT, RENAME INDEX, OPTIMIZE TABLE", async () => {
    const sql = ["ALTER TABLE t ALTER COLUMN a SET DEFAULT 'it''s'", "ALTER TABLE t ALTER a DROP DEFAULT", "ALTER TABLE t RENAME INDEX a TO b", "OPTIMIZE TABLE t"].join(";\n");
    const read = await readSqlText(sql, "mysql", at);
    expect(read.unreadable).toEqual([]);
    expect(read.operations.map(({ source: _s, call: _c, ...op }) => op)).toEqual([
      { kind: "set_default", table: "t", column: "a", default: { kind: "literal", value: "it's" } },
      { kind: "set_default", table: "t", column: "a", default: null },
      { kind: "rename_index", name: "a", to: "b", table: "t" },
      { kind: "maintenance", action: "vacuum_full", table: "t" },
    ]);
  });

  it("lists what no grammar reads as raw and unreadable, and goes on: ALTER COLUMN beside another subcommand, SET INVISIBLE", async () => {
    const sql = ["ALTER TABLE t ADD COLUMN b int, ALTER COLUMN a SET DEFAULT 0", "ALTER TABLE t ALTER COLUMN a SET INVISIBLE", "DROP TABLE t"].join(";\n");
    const read = await readSqlText(sql, "mysql", at);
    expect(read.operations.map((op) => op.kind)).toEqual(["raw", "raw", "drop_table"]);
    expect(read.unreadable.map((u) => u.line)).toEqual([1, 2]);
  });

  it("splits on a DELIMITER the mysql client sets, keeping a procedure body whole", async () => {
    const sql = "DELIMITER //\nCREATE PROCEDURE p() BEGIN UPDATE t SET a = 1; END//\nDELIMITER ;\nDROP TABLE t;";
    const read = await readSqlText(sql, "mysql", at);
    expect(read.operations.map((op) => [op.kind, op.source.line])).toEqual([["raw", 2], ["drop_table", 4]]);
  });
});
