import { describe, expect, it } from "vitest";
import { ectoReader } from "../../../src/frameworks/ecto/reader.js";
import { fixtureContext } from "../fixture-app.js";

describe("Ecto schemas", () => {
  it("maps each schema to its table, fields to their source columns, belongs_to to <name>_id", async () => {
    const models = await ectoReader.readModels!(["lib/shop/accounts/user.ex", "lib/shop/site.ex"], fixtureContext("ecto", "postgres"));
    expect(models).toEqual([
      {
        model: "Shop.Accounts.User",
        table: "users",
        fields: { email: "email", name: "name", role: "role", about: "about", display_email: "email", inserted_at: "inserted_at", updated_at: "updated_at" },
        source: { path: "lib/shop/accounts/user.ex", line: 4 },
      },
      { model: "Shop.Sites.Site", table: "sites", fields: { domain: "domain", owner: "owner_id", inserted_at: "inserted_at", updated_at: "updated_at" }, source: { path: "lib/shop/site.ex", line: 5 } },
    ]);
  });
});
