import { describe, expect, it, vi } from "vitest";
import { alembicReader } from "../../../src/frameworks/alembic/reader.js";
import { replayMigrations } from "../../../src/model/replay.js";
import { emptySchema, findColumn, findTable, indexesOn, type SqlDialect } from "../../../src/model/schema.js";
import { filesIn, fixtureContext, inlineContext } from "../fixture-app.js";

// What the reader hands the SQL reader, whatever that reader makes of it.
const sqlCalls = vi.hoisted(() => [] as unknown[][]);
vi.mock("../../../src/sql/read.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../../src/sql/read.js")>();
  return { ...actual, readSqlText: (...args: Parameters<typeof actual.readSqlText>) => (sqlCalls.push(args), actual.readSqlText(...args)) };
});

const versions = filesIn("alembic", "migrations/versions");

async function notes(dialect: SqlDialect = "postgres") {
  const read = await alembicReader.readMigrations(versions, fixtureContext("alembic", dialect));
  return { ...read, schema: replayMigrations(emptySchema(dialect), read.migrations) };
}

describe("Alembic revisions, replayed", () => {
  it("orders revisions by down_revision, not by file name", async () => {
    const { migrations } = await notes();
    expect(migrations.map((m) => m.version)).toEqual(["1a2b3c4d5e6f", "9f8e7d6c5b4a", "0c0ffee12345"]);
  });

  it("reads a column whose NOT NULL a later alter_column dropped as nullable", async () => {
    const { schema } = await notes();
    const name = findColumn(findTable(schema, "users")!, "display_name")!;
    expect(name.nullable).toEqual({ value: true, source: { path: "migrations/versions/0c0ffee12345_notes_slug_and_optional_names.py", line: 38 } });
  });

  it("types the project's own TypeDecorator by the dialect's branch, and names PostgreSQL's unnamed constraints", async () => {
    const { schema } = await notes();
    const users = findTable(schema, "users")!;
    expect(findColumn(users, "id")!).toMatchObject({ type: { value: "uuid" }, nullable: { value: false } });
    expect(users.primaryKey).toMatchObject({ name: "users_pkey", columns: ["id"] });
    const notesTable = findTable(schema, "notes")!;
    expect(findColumn(notesTable, "id")!.default?.value).toEqual({ kind: "expression", sql: "nextval('notes_id_seq'::regclass)" });
    expect(notesTable.foreignKeys).toEqual([expect.objectContaining({ name: "notes_author_id_fkey", columns: ["author_id"], refTable: "users", onDelete: "cascade" })]);
    expect(findColumn(users, "created_at")!).toMatchObject({ type: { value: "timestamp with time zone" }, default: { value: { kind: "expression", sql: "now()" } } });
  });

  it("finds the unique lower(email) index and the GIN trigram index over three columns, built in an autocommit block", async () => {
    const { schema, migrations } = await notes();
    const lower = findTable(schema, "users")!.indexes.find((i) => i.name === "ix_users_lower_email")!;
    expect(lower).toMatchObject({ unique: true, keys: [{ expression: "lower(email)", columns: ["email"] }] });
    const trgm = findTable(schema, "notes")!.indexes.find((i) => i.name === "ix_notes_search_trgm")!;
    expect(trgm.method).toBe("gin");
    expect(trgm.keys.map((k) => [k.column, k.opclass])).toEqual([["title", "gin_trgm_ops"], ["body", "gin_trgm_ops"], ["author_id", "gin_trgm_ops"]]);
    const search = migrations.find((m) => m.version === "9f8e7d6c5b4a")!;
    expect(search.up.map((op) => op.kind)).toEqual(["raw", "transaction", "create_index", "create_index", "transaction"]);
    expect(search.up.slice(1).map((op) => (op.kind === "transaction" ? op.action : op.kind === "create_index" && op.concurrently))).toEqual(["commit", true, true, "begin"]);
    expect(search.optOut).toEqual({ path: "migrations/versions/9f8e7d6c5b4a_search_indexes.py", line: 20, endLine: 35 });
  });

  it("finds the partial unique index and the composite index with the column second", async () => {
    const { schema } = await notes();
    const table = findTable(schema, "notes")!;
    expect(table.indexes.find((i) => i.name === "ix_notes_author_slug_live")).toMatchObject({ unique: true, where: "archived_at IS NULL", whereColumns: ["archived_at"] });
    expect(indexesOn(table, "archived_at")).toEqual([]);
    expect(indexesOn(table, "created_at").map((i) => i.name)).toEqual(["ix_notes_author_id"]);
  });

  it("takes the branch the dialect decides, through the file's own helper", async () => {
    const pg = await notes("postgres");
    const sqlite = await notes("sqlite");
    const alter = (m: typeof pg) => m.migrations.find((x) => x.version === "0c0ffee12345")!.up.find((op) => op.kind === "set_nullable" && op.column === "slug")!;
    expect(alter(pg).source.line).toBe(29);
    expect(alter(sqlite).source.line).toBe(27);
    expect(pg.unreadable).toEqual([]);
    expect(findColumn(findTable(sqlite.schema, "notes")!, "title")!.type?.value).toBe("VARCHAR(200)");
    expect(findColumn(findTable(sqlite.schema, "users")!, "id")!.type?.value).toBe("CHAR(32)");
  });

  it("hands op.execute's SQL to the SQL reader, and comments are not operations", async () => {
    const { migrations } = await notes();
    expect(sqlCalls).toContainEqual(["UPDATE notes SET slug = lower(replace(title, ' ', '-'))", "postgres", { path: "migrations/versions/0c0ffee12345_notes_slug_and_optional_names.py", line: 24 }]);
    expect(migrations[0]!.up.filter((op) => op.kind === "create_index").map((op) => op.kind === "create_index" && op.index.name)).toEqual(["ix_notes_author_id"]);
  });

  it("reads downgrade() as the way down", async () => {
    const { migrations } = await notes();
    expect(migrations[0]!.down).toMatchObject([{ kind: "drop_table", table: "notes" }, { kind: "drop_table", table: "users" }]);
  });
});

