/**
 * What a migration's Rails version changes in the schema it builds (ActiveRecord::Migration::Compatibility):
 * an old migration runs as it did under the Rails it was written for, so `Migration[5.0]` makes integer
 * primary keys and `Migration[6.1]` datetime columns without precision.
 */

export interface RailsBehavior {
  /** The version as written (`7.1`), or null for `ActiveRecord::Migration` without one (Rails ≤ 5.0). */
  version: string | null;
  /** Precision of a `:datetime` column that states none: 6 from 7.0, none before. */
  datetimePrecision: number | null;
  /** Precision of `timestamps`/`add_timestamps`: 6 from 6.0, none before. */
  timestampsPrecision: number | null;
  /** Whether `timestamps` columns allow NULL unless told (4.2 and before). */
  timestampsNullable: boolean;
  /** The type of a primary key and of a reference column: bigint from 5.1, integer before. */
  keyType: "bigint" | "integer";
  /** Whether `references` adds an index unless told (5.0 on). */
  referenceIndex: boolean;
  /** Index names `index_<table>_on_<columns>` whatever their length (7.0 and before); later ones shorten long names. */
  legacyIndexNames: boolean;
  /** A polymorphic reference's index is named for its columns (6.0 and before), not `index_<table>_on_<reference>`. */
  legacyReferenceIndexName: boolean;
  /** `add_reference` on SQLite makes an integer column (6.0 and before). */
  sqliteReferenceInteger: boolean;
  /** The PostgreSQL default of a `uuid` primary key. */
  uuidDefault: string;
}

export function railsBehavior(version: string | null): RailsBehavior {
  const v = version === null ? 4.2 : Number(version);
  return {
    version,
    datetimePrecision: v >= 7 ? 6 : null,
    timestampsPrecision: v >= 6 ? 6 : null,
    timestampsNullable: v < 5,
    keyType: v >= 5.1 ? "bigint" : "integer",
    referenceIndex: v >= 5,
    legacyIndexNames: v < 7.1,
    legacyReferenceIndexName: v < 6.1,
    sqliteReferenceInteger: v < 6.1,
    uuidDefault: v >= 5.1 ? "gen_random_uuid()" : "uuid_generate_v4()",
  };
}

/**
 * `db/schema.rb`: `ActiveRecord::Schema[7.2].define` loads with that version's behaviour; the older unversioned
 * `ActiveRecord::Schema.define` was dumped by Rails 5.1–6.1, which wrote every precision it found and `id: :serial`
 * for integer keys, so only the defaults of those versions apply.
 */
export function schemaBehavior(version: string | null): RailsBehavior {
  return railsBehavior(version ?? "6.1");
}
