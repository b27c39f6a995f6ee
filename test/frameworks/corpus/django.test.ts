/**
 * The Django reader on real apps (MIGRATION_AGENT_CORPUS): netbox. Facts checked by hand in their files,
 * with file and line; skipped when the corpus is not there.
 */
import { describe, expect, it } from "vitest";
import { djangoReader } from "../../../src/frameworks/django/reader.js";
import { corpusApp } from "../corpus-app.js";
import { check, column, fk, index, indexKeys, opclasses, replayed } from "./dsl-facts.js";

const netbox = corpusApp("netbox");

describe.skipIf(!netbox)("netbox (Django, PostgreSQL): migrations of every app, in the graph's order", () => {
  it("matches the facts checked by hand in the migrations and field classes", async () => {
    const { schema, unreadable, migrations } = await replayed(netbox!, "postgres", "netbox/*/migrations/0*.py", djangoReader);
    expect(migrations).toBeGreaterThan(250);
    check("netbox", schema, [
      ["dcim_site.name", (s) => column(s, "dcim_site", "name"), { type: "character varying(100)", nullable: false, default: null }], // dcim/0001_squashed.py:806
      ["dcim_site slug _like index", (s) => opclasses(s, "dcim_site", "dcim_site_slug_4412c762_like"), ["varchar_pattern_ops"]],
      ["dcim_site fk tenant_id", (s) => fk(s, "dcim_site", "tenant_id"), [{ name: "dcim_site_tenant_id_15e7df63_fk_tenancy_tenant_id", refTable: "tenancy_tenant", onDelete: "no_action" }]], // dcim/0002_squashed.py:65
      // dcim/0160_squashed_0166.py:324-330 UniqueConstraint(Lower('name'), F('site'), condition=Q(tenant__isnull=True))
      ["dcim_device partial unique lower(name), site", (s) => index(s, "dcim_device", "dcim_device_unique_name_site"), { unique: true, method: null, keys: ["lower(name)", "site_id"], where: "tenant_id IS NULL" }],
      ["dcim_device.site_id", (s) => column(s, "dcim_device", "site_id"), { type: "bigint", nullable: false, default: null }],
      ["dcim_interface.mtu", (s) => column(s, "dcim_interface", "mtu"), { type: "integer", nullable: true, default: null }], // dcim/0001_squashed.py:351
      // ipam/fields.py:63,70 IPNetworkField.db_type → 'cidr'; ipam/0082:18 GistIndex(opclasses=['inet_ops'])
      ["ipam_prefix.prefix", (s) => column(s, "ipam_prefix", "prefix"), { type: "cidr", nullable: false, default: null }],
      ["ipam_prefix gist index", (s) => [index(s, "ipam_prefix", "ipam_prefix_gist_idx")?.method, opclasses(s, "ipam_prefix", "ipam_prefix_gist_idx")], ["gist", ["inet_ops"]]],
      ["ipam_ipaddress.address", (s) => column(s, "ipam_ipaddress", "address"), { type: "inet", nullable: false, default: null }], // ipam/fields.py:95
      // tenancy/0002_squashed_0011.py:218-221
      ["tenancy_tenant partial unique name", (s) => index(s, "tenancy_tenant", "tenancy_tenant_unique_name"), { unique: true, method: null, keys: ["name"], where: "group_id IS NULL" }],
      // circuits/0057_default_ordering_indexes.py:17, cid third
      ["circuits_circuit composite index", (s) => indexKeys(s, "circuits_circuit", "circuits_ci_provide_a0c42c_idx"), ["provider_id", "provider_account_id", "cid"]],
      // utilities/fields.py:23 ColorField(models.CharField), max_length 6; Python default only
      ["extras_tag.color", (s) => column(s, "extras_tag", "color"), { type: "character varying(6)", nullable: false, default: null }],
      ["virtualization_virtualmachine.vcpus", (s) => column(s, "virtualization_virtualmachine", "vcpus"), { type: "numeric(6,2)", nullable: true, default: null }],
      ["dcim_rack.u_height", (s) => column(s, "dcim_rack", "u_height")?.type, "smallint"], // PositiveSmallIntegerField
      // NOT NULL dropped by a later AlterField: dcim/0194_charfield_null_choices.py:86-89
      ["dcim_cable.type", (s) => column(s, "dcim_cable", "type"), { type: "character varying(50)", nullable: true, default: null }],
      ["users_user.username _like index", (s) => indexKeys(s, "users_user", "users_user_username_06e46fe6_like"), ["username"]],
    ], {}, unreadable);
  });
});
