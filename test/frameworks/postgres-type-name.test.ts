import { describe, expect, it } from "vitest";
import { postgresTypeName } from "../../src/frameworks/postgres-type-name.js";
import { postgresObjectName } from "../../src/frameworks/postgres-names.js";

describe("PostgreSQL's own spelling of types and constraint names", () => {
  it("spells types as format_type reports them", () => {
    expect(postgresTypeName("varchar(255)")).toBe("character varying(255)");
    expect(postgresTypeName("timestamptz")).toBe("timestamp with time zone");
    expect(postgresTypeName("timestamp(6)")).toBe("timestamp(6) without time zone");
    expect(postgresTypeName("float")).toBe("double precision");
    expect(postgresTypeName("float(10)")).toBe("real");
    expect(postgresTypeName("decimal(10, 2)")).toBe("numeric(10,2)");
    expect(postgresTypeName("text[]")).toBe("text[]");
    expect(postgresTypeName("citext")).toBe("citext");
  });

  it("names unnamed constraints as PostgreSQL does, cutting the longer part to fit 63 bytes", () => {
    expect(postgresObjectName("users", ["email"], "key")).toBe("users_email_key");
    expect(postgresObjectName("posts", ["user_id"], "fkey")).toBe("posts_user_id_fkey");
    expect(postgresObjectName("users", [], "pkey")).toBe("users_pkey");
    const long = postgresObjectName("a".repeat(40), ["b".repeat(40)], "key");
    expect(long.length).toBe(63);
  });
});
