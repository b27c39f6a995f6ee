import { describe, expect, it } from "vitest";
import { applyOperation } from "../../src/model/replay.js";
import { emptySchema, findTable } from "../../src/model/schema.js";

describe("replay of a guarded migration that states a named constraint again", () => {
  it("keeps one foreign key of that name (kutt's visits_user_id_foreign is created and then added behind hasColumn)", () => {
    const schema = emptySchema("postgres");
    const source = { path: "m.js", line: 1 };
    const fk = { kind: "foreign_key" as const, name: "visits_user_id_foreign", columns: ["user_id"], refTable: "users", refColumns: ["id"], onDelete: "cascade" as const, onUpdate: null };
    applyOperation(schema, { kind: "create_table", table: "visits", columns: [{ name: "user_id", type: "integer", nullable: true }], constraints: [fk], source });
    applyOperation(schema, { kind: "add_constraint", table: "visits", constraint: fk, notValid: false, source: { path: "n.js", line: 9 } });
    expect(findTable(schema, "visits")!.foreignKeys).toHaveLength(1);
  });
});
