/** `add_foreign_key :posts, :users, column:, primary_key:, on_delete:, name:, validate:` → a foreign key constraint. */
import type { ConstraintSpec } from "../../model/operations.js";
import type { ReferentialAction } from "../../model/schema.js";
import { booleanOf, nameOf, option, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import { namesIn } from "./column.js";
import { foreignKeyColumn, foreignKeyName } from "./naming.js";

/** `:cascade`, `:nullify`, `:restrict` as Rails spells them; absent is the database's default, NO ACTION. */
export function referentialAction(value: CodeValue | undefined): ReferentialAction | null {
  const name = nameOf(value);
  if (name === null) return value === undefined ? "no_action" : null;
  const actions: Record<string, ReferentialAction> = { cascade: "cascade", nullify: "set_null", restrict: "restrict", no_action: "no_action", set_default: "set_default" };
  return actions[name] ?? null;
}

export function foreignKeyConstraint(from: string, to: string, call: CodeCall): { constraint: Extract<ConstraintSpec, { kind: "foreign_key" }>; notValid: boolean } {
  const columns = namesIn(option(call, "column"));
  const cols = columns.length ? columns : [foreignKeyColumn(to)];
  const refColumns = namesIn(option(call, "primary_key"));
  return {
    constraint: {
      kind: "foreign_key",
      name: nameOf(option(call, "name")) ?? foreignKeyName(from, cols),
      columns: cols,
      refTable: to,
      refColumns: refColumns.length ? refColumns : ["id"],
      onDelete: referentialAction(option(call, "on_delete")),
      onUpdate: referentialAction(option(call, "on_update")),
    },
    notValid: booleanOf(option(call, "validate")) === false,
  };
}
