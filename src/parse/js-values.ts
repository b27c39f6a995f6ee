/**
 * Static values of JavaScript/TypeScript syntax, read off a tree-sitter tree: the literals, objects, arrays,
 * names (`Sequelize.DATE`), calls and method chains (`t.string('x').notNullable()`) that migration and
 * model code passes around. Nothing is evaluated: what is not written literally stays `unknown`, with its text.
 * Values hold their nodes, so they are valid only inside the `withTree` callback that made them.
 */
import type { Node } from "./tree-sitter.js";

export type JsValue =
  | { kind: "string"; value: string; node: Node }
  | { kind: "number"; value: number; node: Node }
  | { kind: "boolean"; value: boolean; node: Node }
  | { kind: "null"; node: Node }
  | { kind: "undefined"; node: Node }
  /** `spread` says the object also takes keys from `...other`, which are not known here. */
  | { kind: "object"; entries: Map<string, JsValue>; spread: boolean; node: Node }
  | { kind: "array"; items: JsValue[]; node: Node }
  /** A name or a member path: `Sequelize.DATE`, `ROLES.USER`, `this.tableName`. */
  | { kind: "ref"; path: string[]; node: Node }
  /** A call or `new`, with its chain: `Sequelize.STRING(100)`, `sql\`now()\``, `new TableColumn({…})`. */
  | { kind: "call"; chain: CallChain; node: Node }
  | { kind: "function"; params: string[]; body: Node; node: Node }
  /** Anything else: a template with substitutions, arithmetic, a conditional. */
  | { kind: "unknown"; text: string; node: Node };

export interface ChainLink {
  /** The method or function called. */
  name: string;
  args: JsValue[];
  node: Node;
}

/** `knex.schema.createTable('a', cb).createTable('b', cb)`: root `[knex, schema]`, links createTable, createTable. */
export interface CallChain {
  root: string[];
  links: ChainLink[];
  /** True for `new X(…)`. */
  isNew: boolean;
}

const WRAPPERS = new Set(["parenthesized_expression", "await_expression", "as_expression", "satisfies_expression", "non_null_expression", "type_assertion"]);

/** Parentheses, `await`, `as T`, `satisfies T`, `!`: syntax around a value that does not change it. */
export function isWrapper(type: string): boolean {
  return WRAPPERS.has(type);
}

/** The node without the parentheses, `await`, `as T`, `satisfies T` and `!` around it. */
export function unwrap(node: Node): Node {
  let current = node;
  while (WRAPPERS.has(current.type)) {
    const inner = current.namedChildren.find((child) => child && !child.type.includes("type") && child.type !== "comment");
    if (!inner) break;
    current = inner;
  }
  return current;
}

export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

export function jsValue(input: Node): JsValue {
  const node = unwrap(input);
  switch (node.type) {
    case "string":
      return { kind: "string", value: stringText(node), node };
    case "template_string":
      if (node.namedChildren.some((child) => child?.type === "template_substitution")) return { kind: "unknown", text: node.text, node };
      return { kind: "string", value: stringText(node), node };
    case "number":
      return { kind: "number", value: Number(node.text.replaceAll("_", "")), node };
    case "true":
    case "false":
      return { kind: "boolean", value: node.type === "true", node };
    case "null":
      return { kind: "null", node };
    case "undefined":
      return { kind: "undefined", node };
    case "unary_expression": {
      const argument = node.childForFieldName("argument");
      const operator = node.child(0)?.text;
      if (argument?.type === "number" && (operator === "-" || operator === "+")) {
        return { kind: "number", value: Number(`${operator}${argument.text.replaceAll("_", "")}`), node };
      }
      return { kind: "unknown", text: node.text, node };
    }
    case "object":
      return objectValue(node);
    case "array":
      return { kind: "array", items: node.namedChildren.filter(isCode).map((child) => jsValue(child!)), node };
    case "identifier":
      return node.text === "undefined" ? { kind: "undefined", node } : { kind: "ref", path: [node.text], node };
    case "member_expression":
    case "this": {
      const path = memberPath(node);
      return path ? { kind: "ref", path, node } : { kind: "unknown", text: node.text, node };
    }
    case "call_expression":
    case "new_expression": {
      const chain = callChain(node);
      return chain ? { kind: "call", chain, node } : { kind: "unknown", text: node.text, node };
    }
    case "arrow_function":
    case "function_expression":
    case "function": {
      const body = node.childForFieldName("body");
      if (!body) return { kind: "unknown", text: node.text, node };
      return { kind: "function", params: parameterNames(node), body, node };
    }
    default:
      return { kind: "unknown", text: node.text, node };
  }
}

function isCode(node: Node | null): node is Node {
  return !!node && node.type !== "comment";
}

/** The text of a string or substitution-free template literal, escapes resolved. */
function stringText(node: Node): string {
  let out = "";
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === "string_fragment") out += child.text;
    else if (child.type === "escape_sequence") out += unescape(child.text);
  }
  return out;
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0" };
  const body = sequence.slice(1);
  if (body in simple) return simple[body]!;
  if (body.startsWith("u{")) return String.fromCodePoint(parseInt(body.slice(2, -1), 16));
  if (body.startsWith("u") || body.startsWith("x")) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (body.startsWith("\n") || body.startsWith("\r")) return "";
  return body;
}

