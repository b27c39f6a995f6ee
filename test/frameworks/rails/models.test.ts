import { describe, expect, it } from "vitest";
import { railsReader } from "../../../src/frameworks/rails/reader.js";
import { filesIn, fixtureContext } from "../fixture-app.js";

describe("Rails models", () => {
  it("maps each model to its table: the convention, self.table_name, a subclass's parent table, alias_attribute", async () => {
    const models = await railsReader.readModels!(filesIn("rails", "app/models"), fixtureContext("rails", "postgres"));
    expect(models.map((m) => [m.model, m.table])).toEqual([
      ["Admin", "users"],
      ["Archive::LegacyOrder", "orders_archive"],
      ["Product", "products"],
      ["User", "users"],
    ]);
    expect(models.find((m) => m.model === "User")).toMatchObject({ fields: { full_name: "name" }, source: { path: "app/models/user.rb", line: 1 } });
  });
});
