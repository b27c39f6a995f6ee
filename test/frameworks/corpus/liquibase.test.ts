import { beforeAll, describe, expect, it } from "vitest";
import { jpaReader } from "../../../src/frameworks/jpa/reader.js";
import { liquibaseReader } from "../../../src/frameworks/liquibase/reader.js";
import type { MigrationsRead, ModelMapping } from "../../../src/frameworks/reader.js";
import { findColumn, findTable, type Schema } from "../../../src/model/schema.js";
import { checkColumn, corpusApp, lit, tableOf, type ColumnFact } from "../corpus-app.js";
import { folderContext, globIn, replayed } from "../fixture-context.js";

const base = "api/src/main/resources/org/openmrs/liquibase/";
const changelogs = [
  `${base}snapshots/schema-only/liquibase-schema-only-2.9.x.xml`,
  `${base}updates/liquibase-update-to-latest-2.9.x.xml`,
  `${base}updates/liquibase-update-to-latest-3.0.x.xml`,
];

const openmrs = corpusApp("openmrs-core");
describe.skipIf(!openmrs)("corpus: openmrs-core (Liquibase XML on MySQL; JPA entities for names)", () => {
  let read: MigrationsRead;
  let schema: Schema;
  let entities: ModelMapping[];
  beforeAll(async () => {
    const context = folderContext(openmrs!, "mysql");
    read = await liquibaseReader.readMigrations(changelogs, context);
    schema = replayed(read.migrations, "mysql");
    entities = await jpaReader.readModels!(await globIn(openmrs!, "api/src/main/java/**/*.java"), context);
  });

  // Hand-read in the 2.9.x schema snapshot changelog and the 2.9.x/3.0.x update changelogs.
  const facts: ColumnFact[] = [
    ["users", "user_id", "int", false],
    ["users", "system_id", "varchar(50)", false, null],
    ["users", "username", "varchar(50)", true, null],
    ["users", "retired", "bit(1)", false, lit(false)],
    ["users", "changed_by", "int", true, lit(null)],
    ["person", "birthdate", "date", true, lit(null)],
    ["person", "gender", "varchar(50)", true, null],
    ["patient", "allergy_status", "varchar(50)", false, lit("Unknown")],
    ["encounter", "encounter_datetime", "datetime", false, null],
    ["encounter", "uuid", "char(38)", false, null],
    ["concept", "datatype_id", "int", false, lit(0)],
    ["concept", "description", "text", true, null],
    ["obs", "value_numeric", "double", true, lit(null)],
    ["obs", "status", "varchar(16)", false, lit("FINAL")],
    ["visit", "date_started", "datetime", false, null],
    ["location", "name", "varchar(255)", false, null],
    ["orders", "encounter_id", "int", false, null],
    // Added by the 3.0.x updates (TRUNK-5881, TRUNK-5749, TRUNK-5852, TRUNK-5902).
    ["orders", "date_changed", "datetime", true, null],
    ["drug", "description", "varchar(255)", true, null],
    ["provider", "description", "varchar(255)", true, null],
    ["cohort_member", "changed_by", "int", true, null],
  ];
  it.each(facts)("%s.%s", (...fact) => checkColumn(schema, fact as ColumnFact));

  it("reads every changeSet of the three changelogs, skipping those for PostgreSQL only, and keeps preconditions as conditions", () => {
    expect(read.unreadable).toEqual([]);
    expect(read.migrations.length).toBeGreaterThan(1000);
    expect(read.migrations.some((m) => m.version === "20200604-soundex_extension::aman")).toBe(false);
    const guarded = read.migrations.find((m) => m.version === "TRUNK-5852-2026-02-23::Deborah Nakamatte");
    expect(guarded?.conditions).toEqual(["precondition: preConditions(onFail=MARK_RAN, onError=WARN) [not [columnExists(tableName=provider, columnName=description)]]"]);
  });

  it("reads the unique constraints and foreign keys with their actions", () => {
    expect(tableOf(schema, "users").uniques.map((u) => u.columns)).toContainEqual(["email"]);
    expect(tableOf(schema, "users").foreignKeys.find((f) => f.name === "user_who_changed_user")).toMatchObject({ refTable: "users", refColumns: ["user_id"], onDelete: "cascade" });
  });

  it("finds every JPA @Table/@Column name in the Liquibase schema, but Envers' revision_entity (Envers is off by default)", () => {
    const missing: string[] = [];
    for (const entity of entities) {
      const table = findTable(schema, entity.table);
      if (!table) missing.push(entity.table);
      else for (const column of Object.values(entity.fields)) if (!findColumn(table, column)) missing.push(`${entity.table}.${column}`);
    }
    expect(entities.length).toBe(86);
    expect(missing).toEqual(["revision_entity"]);
  });
});