function objectValue(node: Node): JsValue {
  const entries = new Map<string, JsValue>();
  let spread = false;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === "pair") {
      const key = propertyKey(child.childForFieldName("key"));
      const value = child.childForFieldName("value");
      if (key === null || !value) spread = true;
      else entries.set(key, jsValue(value));
    } else if (child.type === "shorthand_property_identifier") {
      entries.set(child.text, { kind: "ref", path: [child.text], node: child });
    } else if (child.type === "method_definition") {
      const key = propertyKey(child.childForFieldName("name"));
      const body = child.childForFieldName("body");
      if (key !== null && body) entries.set(key, { kind: "function", params: parameterNames(child), body, node: child });
    } else if (child.type === "spread_element") {
      spread = true;
    }
  }
  return { kind: "object", entries, spread, node };
}

/** An object key as written: `a`, `'a'`, `1`; a computed key as its source in brackets (`[Op.ne]`). */
export function propertyKey(node: Node | null): string | null {
  if (!node) return null;
  if (node.type === "computed_property_name") return node.text;
  if (node.type === "property_identifier" || node.type === "identifier" || node.type === "private_property_identifier") return node.text;
  if (node.type === "string") return stringText(node);
  if (node.type === "number") return node.text;
  return null;
}

/** `a.b.c` → `[a, b, c]`; `this.x` → `[this, x]`; null when any part is computed or a call. */
export function memberPath(input: Node): string[] | null {
  const node = unwrap(input);
  if (node.type === "identifier" || node.type === "this" || node.type === "super") return [node.text];
  if (node.type !== "member_expression") return null;
  const object = node.childForFieldName("object");
  const property = node.childForFieldName("property");
  if (!object || !property) return null;
  const head = memberPath(object);
  return head ? [...head, property.text] : null;
}

/** The names of a function's parameters, in order (`_` for a destructured one). */
export function parameterNames(fn: Node): string[] {
  const single = fn.childForFieldName("parameter");
  if (single) return [single.text];
  const list = fn.childForFieldName("parameters");
  if (!list) return [];
  return list.namedChildren.filter(isCode).map((parameter) => {
    const pattern = parameter!.childForFieldName("pattern") ?? parameter!;
    return pattern.type === "identifier" ? pattern.text : "_";
  });
}

/** Reads a call or `new` expression and the calls it is chained on. */
export function callChain(input: Node): CallChain | null {
  const node = unwrap(input);
  const links: ChainLink[] = [];
  let current: Node = node;
  let isNew = false;
  for (;;) {
    current = unwrap(current);
    if (current.type !== "call_expression" && current.type !== "new_expression") break;
    isNew ||= current.type === "new_expression";
    const callee = current.childForFieldName(current.type === "new_expression" ? "constructor" : "function");
    const argsNode = current.childForFieldName("arguments");
    if (!callee) return null;
    // A tagged template (`sql\`now()\``) passes its template as the only argument.
    const args = !argsNode ? [] : argsNode.type === "template_string" ? [jsValue(argsNode)] : argsNode.namedChildren.filter(isCode).map((a) => jsValue(a!));
    const target = unwrap(callee);
    if (target.type === "member_expression") {
      const property = target.childForFieldName("property");
      const object = target.childForFieldName("object");
      if (!property || !object) return null;
      links.unshift({ name: property.text, args, node: current });
      current = object;
      continue;
    }
    if (target.type === "identifier" || target.type === "import" || target.type === "super") {
      links.unshift({ name: target.text, args, node: current });
      return { root: [], links, isNew };
    }
    return null;
  }
  const root = memberPath(current);
  return root ? { root, links, isNew } : null;
}

/** The whole callee path of a one-call chain: `Sequelize.STRING(100)` → `[Sequelize, STRING]`. */
export function calleePath(chain: CallChain): string[] {
  return [...chain.root, ...chain.links.map((link) => link.name)];
}

export function entry(value: JsValue | undefined, key: string): JsValue | undefined {
  return value?.kind === "object" ? value.entries.get(key) : undefined;
}

export function asString(value: JsValue | undefined): string | null {
  return value?.kind === "string" ? value.value : null;
}

export function asBoolean(value: JsValue | undefined): boolean | null {
  return value?.kind === "boolean" ? value.value : null;
}

export function asNumber(value: JsValue | undefined): number | null {
  return value?.kind === "number" ? value.value : null;
}

/** A string, or an array of strings (`'email'` or `['a', 'b']`); null when any item is not a literal. */
export function asStringList(value: JsValue | undefined): string[] | null {
  if (value?.kind === "string") return [value.value];
  if (value?.kind !== "array") return null;
  const items = value.items.map(asString);
  return items.every((item): item is string => item !== null) ? items : null;
}
