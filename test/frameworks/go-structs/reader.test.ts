import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { goStructsReader } from "../../../src/frameworks/go-structs/reader.js";
import { gormSnake, gormTableName } from "../../../src/frameworks/go-structs/naming.js";
import { FIXTURES, folderContext, globIn } from "../fixture-context.js";

const root = join(FIXTURES, "go-app");

describe("go struct reader (names only)", () => {
  it("maps GORM structs to TableName() or GORM's plural snake_case table, fields to gorm column tags or snake_case", async () => {
    const models = await goStructsReader.readModels!(await globIn(root, "**/*.go"), folderContext(root, "postgres"));
    const byModel = Object.fromEntries(models.map((m) => [m.model, m]));
    expect(byModel.Workspace).toMatchObject({
      table: "workspaces",
      fields: { ID: "id", CreatedAt: "created_at", Slug: "slug", StripeID: "stripe_customer_id", HTTPWebhook: "http_webhook" },
    });
    expect(byModel.Workspace!.fields).not.toHaveProperty("Secret");
    expect(byModel.APIKey).toMatchObject({ table: "api_keys_v2", fields: { WorkspaceID: "workspace_id", ExpiresAt: "expires_at" } });
  });

  it("takes db tags as column names, never json tags, and gives a sqlx struct a table only where TableName() says", async () => {
    const models = await goStructsReader.readModels!(await globIn(root, "**/*.go"), folderContext(root, "postgres"));
    expect(models.map((m) => m.model).sort()).toEqual(["APIKey", "Audit", "Event", "Workspace"]);
    expect(models.find((m) => m.model === "Audit")).toMatchObject({ table: "audit_log", fields: { ID: "audit_id", Actor: "actor" } });
    expect(models.find((m) => m.model === "Event")).toMatchObject({ table: null, fields: { ID: "id", WorkspaceID: "workspace_id", Payload: "payload_json" } });
  });

  it("snake-cases with initialisms whole, as GORM does", () => {
    expect(["UserID", "HTTPStatus", "CreatedAt", "ID"].map(gormSnake)).toEqual(["user_id", "http_status", "created_at", "id"]);
    expect(gormTableName("Category")).toBe("categories");
  });
});
