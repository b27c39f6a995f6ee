import { describe, expect, it } from "vitest";
import { checkConstraintName, foreignKeyName, indexName, joinTableName, tableOfModel } from "../../../src/frameworks/rails/naming.js";
import { pluralize, singularize } from "../../../src/frameworks/inflection.js";

describe("Rails naming", () => {
  it("names foreign keys fk_rails_<sha256[0,10]>, as real structure.sql dumps show", () => {
    // Names taken from structure.sql files of public Rails apps.
    expect(foreignKeyName("patients", ["user_id"])).toBe("fk_rails_623f05c630");
    expect(foreignKeyName("assignments", ["ship_id"])).toBe("fk_rails_00086f9bf6");
    expect(foreignKeyName("products", ["region_id"])).toBe("fk_rails_11d9cdd4fc");
  });

  it("names indexes for their columns, shortening past 62 bytes from Rails 7.1", () => {
    expect(indexName("users", ["email"], false)).toBe("index_users_on_email");
    expect(indexName("users", ["lower(email)"], false)).toBe("index_users_on_lower_email");
    const long = ["account_id", "security_id", "date", "currency"];
    expect(indexName("account_holdings", long, true)).toBe("index_account_holdings_on_account_id_and_security_id_and_date_and_currency");
    expect(indexName("account_holdings", long, false)).toMatch(/^idx_on_account_id_security_id_date_currency_[0-9a-f]{10}$/);
    expect(checkConstraintName("orders", "quantity > 0")).toMatch(/^chk_rails_[0-9a-f]{10}$/);
  });

  it("derives tables from models and references by ActiveSupport's inflections", () => {
    expect(tableOfModel("OrderItem")).toBe("order_items");
    expect(tableOfModel("Admin::Person")).toBe("people");
    expect(tableOfModel("Category")).toBe("categories");
    expect(pluralize("status")).toBe("statuses");
    expect(pluralize("address")).toBe("addresses");
    expect(singularize("categories")).toBe("category");
    expect(singularize("people")).toBe("person");
    expect(joinTableName("users", "roles")).toBe("roles_users");
    expect(joinTableName("music_artists", "music_records")).toBe("music_artists_records");
  });
});
