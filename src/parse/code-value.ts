/**
 * Framework code as plain data, the same shape for every language: a tree-sitter tree lives in WASM memory
 * and dies with `withTree`, while a translator may need to await (embedded SQL goes through `readSql`). So
 * each language's reader (`ruby-code.ts`, `python-code.ts`, …) turns its tree into these values once, and
 * the framework translators work on them. Literals are decoded; anything that is not a literal, a name or a
 * call (interpolation, arithmetic, a comprehension) stays `other` with its text, never a guessed value.
 */
import type { Node } from "./tree-sitter.js";

export interface Span {
  /** 1-based line where the node starts. */
  line: number;
  endLine: number;
}

export interface CodeCall extends Span {
  kind: "call";
  /** The called name: `add_index`, `AddField`, `create`, `string`. */
  name: string;
  /** What it is called on (`t`, `migrations`, `$table`, `Schema`, an earlier call in a chain), or null. */
  receiver: CodeValue | null;
  args: CodeValue[];
  /** Keyword arguments, a trailing options hash or keyword list, PHP named arguments: in source order. */
  options: CodeOption[];
  /** A Ruby block or Elixir `do … end` attached to the call. */
  block: CodeBlock | null;
  text: string;
}

export interface CodeOption {
  key: string;
  value: CodeValue;
}

/** A block or function literal: a Ruby block or lambda, an Elixir do-block, a PHP closure. */
export interface CodeBlock extends Span {
  kind: "block";
  params: string[];
  body: CodeStatement[];
}

export type CodeValue =
  | CodeCall
  | CodeBlock
  | (Span & { kind: "string"; value: string })
  | (Span & { kind: "symbol"; value: string })
  | (Span & { kind: "number"; value: number; text: string })
  | (Span & { kind: "boolean"; value: boolean })
  | (Span & { kind: "null" })
  | (Span & { kind: "list"; items: CodeValue[] })
  | (Span & { kind: "map"; entries: { key: CodeValue; value: CodeValue }[] })
  /** Identifiers, constants and dotted or scoped names: `models.CASCADE` → ["models", "CASCADE"], `$table` → ["$table"]. */
  | (Span & { kind: "name"; parts: string[] })
  /** An operator applied to values (`~Q(…)`, `Q(…) & Q(…)`, `'a' . $b`), kept so that a translator can read what it knows. */
  | (Span & { kind: "operator"; operator: string; operands: CodeValue[]; text: string })
  | (Span & { kind: "other"; text: string });

export type CodeStatement =
  | CodeCall
  | (Span & { kind: "def"; name: string; params: string[]; body: CodeStatement[] })
  /** `modifiers`: `abstract`, `final` as written (PHP). */
  | (Span & { kind: "class"; name: string; bases: CodeValue[]; body: CodeStatement[]; modifiers?: string[] })
  /** `annotation`: a Python type annotation as written (`Mapped[str | None]`). */
  | (Span & { kind: "assign"; target: string; value: CodeValue; annotation?: string })
  /** Python `with a as b:` (Alembic's batch_alter_table, autocommit_block). */
  | (Span & { kind: "with"; items: { value: CodeValue; alias: string | null }[]; body: CodeStatement[] })
  /** `if`/`unless`: the condition's text and value, the branch taken when it holds, and the other. */
  | (Span & { kind: "branch"; condition: CodeValue; negated: boolean; then: CodeStatement[]; otherwise: CodeStatement[] })
  | (Span & { kind: "expression"; value: CodeValue })
  | (Span & { kind: "return"; value: CodeValue | null })
  /** `foreach ($tables as $table)`: the loop variable, what it runs over, and the body. */
  | (Span & { kind: "loop"; variable: string; iterable: CodeValue; body: CodeStatement[] });

export function option(call: CodeCall, key: string): CodeValue | undefined {
  return call.options.find((o) => o.key === key)?.value;
}

export function hasOption(call: CodeCall, key: string): boolean {
  return call.options.some((o) => o.key === key);
}

/** A string or a symbol/atom: the two ways frameworks spell a name. */
export function nameOf(value: CodeValue | undefined): string | null {
  if (!value) return null;
  if (value.kind === "string" || value.kind === "symbol") return value.value;
  return null;
}

