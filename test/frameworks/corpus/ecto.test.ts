/**
 * The Ecto reader on real apps (MIGRATION_AGENT_CORPUS): hexpm. Facts checked by hand in their files,
 * with file and line; skipped when the corpus is not there.
 */
import { describe, expect, it } from "vitest";
import { ectoReader } from "../../../src/frameworks/ecto/reader.js";
import { corpusApp } from "../corpus-app.js";
import { check, column, fk, index, literal, replayed } from "./dsl-facts.js";

const hexpm = corpusApp("hexpm");

describe.skipIf(!hexpm)("hexpm (Ecto, PostgreSQL): priv/repo/migrations replayed with config.exs's migration settings", () => {
  it("matches the facts checked by hand in the migrations", async () => {
    const { schema, unreadable, migrations } = await replayed(hexpm!, "postgres", "priv/repo/migrations/*.exs", ectoReader);
    expect(migrations).toBe(170);
    check("hexpm", schema, [
      ["users.full_name", (s) => column(s, "users", "full_name"), { type: "text", nullable: true, default: null }], // 20161004123829:6
      ["users.deactivated_at", (s) => column(s, "users", "deactivated_at")?.type, "timestamp(0) without time zone"], // 20190923222150:6 :utc_datetime
      // 20181011082425 fixup(:emails, [:verification_expiry]) → modify :utc_datetime_usec through a private helper and a for
      ["emails.verification_expiry", (s) => column(s, "emails", "verification_expiry")?.type, "timestamp without time zone"],
      ["organizations.name", (s) => column(s, "organizations", "name"), { type: "character varying(255)", nullable: false, default: null }],
      ["organizations unique name", (s) => index(s, "organizations", "organizations_name_index")?.unique, true],
      ["organizations.billing_active", (s) => column(s, "organizations", "billing_active"), { type: "boolean", nullable: false, default: literal(false) }], // 20171203144157:6
      ["package_owners.level", (s) => column(s, "package_owners", "level"), { type: "character varying(255)", nullable: false, default: literal("full") }], // 20180514125027:6
      ["repositories unique name", (s) => index(s, "repositories", "repositories_name_index")?.unique, true], // 20190129165916
      // 20190129165916:23 add references(:repositories) then :32 modify(:repository_id, :integer, null: false)
      ["packages.repository_id", (s) => column(s, "packages", "repository_id"), { type: "integer", nullable: false, default: null }],
      // NOT NULL dropped by a later modify … from: (20260315120000:12)
      ["oauth_tokens.user_id", (s) => column(s, "oauth_tokens", "user_id"), { type: "bigint", nullable: true, default: null }],
      ["oauth_tokens fk user_id", (s) => fk(s, "oauth_tokens", "user_id").map((f) => [f.name, f.onDelete]), [["oauth_tokens_user_id_fkey", "cascade"]]],
      ["audit_logs.action", (s) => column(s, "audit_logs", "action"), { type: "character varying(255)", nullable: false, default: null }], // 20160215102451:7
      // 20180513160026:12 ALTER TABLE … RENAME actor_id TO user_id; 20260203000536:30-31 the constraint re-added ON DELETE SET NULL
      ["audit_logs fk user_id", (s) => fk(s, "audit_logs", "user_id").map((f) => [f.name, f.onDelete]), [["audit_logs_actor_id_fkey", "set_null"]]],
      ["keys.name nullable", (s) => column(s, "keys", "name")?.nullable, true], // 20180704214746:5 ALTER name DROP NOT NULL
      ["sessions.token", (s) => column(s, "sessions", "token"), { type: "bytea", nullable: false, default: null }], // 20170429120741:6
      ["emails.email NOT NULL", (s) => column(s, "emails", "email")?.nullable, false],
    ], {
      "emails.email NOT NULL": "20170702145540:24 set_not_null builds its ALTER TABLE with interpolation and Enum.map_join: listed as SQL built at run time",
    }, unreadable);
  });
});
