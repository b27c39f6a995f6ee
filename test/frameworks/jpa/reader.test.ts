import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jpaReader } from "../../../src/frameworks/jpa/reader.js";
import { FIXTURES, folderContext, globIn } from "../fixture-context.js";

const root = join(FIXTURES, "jpa-app");

describe("jpa reader (names only)", () => {
  it("maps @Entity @Table(name) classes and their @Column/@JoinColumn names; unnamed ones are left out, not guessed", async () => {
    const models = await jpaReader.readModels!(await globIn(root, "**/*.java"), folderContext(root, "mysql"));
    expect(models).toEqual([
      { model: "Order", table: "purchase_orders", fields: { id: "order_id", placedAt: "placed_at", customer: "customer_id" }, source: { path: "src/main/java/com/example/model/Order.java", line: 5 } },
    ]);
  });
});
