/**
 * Elixir source → plain statements and values (code-value.ts), through tree-sitter-elixir: Ecto migrations
 * and schemas. `add(:email, :string)` and `add :email, :string` are the same call node; a trailing keyword
 * list is the call's options; `defmodule`/`def` become class and def statements, `@attr value` an assignment.
 */
import { spanOf, type CodeBlock, type CodeCall, type CodeOption, type CodeStatement, type CodeValue } from "./code-value.js";
import { withTree, type Node } from "./tree-sitter.js";

export async function readElixir(text: string): Promise<CodeStatement[]> {
  return withTree("elixir", text, (root) => statements(root));
}

function statements(node: Node | null): CodeStatement[] {
  if (!node) return [];
  const out: CodeStatement[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === "comment" || child.type === "do" || child.type === "end") continue;
    const statement = statementOf(child);
    if (statement) out.push(statement);
  }
  return out;
}

function statementOf(node: Node): CodeStatement | null {
  const span = spanOf(node);
  if (node.type === "call") {
    const target = node.childForFieldName("target");
    const keyword = target?.type === "identifier" ? target.text : null;
    const args = argumentNodes(node);
    if (keyword === "defmodule") {
      return { kind: "class", name: args[0]?.text ?? "", bases: [], body: doBody(node), ...span };
    }
    if (keyword === "def" || keyword === "defp") {
      const head = args[0];
      const name = head?.type === "call" ? (head.childForFieldName("target")?.text ?? "") : (head?.text ?? "");
      const params = head?.type === "call" ? argumentNodes(head).map((p) => p.text) : [];
      return { kind: "def", name, params, body: doBody(node), ...span };
    }
  }
  if (node.type === "unary_operator" && node.childForFieldName("operator")?.text === "@") {
    // `@disable_ddl_transaction true`: a module attribute, read as an assignment to `@name`.
    const operand = node.childForFieldName("operand");
    if (operand?.type === "call") {
      const [first] = argumentNodes(operand);
      const name = operand.childForFieldName("target")?.text ?? "";
      return { kind: "assign", target: `@${name}`, value: first ? valueOf(first) : { kind: "null", ...span }, ...span };
    }
  }
  if (node.type === "binary_operator" && node.childForFieldName("operator")?.text === "=") {
    return { kind: "assign", target: node.childForFieldName("left")?.text ?? "", value: valueOf(node.childForFieldName("right")), ...span };
  }
  const value = valueOf(node);
  return value.kind === "call" ? value : { kind: "expression", value, ...span };
}

/** The statements of a `do … end` block, or of a `do:` keyword. */
function doBody(node: Node): CodeStatement[] {
  const block = node.namedChildren.find((c) => c?.type === "do_block");
  if (block) return statements(block);
  const keywords = argumentNodes(node).find((c) => c.type === "keywords");
  const doPair = keywords?.namedChildren.find((p) => p?.childForFieldName("key")?.text.trim() === "do:");
  const value = doPair?.childForFieldName("value");
  const statement = value ? statementOf(value) : null;
  return statement ? [statement] : [];
}

function argumentNodes(call: Node): Node[] {
  const list = call.namedChildren.find((c) => c?.type === "arguments");
  return (list?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type !== "comment");
}

