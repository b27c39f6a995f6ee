/**
 * The inverse of an operation, as a framework rolls back what it can undo by itself (Rails' `change`, Django's operations): a
 * create is dropped, a rename renamed back, NOT NULL flipped. Null where an operation cannot be undone
 * from what it states (a drop, a type change, raw SQL).
 */
import type { Operation } from "../model/operations.js";

function invertOperation(op: Operation): Operation | null {
  const base = { source: op.source, call: op.call };
  switch (op.kind) {
    case "create_table":
      return { kind: "drop_table", table: op.table, ...base };
    case "add_column":
      return { kind: "drop_column", table: op.table, column: op.column.name, ...base };
    case "rename_column":
      return { kind: "rename_column", table: op.table, column: op.to, to: op.column, ...base };
    case "rename_table":
      return { kind: "rename_table", table: op.to, to: op.table, ...base };
    case "create_index":
      return op.index.name ? { kind: "drop_index", name: op.index.name, table: op.index.table, concurrently: op.concurrently, ...base } : null;
    case "rename_index":
      return { kind: "rename_index", name: op.to, to: op.name, table: op.table, ...base };
    case "set_nullable":
      return { kind: "set_nullable", table: op.table, column: op.column, nullable: !op.nullable, ...base };
    case "add_constraint":
      return op.constraint.name ? { kind: "drop_constraint", table: op.table, name: op.constraint.name, ...base } : null;
    case "validate_constraint":
      return null;
    case "create_enum":
      return { kind: "drop_enum", name: op.name, ...base };
    default:
      return null;
  }
}

/** The operations that undo `ops`, last first; null when any cannot be undone. */
export function invertAll(ops: Operation[]): Operation[] | null {
  const out: Operation[] = [];
  for (const op of [...ops].reverse()) {
    const inverse = invertOperation(op);
    if (!inverse) return null;
    out.push(inverse);
  }
  return out;
}
