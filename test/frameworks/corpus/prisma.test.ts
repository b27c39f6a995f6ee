import { beforeAll, describe, expect, it } from "vitest";
import { prismaReader } from "../../../src/frameworks/prisma/reader.js";
import type { ModelMapping, SnapshotRead } from "../../../src/frameworks/reader.js";
import { checkColumn, corpusApp, expr, lit, tableOf, type ColumnFact } from "../corpus-app.js";
import { folderContext } from "../fixture-context.js";

const uuid = "uuid";
const tz6 = "timestamp(6) with time zone";
const vc = (n: number) => `character varying(${n})`;

const umami = corpusApp("umami");
describe.skipIf(!umami)("corpus: umami (Prisma on PostgreSQL)", () => {
  let read: SnapshotRead;
  let models: ModelMapping[];
  beforeAll(async () => {
    read = (await prismaReader.readSnapshot!(["prisma/schema.prisma"], folderContext(umami!, null)))!;
    models = await prismaReader.readModels!(["prisma/schema.prisma"], folderContext(umami!, null));
  });

  // Hand-read in prisma/schema.prisma; the names checked against prisma/migrations/*/migration.sql.
  const facts: ColumnFact[] = [
    ["user", "user_id", uuid, false, null],
    ["user", "username", vc(255), false, null],
    ["user", "logo_url", vc(2183), true, null],
    ["user", "created_at", tz6, true, expr("CURRENT_TIMESTAMP")],
    ["session", "country", "character(2)", true, null],
    ["session", "website_id", uuid, false, null],
    ["website", "domain", vc(500), true, null],
    ["website", "replay_enabled", "boolean", false, lit(false)],
    ["website", "replay_config", "jsonb", true, null],
    ["website_event", "url_path", vc(500), false, null],
    ["website_event", "event_type", "integer", false, lit(1)],
    ["website_event", "li_fat_id", vc(255), true, null],
    ["website_event", "cls", "numeric(10,4)", true, null],
    ["event_data", "number_value", "numeric(19,4)", true, null],
    ["event_data", "data_type", "integer", false, null],
    ["session_data", "distinct_id", vc(50), true, null],
    ["team", "access_code", vc(50), true, null],
    ["team_user", "role", vc(50), false, null],
    ["report", "parameters", "jsonb", false, null],
    ["segment", "name", vc(200), false, null],
    ["revenue", "currency", vc(10), false, null],
  ];
  it.each(facts)("%s.%s", (...fact) => checkColumn(read.schema, fact as ColumnFact));

  it("names each table by @@map, or the model name as is, and keeps Prisma's index names", () => {
    expect(read.unreadable).toEqual([]);
    expect(read.schema.dialect).toBe("postgres");
    expect(models.find((m) => m.model === "User")).toMatchObject({ table: "user", fields: { id: "user_id", logoUrl: "logo_url" } });
    expect(tableOf(read.schema, "user").indexes.map((i) => i.name)).toEqual(["user_username_key"]);
    expect(tableOf(read.schema, "session").indexes.map((i) => i.name)).toContain("session_website_id_created_at_idx");
    expect(tableOf(read.schema, "website_event").indexes.find((i) => i.name === "website_event_website_id_created_at_url_path_idx")?.keys.map((k) => k.column)).toEqual(["website_id", "created_at", "url_path"]);
  });

  it("creates no foreign keys under relationMode = \"prisma\"", () => {
    expect([...read.schema.tables.values()].flatMap((t) => t.foreignKeys)).toEqual([]);
  });
});