export function valueOf(node: Node | null | undefined): CodeValue {
  if (!node) return { kind: "null", line: 0, endLine: 0 };
  const span = spanOf(node);
  switch (node.type) {
    case "call":
      return callOf(node);
    case "atom":
      return { kind: "symbol", value: node.text.slice(1), ...span };
    case "quoted_atom": {
      const content = quoted(node);
      return content === null ? { kind: "other", text: node.text, ...span } : { kind: "symbol", value: content.text, ...span };
    }
    case "string":
    case "charlist":
    case "sigil": {
      const name = node.namedChildren.find((c) => c?.type === "sigil_name")?.text;
      if (node.type === "sigil" && name !== "s" && name !== "S") return { kind: "other", text: node.text, ...span };
      const content = quoted(node, name === "S");
      return content === null ? { kind: "other", text: node.text, ...span } : { kind: "string", value: content.text, line: content.line, endLine: span.endLine };
    }
    case "integer":
    case "float": {
      const text = node.text.replaceAll("_", "");
      return { kind: "number", value: Number(text), text, ...span };
    }
    case "boolean":
      return { kind: "boolean", value: node.text === "true", ...span };
    case "nil":
      return { kind: "null", ...span };
    case "list":
    case "tuple": {
      const items = node.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
      // `[null: false]` is a keyword list: read it as a map.
      if (items.length === 1 && items[0]!.type === "keywords") return keywordMap(items[0]!);
      return { kind: "list", items: items.map(valueOf), ...span };
    }
    case "map": {
      const content = node.namedChildren.find((c) => c?.type === "map_content");
      const entries: { key: CodeValue; value: CodeValue }[] = [];
      for (const item of content?.namedChildren ?? []) {
        if (item?.type === "keywords") entries.push(...keywordEntries(item));
        else if (item?.type === "binary_operator" && item.childForFieldName("operator")?.text === "=>") {
          entries.push({ key: valueOf(item.childForFieldName("left")), value: valueOf(item.childForFieldName("right")) });
        }
      }
      return { kind: "map", entries, ...span };
    }
    case "keywords":
      return keywordMap(node);
    case "alias":
      return { kind: "name", parts: node.text.split("."), ...span };
    case "identifier":
      return { kind: "name", parts: [node.text], ...span };
    case "unary_operator": {
      const operator = node.childForFieldName("operator")?.text ?? "";
      const operand = valueOf(node.childForFieldName("operand"));
      if (operator === "-" && operand.kind === "number") return { ...operand, value: -operand.value, text: `-${operand.text}`, ...span };
      return { kind: "operator", operator, operands: [operand], text: node.text, ...span };
    }
    case "binary_operator":
      return {
        kind: "operator",
        operator: node.childForFieldName("operator")?.text ?? "",
        operands: [valueOf(node.childForFieldName("left")), valueOf(node.childForFieldName("right"))],
        text: node.text,
        ...span,
      };
    case "anonymous_function":
      return { kind: "other", text: node.text, ...span };
    case "block": {
      const only = node.namedChildren.filter((c) => c?.type !== "comment");
      return only.length === 1 ? valueOf(only[0]) : { kind: "other", text: node.text, ...span };
    }
    default:
      return { kind: "other", text: node.text, ...span };
  }
}

function callOf(node: Node): CodeValue {
  const span = spanOf(node);
  const target = node.childForFieldName("target");
  let name = target?.text ?? "";
  let receiver: CodeValue | null = null;
  if (target?.type === "dot") {
    name = target.childForFieldName("right")?.text ?? "";
    receiver = valueOf(target.childForFieldName("left"));
  }
  const args: CodeValue[] = [];
  const options: CodeOption[] = [];
  for (const arg of argumentNodes(node)) {
    if (arg.type === "keywords") {
      for (const pair of arg.namedChildren) {
        if (pair?.type !== "pair") continue;
        options.push({ key: keywordKey(pair), value: valueOf(pair.childForFieldName("value")) });
      }
    } else args.push(valueOf(arg));
  }
  const doBlock = node.namedChildren.find((c) => c?.type === "do_block");
  const block: CodeBlock | null = doBlock ? { kind: "block", params: [], body: statements(doBlock), ...spanOf(doBlock) } : null;
  const call: CodeCall = { kind: "call", name, receiver, args, options, block, text: node.text, ...span };
  return call;
}

function keywordKey(pair: Node): string {
  const key = pair.childForFieldName("key");
  if (!key) return "";
  // `null: ` → null; `"quoted key": ` keeps its text without quotes.
  const quotedKey = key.namedChildren.find((c) => c?.type === "quoted_content");
  return quotedKey ? quotedKey.text : key.text.replace(/:\s*$/, "");
}

function keywordEntries(node: Node): { key: CodeValue; value: CodeValue }[] {
  return node.namedChildren
    .filter((c): c is Node => c?.type === "pair")
    .map((pair) => ({ key: { kind: "symbol" as const, value: keywordKey(pair), ...spanOf(pair) }, value: valueOf(pair.childForFieldName("value")) }));
}

function keywordMap(node: Node): CodeValue {
  return { kind: "map", entries: keywordEntries(node), ...spanOf(node) };
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", s: " ", "0": "\0", e: "\x1b" };

/**
 * A quoted literal's text: escapes decoded unless `raw` (`~S`), a heredoc's (`"""`) first newline dropped and
 * its lines unindented by the closing delimiter's column, as Elixir does. Null when it interpolates.
 */
function quoted(node: Node, raw = false): { text: string; line: number } | null {
  let text = "";
  for (const child of node.namedChildren) {
    if (!child || child.type === "sigil_name" || child.type === "sigil_modifiers") continue;
    if (child.type === "quoted_content") text += child.text;
    else if (child.type === "escape_sequence") text += raw ? child.text : (ESCAPES[child.text.slice(1)] ?? child.text.slice(1));
    else return null;
  }
  let line = node.startPosition.row + 1;
  const start = node.childForFieldName("quoted_start")?.text ?? "";
  if (start === '"""' || start === "'''") {
    if (text.startsWith("\n")) {
      text = text.slice(1);
      line += 1;
    }
    const indent = node.childForFieldName("quoted_end")?.startPosition.column ?? 0;
    text = text
      .split("\n")
      .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
      .join("\n");
  }
  return { text, line };
}