export function stringOf(value: CodeValue | undefined): string | null {
  return value?.kind === "string" ? value.value : null;
}

export function booleanOf(value: CodeValue | undefined): boolean | null {
  return value?.kind === "boolean" ? value.value : null;
}

export function numberOf(value: CodeValue | undefined): number | null {
  return value?.kind === "number" ? value.value : null;
}

/** A name's dotted form (`models.CASCADE`), or null for anything else. */
export function dottedName(value: CodeValue | undefined): string | null {
  return value?.kind === "name" ? value.parts.join(".") : null;
}

/** The last part of a name (`CASCADE` of `models.CASCADE`). */
export function lastName(value: CodeValue | undefined): string | null {
  return value?.kind === "name" ? value.parts[value.parts.length - 1]! : null;
}

/** The value under a key of a map literal (`{ on_delete: :cascade }`). */
export function entry(value: CodeValue | undefined, key: string): CodeValue | undefined {
  if (value?.kind !== "map") return undefined;
  return value.entries.find((e) => nameOf(e.key) === key)?.value;
}

/** The receiver's name when it is a plain name (`t`, `op`, `$table`), else null. */
export function receiverName(call: CodeCall): string | null {
  return dottedName(call.receiver ?? undefined);
}

/** A call chain from its innermost call outwards: `$t->string('x')->nullable()` → [string, nullable], with the base receiver. */
export function chainOf(call: CodeCall): { base: CodeValue | null; calls: CodeCall[] } {
  const calls: CodeCall[] = [];
  let current: CodeValue | null = call;
  while (current?.kind === "call") {
    calls.unshift(current);
    current = current.receiver;
  }
  return { base: current, calls };
}

/** Every call in a statement list, descending into blocks, branches, `with` bodies and class or def bodies. */
export function* callsIn(statements: CodeStatement[]): Generator<CodeCall> {
  for (const statement of statements) {
    switch (statement.kind) {
      case "call":
        yield statement;
        if (statement.block) yield* callsIn(statement.block.body);
        break;
      case "def":
      case "class":
      case "with":
        yield* callsIn(statement.body);
        break;
      case "branch":
        yield* callsIn(statement.then);
        yield* callsIn(statement.otherwise);
        break;
      case "loop":
        yield* callsIn(statement.body);
        break;
      case "assign":
      case "expression":
      case "return":
        break;
    }
  }
}

export function spanOf(node: Node): Span {
  return { line: node.startPosition.row + 1, endLine: node.endPosition.row + 1 };
}

/**
 * The node with each bare name bound in `bindings` replaced by its value: a helper's parameters by the
 * arguments of a call to it, a loop variable by one item. Nothing else is evaluated.
 */
export function substituteNames<T>(node: T, bindings: Map<string, CodeValue>): T {
  if (Array.isArray(node)) return node.map((item) => substituteNames(item, bindings)) as T;
  if (!node || typeof node !== "object") return node;
  const value = node as unknown as CodeValue;
  if (value.kind === "name" && value.parts.length === 1 && bindings.has(value.parts[0]!)) return bindings.get(value.parts[0]!) as unknown as T;
  // A block's own parameter shadows a binding of the same name (`function (Blueprint $table)` inside `foreach (… as $table)`).
  if (value.kind === "block" && value.params.some((p) => bindings.has(p))) {
    bindings = new Map([...bindings].filter(([name]) => !value.params.includes(name)));
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) out[key] = key === "text" ? child : substituteNames(child, bindings);
  return out as T;
}

/** Every call anywhere in the node whose receiver is a dotted name, as `receiver.name` (`utilities.fields.ColorField`). */
export function dottedCalls(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) dottedCalls(item, out);
    return out;
  }
  if (!node || typeof node !== "object") return out;
  const value = node as CodeValue;
  if (value.kind === "call" && value.receiver?.kind === "name") out.add(`${value.receiver.parts.join(".")}.${value.name}`);
  for (const [key, child] of Object.entries(node)) if (key !== "text") dottedCalls(child, out);
  return out;
}

/** A short one-line form of a node's text, for messages. */
export function brief(text: string, max = 80): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