describe("Alembic operation shapes", () => {
  async function read(body: string, dialect: SqlDialect = "mysql") {
    const path = "migrations/versions/abc_x.py";
    const text = `import sqlalchemy as sa\nfrom alembic import op\n\nrevision = "abc"\ndown_revision = None\n\ndef upgrade():\n${body}\n`;
    const result = await alembicReader.readMigrations([path], inlineContext({ [path]: text }, dialect));
    return { ...result, schema: replayMigrations(emptySchema(dialect), result.migrations) };
  }

  it("names MySQL's unnamed foreign keys <table>_ibfk_<n> in CREATE TABLE order, so a later drop by that name finds them", async () => {
    const { schema } = await read(`    op.create_table("awards", sa.Column("id", sa.Integer(), nullable=False), sa.Column("user_id", sa.Integer()), sa.Column("team_id", sa.Integer()),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]), sa.ForeignKeyConstraint(["team_id"], ["teams.id"]), sa.PrimaryKeyConstraint("id"))
    op.drop_constraint("awards_ibfk_1", "awards", type_="foreignkey")`);
    const awards = findTable(schema, "awards")!;
    expect(awards.foreignKeys.map((f) => [f.name, f.columns])).toEqual([["awards_ibfk_2", ["team_id"]]]);
    expect(findColumn(awards, "id")!).toMatchObject({ type: { value: "int" }, identity: { value: "auto_increment" } });
    expect(findColumn(awards, "user_id")!.nullable?.value).toBe(true);
  });

  it("reads batch_alter_table operations on the batch's table, and alter_column's rename last", async () => {
    const { migrations } = await read(`    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("nick", sa.String(length=40), server_default="", nullable=False))
        batch_op.alter_column("email", new_column_name="email_address", type_=sa.String(length=320), nullable=False)
        batch_op.create_unique_constraint("uq_users_nick", ["nick"])`);
    expect(migrations[0]!.up).toMatchObject([
      { kind: "add_column", table: "users", column: { name: "nick", type: "varchar(40)", nullable: false, default: { kind: "literal", value: "" } } },
      { kind: "change_type", table: "users", column: "email", type: "varchar(320)" },
      { kind: "set_nullable", column: "email", nullable: false },
      { kind: "rename_column", column: "email", to: "email_address" },
      { kind: "add_constraint", constraint: { kind: "unique", name: "uq_users_nick", columns: ["nick"] } },
    ]);
  });

  it("lists Python that is not an operation, and a condition it cannot decide", async () => {
    const { unreadable } = await read(`    conn = op.get_bind()
    for row in conn.execute(sa.text("SELECT id FROM users")):
        pass
    if some_setting():
        op.drop_column("users", "legacy")`);
    expect(unreadable.map((u) => [u.line, u.message.split(":")[0]])).toEqual([
      [9, "Python code the reader does not type"],
      [11, "replayed as if this condition holds"],
    ]);
  });
});
