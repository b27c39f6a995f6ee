/** Hand cases for the round trip: each operation as the dialect's reader gives it, so rendering and reading it again must give it back. */
import type { Operation } from "../../src/model/operations.js";
import type { SqlDialect } from "../../src/model/schema.js";

export type Body = Operation extends infer O ? (O extends Operation ? Omit<O, "source"> : never) : never;

const users = "users";

/** Cases every dialect renders and reads back. */
const common: Body[] = [
  { kind: "drop_table", table: users },
  { kind: "drop_table", table: "order", ifExists: true },
  { kind: "rename_table", table: users, to: "accounts" },
  { kind: "add_column", table: users, column: { name: "email", type: "text", nullable: false, default: { kind: "literal", value: "" } } },
  { kind: "drop_column", table: users, column: "email" },
  { kind: "rename_column", table: users, column: "email", to: "email_address" },
  { kind: "delete", table: users, where: null },
];

const postgres: Body[] = [
  {
    kind: "create_table",
    table: "User",
    schema: null,
    columns: [
      { name: "id", type: "bigint", nullable: false, default: null, identity: "by_default", primaryKey: true },
      { name: "email", type: "character varying(255)", nullable: false, default: { kind: "literal", value: "" } },
      { name: "admin", type: "boolean", nullable: false, default: { kind: "literal", value: false } },
      { name: "logins", type: "integer", nullable: true, default: { kind: "literal", value: 0 } },
      { name: "created_at", type: "timestamp(6) with time zone", nullable: false, default: { kind: "expression", sql: "now()" } },
      { name: "order", type: "numeric(10,2)", nullable: true, default: null, check: "\"order\" > 0" },
      { name: "org_id", type: "bigint", nullable: true, default: null, references: { table: "orgs", columns: ["id"], onDelete: "cascade", onUpdate: "no_action" } },
      { name: "tags", type: "text[]", nullable: true, default: null },
      { name: "lower_email", type: "text", nullable: true, default: null, generated: { expression: "lower(email)", stored: true } },
    ],
    constraints: [
      { kind: "unique", name: "users_email_key", columns: ["email"] },
      { kind: "check", name: "logins_positive", expression: "logins >= 0", columns: ["logins"] },
      { kind: "foreign_key", name: "fk_org", columns: ["org_id"], refTable: "auth.orgs", refColumns: ["id"], onDelete: "set_null", onUpdate: "cascade" },
    ],
  },
  { kind: "create_table", table: "events", schema: "audit", columns: [{ name: "id", type: "integer", nullable: false, default: null, identity: "always" }], constraints: [{ kind: "primary_key", name: "events_pkey", columns: ["id"] }], ifNotExists: true },
  { kind: "drop_table", table: users, ifExists: true, cascade: true },
  { kind: "add_column", table: users, column: { name: "Nickname", type: "character varying", nullable: true, default: null }, ifNotExists: true },
  { kind: "drop_column", table: users, column: "email", ifExists: true, cascade: true },
  { kind: "change_type", table: users, column: "id", type: "bigint", using: "CAST(id AS bigint)" },
  { kind: "change_type", table: users, column: "id", type: "bigint", using: null },
  { kind: "set_nullable", table: users, column: "email", nullable: true },
  { kind: "set_nullable", table: users, column: "email", nullable: false },
  { kind: "set_default", table: users, column: "active", default: { kind: "literal", value: true } },
  { kind: "set_default", table: users, column: "active", default: null },
  {
    kind: "create_index",
    index: { name: "index_users_on_lower_email", table: users, keys: [{ expression: "lower(email)", columns: ["email"] }], unique: true, method: "btree", where: null, whereColumns: [], include: [] },
    concurrently: true,
  },
  {
    kind: "create_index",
    index: {
      name: "users_search",
      table: users,
      keys: [
        { column: "first_name", columns: ["first_name"], opclass: "gin_trgm_ops" },
        { column: "last_name", columns: ["last_name"], opclass: "gin_trgm_ops" },
        { column: "email", columns: ["email"], opclass: "gin_trgm_ops" },
      ],
      unique: false,
      method: "gin",
      where: null,
      whereColumns: [],
      include: [],
    },
    concurrently: false,
    ifNotExists: true,
  },
  {
    kind: "create_index",
    index: { name: "one_active", table: users, keys: [{ column: "org_id", columns: ["org_id"] }, { column: "created_at", columns: ["created_at"], descending: true }], unique: true, method: "btree", where: "deleted_at IS NULL", whereColumns: ["deleted_at"], include: ["email"] },
    concurrently: false,
  },
  { kind: "drop_index", name: "index_users_on_email", table: null, concurrently: true, ifExists: true },
  { kind: "rename_index", name: "a_idx", to: "b_idx", table: null },
  { kind: "add_constraint", table: users, constraint: { kind: "foreign_key", name: "fk_users_org", columns: ["org_id"], refTable: "orgs", refColumns: ["id"], onDelete: "restrict", onUpdate: "no_action" }, notValid: true },
  { kind: "add_constraint", table: users, constraint: { kind: "check", name: "email_not_null", expression: "email IS NOT NULL", columns: ["email"] }, notValid: true },
  { kind: "add_constraint", table: users, constraint: { kind: "unique", name: "users_email_key", columns: [] }, notValid: false, usingIndex: "users_email_idx" },
  { kind: "add_constraint", table: users, constraint: { kind: "primary_key", name: null, columns: ["id"] }, notValid: false },
  { kind: "validate_constraint", table: users, name: "fk_users_org" },
  { kind: "drop_constraint", table: users, name: "fk_users_org", ifExists: true },
  { kind: "rename_constraint", table: users, name: "a", to: "b" },
  { kind: "create_enum", name: "mood", values: ["happy", "it's fine"] },
  { kind: "add_enum_value", name: "mood", value: "sad", before: "happy" },
  { kind: "add_enum_value", name: "mood", value: "meh", after: "happy" },
  { kind: "add_enum_value", name: "mood", value: "ok" },
  { kind: "rename_enum_value", name: "mood", from: "sad", to: "blue" },
  { kind: "drop_enum", name: "mood" },
  { kind: "update", table: users, set: [{ column: "email_address", sql: "email" }, { column: "n", sql: "0" }], where: "email_address IS NULL" },
  { kind: "delete", table: users, where: "created_at < (now() - '1 day'::interval)" },
  { kind: "maintenance", action: "reindex", table: users, concurrently: true },
  { kind: "maintenance", action: "vacuum_full", table: users },
  { kind: "maintenance", action: "cluster", table: users },
  { kind: "maintenance", action: "truncate", table: users, cascade: true },
  { kind: "setting", name: "lock_timeout", value: "5s", local: false },
  { kind: "setting", name: "statement_timeout", value: "0", local: true },
  { kind: "transaction", action: "begin" },
  { kind: "transaction", action: "commit" },
  { kind: "transaction", action: "rollback" },
];

