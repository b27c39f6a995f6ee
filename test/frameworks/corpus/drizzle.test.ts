import { beforeAll, describe, expect, it } from "vitest";
import { drizzleReader } from "../../../src/frameworks/drizzle/reader.js";
import type { SnapshotRead } from "../../../src/frameworks/reader.js";
import { indexesOn } from "../../../src/model/schema.js";
import { checkColumn, corpusApp, expr, lit, tableOf, type ColumnFact } from "../corpus-app.js";
import { folderContext, globIn } from "../fixture-context.js";

const now = expr("(strftime('%s', 'now'))");

const openstatus = corpusApp("openstatus");
describe.skipIf(!openstatus)("corpus: openstatus (Drizzle on SQLite/Turso)", () => {
  let code: SnapshotRead;
  let both: SnapshotRead;
  beforeAll(async () => {
    const context = folderContext(openstatus!, null);
    const schemaFiles = await globIn(openstatus!, "packages/db/src/schema/**/*.ts");
    code = (await drizzleReader.readSnapshot!(schemaFiles, context))!;
    both = (await drizzleReader.readSnapshot!([...schemaFiles, ...(await globIn(openstatus!, "packages/db/drizzle/meta/*_snapshot.json"))], context))!;
  });

  // Hand-read in packages/db/src/schema/**/*.ts: the SQL name is each builder's first argument.
  const facts: ColumnFact[] = [
    ["workspace", "slug", "text", false, null],
    ["workspace", "stripe_id", "text(256)", true, null],
    ["workspace", "limits", "text", false, lit("{}")],
    ["workspace", "sso_enabled", "integer", false, lit(false)],
    ["workspace", "created_at", "integer", true, now],
    ["user", "tenant_id", "text(256)", true, null],
    ["user", "email", "text", true, lit("")],
    ["user", "emailVerified", "integer", true, null],
    ["users_to_workspaces", "role", "text", false, lit("member")],
    ["page", "workspace_id", "integer", false, null],
    ["page", "slug", "text(256)", false, null],
    ["page", "force_theme", "text", false, lit("system")],
    ["page", "legacy_page", "integer", false, lit(true)],
    ["incident", "status", "text", false, lit("triage")],
    ["incident", "monitor_id", "integer", true, null],
    ["incident", "started_at", "integer", false, now],
    ["api_key", "hashed_token", "text", false, null],
    ["maintenance", "from", "integer", false, null],
    ["maintenance", "page_id", "integer", true, null],
    ["monitor_tag", "color", "text", false, null],
    ["invitation", "expires_at", "integer", false, null],
    ["invitation", "accepted_at", "integer", true, null],
  ];
  it.each(facts)("%s.%s", (...fact) => checkColumn(code.schema, fact as ColumnFact));

  it("reads all schema files, and names no column after a TypeScript property", () => {
    expect(code.unreadable).toEqual([]);
    expect(code.schema.tables.size).toBe(47);
    expect(tableOf(code.schema, "workspace").columns.map((c) => c.name)).not.toContain("stripeId");
  });

  it("reads the lower() expression indexes, a partial index, composite keys and the foreign keys' actions", () => {
    const page = tableOf(code.schema, "page");
    expect(page.indexes.find((i) => i.name === "page_lower_slug_idx")?.keys).toEqual([{ expression: 'LOWER("slug")', columns: ["slug"] }]);
    expect(indexesOn(page, "slug").map((i) => i.name)).toEqual(["page_slug_unique", "page_lower_slug_idx"]);
    const incident = tableOf(code.schema, "incident");
    expect(incident.indexes.find((i) => i.name === "incident_open_idx")).toMatchObject({ where: '"resolved_at" IS NULL', whereColumns: ["resolved_at"] });
    expect(indexesOn(incident, "resolved_at")).toEqual([]);
    expect(incident.foreignKeys.find((f) => f.columns[0] === "monitor_id")).toMatchObject({ refTable: "monitor", onDelete: "set_default" });
    expect(tableOf(code.schema, "users_to_workspaces").primaryKey?.columns).toEqual(["user_id", "workspace_id"]);
  });

  it("agrees with drizzle-kit's newest snapshot (0083) on every column's type and nullability", () => {
    expect(both.unreadable).toEqual([]);
    expect(both.schema.disagreements).toEqual([]);
    expect(tableOf(both.schema, "workspace").source.path).toBe("packages/db/drizzle/meta/0083_snapshot.json");
  });
});
