/**
 * `t.references :user` / `add_reference :posts, :user`: the `user_id` column (and `user_type` when
 * polymorphic), its index (from Rails 5 unless `index: false`) and, with `foreign_key:`, a constraint to
 * `users` (or `to_table:`), named `fk_rails_…` unless `name:` is given.
 */
import type { ColumnSpec, ConstraintSpec, Operation } from "../../model/operations.js";
import { booleanOf, entry, nameOf, option, type CodeCall } from "../../parse/code-value.js";
import { columnSpec } from "./column.js";
import type { RailsContext } from "./context.js";
import { foreignKeyName, referencedTable } from "./naming.js";
import { indexOperation, optionsCall } from "./index-spec.js";
import { referentialAction } from "./foreign-key.js";

export interface ReferenceParts {
  columns: ColumnSpec[];
  index: Operation | null;
  foreignKey: ConstraintSpec | null;
  /** `foreign_key: { validate: false }`. */
  notValid: boolean;
}

export function referenceParts(table: string, ref: string, call: CodeCall, ctx: RailsContext, viaAddReference: boolean): ReferenceParts {
  const polymorphic = option(call, "polymorphic");
  const isPolymorphic = polymorphic !== undefined && booleanOf(polymorphic) !== false && polymorphic.kind !== "null";
  const sqliteInteger = viaAddReference && ctx.dialect === "sqlite" && ctx.behavior.sqliteReferenceInteger;
  const typeOption = option(call, "type");
  const type = nameOf(typeOption) ?? (sqliteInteger ? "integer" : ctx.behavior.keyType);
  const idColumn = `${ref}_id`;
  const id = columnSpec(idColumn, type, withoutOptions(call, ["default", "index", "foreign_key", "polymorphic", "type"]), ctx);
  // `type: foreign_key_type`, computed by Ruby: the column's type is unknown.
  if (typeOption && nameOf(typeOption) === null) id.type = null;
  const columns = [id];
  if (isPolymorphic) columns.push(columnSpec(`${ref}_type`, "string", withoutOptions(call, ["default", "index", "foreign_key", "polymorphic", "type", "limit"]), ctx));

  const indexOption = option(call, "index");
  const wantsIndex = indexOption === undefined ? ctx.behavior.referenceIndex : booleanOf(indexOption) !== false && indexOption.kind !== "null";
  const indexColumns = isPolymorphic ? [`${ref}_type`, idColumn] : [idColumn];
  const indexOptions = optionsCall(indexOption, call);
  if (isPolymorphic && !ctx.behavior.legacyReferenceIndexName && !indexOptions.options.some((o) => o.key === "name")) {
    indexOptions.options.push({ key: "name", value: { kind: "string", value: `index_${table}_on_${ref}`, line: call.line, endLine: call.line } });
  }
  const columnList = { kind: "list" as const, items: indexColumns.map((c) => ({ kind: "string" as const, value: c, line: call.line, endLine: call.line })), line: call.line, endLine: call.line };
  const index = wantsIndex ? indexOperation(table, columnList, indexOptions, ctx, call) : null;

  const fk = option(call, "foreign_key");
  let foreignKey: ConstraintSpec | null = null;
  let notValid = false;
  if (fk && booleanOf(fk) !== false && fk.kind !== "null" && !isPolymorphic) {
    const refTable = nameOf(entry(fk, "to_table")) ?? referencedTable(ref);
    foreignKey = {
      kind: "foreign_key",
      name: nameOf(entry(fk, "name")) ?? foreignKeyName(table, [idColumn]),
      columns: [idColumn],
      refTable,
      refColumns: [nameOf(entry(fk, "primary_key")) ?? "id"],
      onDelete: referentialAction(entry(fk, "on_delete")),
      onUpdate: referentialAction(entry(fk, "on_update")),
    };
    notValid = booleanOf(entry(fk, "validate")) === false;
  }
  return { columns, index, foreignKey, notValid };
}

/** The call with some options left out, so a column reads only the options meant for it. */
function withoutOptions(call: CodeCall, keys: string[]): CodeCall {
  return { ...call, options: call.options.filter((o) => !keys.includes(o.key)) };
}