const mysql: Body[] = [
  {
    kind: "create_table",
    table: "users",
    schema: null,
    columns: [
      { name: "id", type: "bigint unsigned", nullable: false, default: null, identity: "auto_increment" },
      { name: "email", type: "varchar(255)", nullable: false, default: { kind: "literal", value: "" } },
      { name: "admin", type: "tinyint(1)", nullable: false, default: { kind: "literal", value: false } },
      { name: "status", type: "enum('active','gone')", nullable: true, default: { kind: "literal", value: "active" } },
      { name: "created_at", type: "datetime(6)", nullable: true, default: { kind: "expression", sql: "CURRENT_TIMESTAMP" } },
      { name: "score", type: "decimal(10,2)", nullable: true, default: { kind: "literal", value: -1.5 } },
    ],
    constraints: [
      { kind: "primary_key", name: null, columns: ["id"] },
      { kind: "foreign_key", name: "fk_org", columns: ["org_id"], refTable: "orgs", refColumns: ["id"], onDelete: "cascade", onUpdate: null },
    ],
  },
  { kind: "add_column", table: users, column: { name: "order", type: "int", nullable: false, default: { kind: "literal", value: 0 } }, mysql: { algorithm: "INPLACE", lock: "NONE" } },
  { kind: "redefine_column", table: users, column: "email", spec: { name: "email", type: "varchar(320)", nullable: true, default: null } },
  { kind: "redefine_column", table: users, column: "email", to: "email_address", spec: { name: "email_address", type: "varchar(320)", nullable: false, default: null }, mysql: { algorithm: "COPY" } },
  {
    kind: "create_index",
    index: { name: "index_users_on_email", table: users, keys: [{ column: "email", columns: ["email"], length: 20 }, { column: "created_at", columns: ["created_at"], descending: true }], unique: true, method: null, where: null, whereColumns: [], include: [] },
    concurrently: false,
    mysql: { algorithm: "INPLACE", lock: "NONE" },
  },
  {
    kind: "create_index",
    index: { name: "index_users_on_lower_email", table: users, keys: [{ expression: "lower(`email`)", columns: ["email"] }], unique: false, method: null, where: null, whereColumns: [], include: [] },
    concurrently: false,
  },
  { kind: "drop_index", name: "index_users_on_email", table: users, concurrently: false },
  { kind: "set_default", table: users, column: "admin", default: { kind: "literal", value: "no" } },
  { kind: "set_default", table: users, column: "admin", default: null },
  { kind: "rename_index", name: "a_idx", to: "b_idx", table: users },
  { kind: "maintenance", action: "vacuum_full", table: users },
  { kind: "add_constraint", table: users, constraint: { kind: "foreign_key", name: "fk_users_org", columns: ["org_id"], refTable: "orgs", refColumns: ["id"], onDelete: "set_null", onUpdate: null }, notValid: false },
  { kind: "drop_constraint", table: users, name: "fk_users_org" },
  { kind: "drop_constraint", table: users, name: "PRIMARY" },
  { kind: "update", table: users, set: [{ column: "email_address", sql: "`email`" }], where: "`email_address` IS NULL", limit: 1000 },
  { kind: "maintenance", action: "truncate", table: users },
  { kind: "setting", name: "FOREIGN_KEY_CHECKS", value: "0", local: false },
  { kind: "transaction", action: "begin" },
  { kind: "transaction", action: "commit" },
];

