/** The Prisma schema as its parser reads it: blocks, fields, attributes and their arguments, each with its line. */
export type Value =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "name"; name: string }
  | { kind: "call"; name: string; args: Arg[] }
  | { kind: "array"; items: Value[] };

export interface Arg {
  name: string | null;
  value: Value;
}

export interface Attribute {
  /** `id`, `default`, `db.VarChar`, `relation`; block attributes (`@@index`) are in `Block.attributes`. */
  name: string;
  args: Arg[];
  line: number;
}

export interface Field {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attributes: Attribute[];
  line: number;
}

export interface Block {
  kind: "model" | "view" | "type" | "enum" | "datasource" | "generator";
  name: string;
  line: number;
  fields: Field[];
  attributes: Attribute[];
  /** `key = value` lines of datasource and generator blocks. */
  properties: { key: string; value: Value; line: number }[];
  /** Enum values with their `@map`. */
  values: { name: string; mapped: string | null; line: number }[];
}

export function argument(attribute: Attribute | undefined, name: string, position = -1): Value | undefined {
  if (!attribute) return undefined;
  return attribute.args.find((a) => a.name === name)?.value ?? (position >= 0 ? attribute.args.filter((a) => a.name === null)[position]?.value : undefined);
}

export function stringOf(value: Value | undefined): string | null {
  return value?.kind === "string" ? value.value : null;
}
