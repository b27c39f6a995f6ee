import { describe, expect, it } from "vitest";
import { laravelReader } from "../../../src/frameworks/laravel/reader.js";
import { filesIn, fixtureContext } from "../fixture-app.js";

describe("Eloquent models", () => {
  it("maps models to $table or the plural snake case of the class, through a use alias and an abstract parent", async () => {
    const models = await laravelReader.readModels!(filesIn("laravel", "app/Models"), fixtureContext("laravel", "mysql"));
    expect(models.map((m) => [m.model, m.table])).toEqual([
      ["Book", "books"],
      ["BookSeries", "book_series"],
      ["User", "users"],
    ]);
  });
});