const sqlite: Body[] = [
  {
    kind: "create_table",
    table: "monitor",
    schema: null,
    columns: [
      { name: "id", type: "integer", nullable: false, default: null, identity: "auto_increment", primaryKey: true },
      { name: "status", type: "text", nullable: false, default: { kind: "literal", value: "active" } },
      { name: "active", type: "integer", nullable: false, default: { kind: "literal", value: 1 } },
      { name: "created_at", type: "integer", nullable: true, default: { kind: "expression", sql: "unixepoch()" } },
      { name: "workspace_id", type: "integer", nullable: true, default: null, references: { table: "workspace", columns: ["id"], onDelete: "cascade", onUpdate: null } },
    ],
    constraints: [{ kind: "unique", name: null, columns: ["workspace_id", "status"] }],
  },
  {
    kind: "create_index",
    index: { name: "monitor_active", table: "monitor", keys: [{ column: "workspace_id", columns: ["workspace_id"] }], unique: true, method: null, where: "\"deleted_at\" IS NULL", whereColumns: ["deleted_at"], include: [] },
    concurrently: false,
    ifNotExists: true,
  },
  { kind: "drop_index", name: "monitor_active", table: null, concurrently: false, ifExists: true },
  { kind: "setting", name: "foreign_keys", value: "OFF", local: false },
  { kind: "maintenance", action: "vacuum_full", table: null },
  { kind: "transaction", action: "begin" },
  { kind: "transaction", action: "commit" },
  { kind: "update", table: "monitor", set: [{ column: "status", sql: "'gone'" }], where: "\"active\" = 0" },
];

export const CASES: Record<SqlDialect, Body[]> = {
  postgres: [...common, ...postgres],
  mysql: [...common, ...mysql],
  sqlite: [...common, ...sqlite],
};
