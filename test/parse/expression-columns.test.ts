import { describe, expect, it } from "vitest";
import { expressionColumns } from "../../src/parse/expression-columns.js";

describe("expressionColumns", () => {
  it("finds the columns an index key or predicate reads, not its functions, keywords, strings or types", () => {
    expect(expressionColumns("lower(email)")).toEqual(["email"]);
    expect(expressionColumns("deleted_at IS NULL AND status <> 'deleted_at'")).toEqual(["deleted_at", "status"]);
    expect(expressionColumns("(params -> 'package' ->> 'id')::integer")).toEqual(["params"]);
    expect(expressionColumns('COALESCE(upper("Ticker"), \'\') || t.exchange')).toEqual(["Ticker", "exchange"]);
    expect(expressionColumns("CAST(created_at AS timestamp with time zone) > now()")).toEqual(["created_at"]);
    expect(expressionColumns("quantity > 0")).toEqual(["quantity"]);
  });
});
