import { beforeAll, describe, expect, it } from "vitest";
import { drizzleReader } from "../../../src/frameworks/drizzle/reader.js";
import { goStructsReader } from "../../../src/frameworks/go-structs/reader.js";
import type { ModelMapping } from "../../../src/frameworks/reader.js";
import type { Schema } from "../../../src/model/schema.js";
import { corpusApp, tableOf } from "../corpus-app.js";
import { folderContext, globIn } from "../fixture-context.js";

const flipt = corpusApp("flipt");
describe.skipIf(!flipt)("corpus: flipt (Go; names only)", () => {
  let models: ModelMapping[];
  beforeAll(async () => {
    models = await goStructsReader.readModels!(await globIn(flipt!, "**/*.go"), folderContext(flipt!, "postgres"));
  });

  it("maps no struct to a table: flipt's structs carry json and protobuf tags, which are not columns", () => {
    expect(models).toEqual([]);
  });
});

const openstatus = corpusApp("openstatus");
describe.skipIf(!openstatus)("corpus: openstatus's private-location Go service (sqlx db tags over the Drizzle schema)", () => {
  let models: ModelMapping[];
  let schema: Schema;
  beforeAll(async () => {
    const context = folderContext(openstatus!, null);
    models = await goStructsReader.readModels!(await globIn(openstatus!, "apps/private-location/**/*.go"), context);
    schema = (await drizzleReader.readSnapshot!(await globIn(openstatus!, "packages/db/src/schema/**/*.ts"), context))!.schema;
  });

  it("maps the Monitor struct's fields to the SQL names its db tags give (WorkspaceID is workspace_id), with no table guessed", () => {
    const monitor = models.find((m) => m.model === "Monitor")!;
    expect(monitor.table).toBeNull();
    expect(monitor.fields).toMatchObject({ ID: "id", WorkspaceID: "workspace_id", FollowRedirects: "follow_redirects", DegradedAfter: "degraded_after" });
    const columns = tableOf(schema, "monitor").columns.map((c) => c.name);
    expect(Object.values(monitor.fields).filter((c) => !columns.includes(c))).toEqual([]);
  });
});
