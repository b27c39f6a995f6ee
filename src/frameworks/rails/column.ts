/** A Rails column (`t.string :email, null: false, default: ""`, `add_column … :decimal, precision: 10`) as a ColumnSpec. */
import type { ColumnSpec } from "../../model/operations.js";
import type { DefaultValue } from "../../model/schema.js";
import { typedLiteral } from "../../model/typed-literal.js";
import { booleanOf, hasOption, nameOf, numberOf, option, stringOf, type CodeCall, type CodeValue } from "../../parse/code-value.js";
import type { RailsContext } from "./context.js";
import { railsType, type TypeOptions } from "./types.js";
import { defaultOf } from "./values.js";

/** Type options as a call states them; a number option written as anything but a literal is unknown. */
export function typeOptions(call: CodeCall): TypeOptions {
  return {
    limit: numberOf(option(call, "limit")),
    precision: numberOf(option(call, "precision")),
    precisionGiven: hasOption(call, "precision"),
    scale: numberOf(option(call, "scale")),
    array: booleanOf(option(call, "array")) === true,
    enumType: nameOf(option(call, "enum_type")),
    unsigned: booleanOf(option(call, "unsigned")) === true,
  };
}

/**
 * A column from its name, Rails type and options. Rails columns allow NULL unless `null: false`, and have no
 * default unless `default:` gives one; both are known facts. A default computed by Ruby stays unknown.
 */
export function columnSpec(name: string, type: string, call: CodeCall, ctx: RailsContext, extra: Partial<TypeOptions> = {}): ColumnSpec {
  const options = { ...typeOptions(call), ...extra };
  // `t.virtual :total, type: :decimal, as: "price * qty", stored: true`: a generated column of that type.
  const virtualType = type === "virtual" ? nameOf(option(call, "type")) : null;
  const sqlType = railsType(virtualType ?? type, options, ctx.dialect, ctx.behavior);
  const spec: ColumnSpec = {
    name,
    type: type === "virtual" && !virtualType ? null : sqlType,
    nullable: booleanOf(option(call, "null")) ?? true,
  };
  const primaryKey = booleanOf(option(call, "primary_key")) === true || type === "primary_key";
  if (primaryKey) {
    spec.primaryKey = true;
    spec.nullable = false;
  }
  const defaultValue = option(call, "default");
  if (defaultValue === undefined) spec.default = null;
  else {
    const value = defaultOf(defaultValue, options.array);
    if (value !== undefined) spec.default = typedDefault(value, sqlType, ctx);
  }
  const expression = stringOf(option(call, "as"));
  if (expression !== null) {
    spec.generated = { expression, stored: booleanOf(option(call, "stored")) === true };
    delete spec.default;
  }
  if (booleanOf(option(call, "auto_increment")) === true) spec.identity = "auto_increment";
  return spec;
}

/** A literal as its column reads it: schema.rb writes a decimal's default as a string (`default: "0.0"`). */
function typedDefault(value: DefaultValue | null, type: string | null, ctx: RailsContext): DefaultValue | null {
  if (value?.kind !== "literal" || !ctx.dialect || !type) return value;
  return { kind: "literal", value: typedLiteral(value.value, type, ctx.dialect) };
}

/** A value as a list of names (`:email` or `[:a, :b]`). */
export function namesIn(value: CodeValue | undefined): string[] {
  if (!value) return [];
  if (value.kind === "list") return value.items.map(nameOf).filter((n): n is string => n !== null);
  const one = nameOf(value);
  return one === null ? [] : [one];
}
