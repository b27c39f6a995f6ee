import { describe, expect, it } from "vitest";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findTable, indexesOn } from "../../../src/model/schema.js";
import { readSqlText } from "../../../src/sql/read.js";

const at = { path: "drizzle/0003_x.sql", line: 1 };

/** Shaped like a Drizzle SQLite table rebuild (openstatus): PRAGMA, text(n) types, breakpoints, backticks. */
const REBUILD = `PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE \`__new_monitor\` (
	\`id\` integer PRIMARY KEY NOT NULL,
	\`job_type\` text(3) DEFAULT 'other' NOT NULL,
	\`active\` integer DEFAULT false,
	\`workspace_id\` integer,
	\`deleted_at\` integer,
	FOREIGN KEY (\`workspace_id\`) REFERENCES \`workspace\`(\`id\`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO \`__new_monitor\`("id", "job_type", "active", "workspace_id", "deleted_at") SELECT "id", "job_type", "active", "workspace_id", "deleted_at" FROM \`monitor\`;--> statement-breakpoint
DROP TABLE \`monitor\`;--> statement-breakpoint
ALTER TABLE \`__new_monitor\` RENAME TO \`monitor\`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX \`monitor_job\` ON \`monitor\` (\`workspace_id\`, \`job_type\`) WHERE "deleted_at" IS NULL;--> statement-breakpoint
DROP INDEX IF EXISTS \`old_idx\`;`;

describe("SQLite reader (node-sql-parser's SQLite grammar, SQLite's short statements)", () => {
  it("reads a Drizzle table rebuild statement by statement, each at its own line", async () => {
    const read = await readSqlText(REBUILD, "sqlite", at);
    expect(read.unreadable).toEqual([]);
    expect(read.operations.map((op) => [op.kind, op.source.line])).toEqual([
      ["setting", 1], ["create_table", 2], ["raw", 11], ["drop_table", 12], ["rename_table", 13], ["setting", 14], ["create_index", 15], ["drop_index", 16],
    ]);
    expect(read.operations[0]).toMatchObject({ kind: "setting", name: "foreign_keys", value: "OFF" });
  });

  it("takes the table's columns from its CREATE TABLE, as SQLite declares them, after the rebuild", async () => {
    const { operations } = await readSqlText(REBUILD, "sqlite", at);
    const schema = replayMigrations(emptySchema("sqlite"), [{ path: at.path, framework: "drizzle", version: "0003", transaction: "wrapped", up: operations, down: null }]);
    const monitor = findTable(schema, "monitor")!;
    expect(monitor.columns.map((c) => [c.name, c.type?.value, c.nullable?.value, c.default?.value])).toEqual([
      ["id", "integer", false, null],
      ["job_type", "text(3)", false, { kind: "literal", value: "other" }],
      ["active", "integer", true, { kind: "literal", value: false }],
      ["workspace_id", "integer", true, null],
      ["deleted_at", "integer", true, null],
    ]);
    expect(monitor.foreignKeys).toMatchObject([{ columns: ["workspace_id"], refTable: "workspace", onDelete: "cascade" }]);
    expect(indexesOn(monitor, "job_type").map((i) => [i.name, i.unique, i.where, i.whereColumns])).toEqual([["monitor_job", true, '"deleted_at" IS NULL', ["deleted_at"]]]);
    expect(indexesOn(monitor, "deleted_at")).toEqual([]);
  });

  it("reads WITHOUT ROWID tables, generated columns and partial expression indexes", async () => {
    const read = await readSqlText(
      "CREATE TABLE kv (k text PRIMARY KEY, v text, n int GENERATED ALWAYS AS (length(v)) VIRTUAL) WITHOUT ROWID;\nCREATE INDEX kv_lower ON kv (lower(v)) WHERE n > 0;",
      "sqlite",
      at,
    );
    expect(read.unreadable).toEqual([]);
    const [table, index] = read.operations;
    expect(table).toMatchObject({ kind: "create_table", columns: [{ name: "k", primaryKey: true }, { name: "v" }, { name: "n", generated: { expression: "length(\"v\")", stored: false } }] });
    expect(index).toMatchObject({ kind: "create_index", index: { keys: [{ expression: 'lower("v")', columns: ["v"] }], where: '"n" > 0', whereColumns: ["n"] } });
  });

  it("reads ANALYZE and a RENAME without COLUMN by SQLite's grammar", async () => {
    const read = await readSqlText("ANALYZE;\nALTER TABLE t RENAME a TO b;", "sqlite", at);
    expect(read.unreadable).toEqual([]);
    expect(read.operations).toMatchObject([{ kind: "raw", reason: "ANALYZE is not modelled" }, { kind: "rename_column", table: "t", column: "a", to: "b" }]);
  });

  it("lists what no grammar reads as raw and unreadable: [bracketed] names, libSQL's ALTER COLUMN", async () => {
    const read = await readSqlText('CREATE TABLE [api_key] ([id] INTEGER PRIMARY KEY);\nALTER TABLE `page` ALTER COLUMN "email" TO "email" text;', "sqlite", at);
    expect(read.operations.map((op) => op.kind)).toEqual(["raw", "raw"]);
    expect(read.unreadable.map((u) => u.line)).toEqual([1, 2]);
  });
});
