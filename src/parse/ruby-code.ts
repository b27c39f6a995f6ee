/**
 * Ruby source → plain statements and values (code-value.ts), through tree-sitter-ruby. A call is one node
 * however many lines it spans; comments are dropped by the grammar; a heredoc's body, which the grammar
 * places after the line that opens it, is joined back to its `<<~SQL` argument.
 */
import { spanOf, type CodeBlock, type CodeCall, type CodeOption, type CodeStatement, type CodeValue } from "./code-value.js";
import { withTree, type Node } from "./tree-sitter.js";

export async function readRuby(text: string): Promise<CodeStatement[]> {
  return withTree("ruby", text, (root) => new RubyReader(root).statements(root));
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", s: " ", "0": "\0", e: "\x1b" };

class RubyReader {
  private readonly heredocs = new Map<number, Node>();

  constructor(root: Node) {
    // The n-th heredoc opener's body is the n-th heredoc body in document order.
    const openers = root.descendantsOfType("heredoc_beginning").filter((n): n is Node => n !== null);
    const bodies = root.descendantsOfType("heredoc_body").filter((n): n is Node => n !== null);
    openers.forEach((opener, i) => {
      const body = bodies[i];
      if (body) this.heredocs.set(opener.id, body);
    });
  }

  statements(node: Node | null): CodeStatement[] {
    if (!node) return [];
    const out: CodeStatement[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      const statement = this.statement(child);
      if (statement) out.push(statement);
    }
    return out;
  }

  private statement(node: Node): CodeStatement | null {
    const span = spanOf(node);
    switch (node.type) {
      case "comment":
      case "heredoc_body":
      case "empty_statement":
        return null;
      case "class":
      case "module": {
        const superclass = node.childForFieldName("superclass")?.namedChildren[0];
        return {
          kind: "class",
          name: node.childForFieldName("name")?.text ?? "",
          bases: superclass ? [this.value(superclass)] : [],
          body: this.statements(node.childForFieldName("body")),
          ...span,
        };
      }
      case "method":
      case "singleton_method":
        return {
          kind: "def",
          name: node.childForFieldName("name")?.text ?? "",
          params: paramsOf(node.childForFieldName("parameters")),
          body: this.statements(node.childForFieldName("body")),
          ...span,
        };
      case "assignment":
        return { kind: "assign", target: node.childForFieldName("left")?.text ?? "", value: this.value(node.childForFieldName("right")), ...span };
      case "if":
      case "elsif":
      case "unless":
      case "if_modifier":
      case "unless_modifier": {
        const modifier = node.type.endsWith("_modifier");
        const body = modifier ? this.statementList(node.childForFieldName("body")) : this.statements(node.childForFieldName("consequence"));
        const alternative = node.childForFieldName("alternative");
        return {
          kind: "branch",
          condition: this.value(node.childForFieldName("condition")),
          negated: node.type.startsWith("unless"),
          then: body,
          otherwise: alternative?.type === "elsif" ? this.statementList(alternative) : this.statements(alternative),
          ...span,
        };
      }
      case "begin":
      case "body_statement":
      case "parenthesized_statements":
        return { kind: "branch", condition: { kind: "boolean", value: true, ...span }, negated: false, then: this.statements(node), otherwise: [], ...span };
      case "identifier":
        // A bare word as a statement is a call with no arguments (`safety_assured`, `disable_ddl_transaction!`).
        return { kind: "call", name: node.text, receiver: null, args: [], options: [], block: null, text: node.text, ...span };
      default: {
        const value = this.value(node);
        return value.kind === "call" ? value : { kind: "expression", value, ...span };
      }
    }
  }

  private statementList(node: Node | null): CodeStatement[] {
    if (!node) return [];
    const statement = this.statement(node);
    return statement ? [statement] : [];
  }

  value(node: Node | null | undefined): CodeValue {
    if (!node) return { kind: "null", line: 0, endLine: 0 };
    const span = spanOf(node);
    switch (node.type) {
      case "call":
        return this.call(node);
      case "simple_symbol":
        return { kind: "symbol", value: node.text.slice(1), ...span };
      case "hash_key_symbol":
        return { kind: "symbol", value: node.text, ...span };
      case "delimited_symbol": {
        const content = this.stringContent(node);
        return content === null ? { kind: "other", text: node.text, ...span } : { kind: "symbol", value: content, ...span };
      }
      case "string": {
        const content = this.stringContent(node);
        return content === null ? { kind: "other", text: node.text, ...span } : { kind: "string", value: content, ...span };
      }
      case "heredoc_beginning":
        return this.heredoc(node);
      case "string_array":
      case "symbol_array":
        return {
          kind: "list",
          items: node.namedChildren.filter((c): c is Node => c !== null).map((c) => ({
            kind: node.type === "string_array" ? ("string" as const) : ("symbol" as const),
            value: c.text,
            ...spanOf(c),
          })),
          ...span,
        };
      case "integer":
      case "float": {
        const text = node.text.replaceAll("_", "");
        return { kind: "number", value: Number(text), text, ...span };
      }
      case "unary": {
        const operand = node.childForFieldName("operand");
        const operator = node.childForFieldName("operator")?.text;
        if (operator === "-" && operand && (operand.type === "integer" || operand.type === "float")) {
          const text = `-${operand.text.replaceAll("_", "")}`;
          return { kind: "number", value: Number(text), text, ...span };
        }
        return { kind: "operator", operator: operator ?? "", operands: [this.value(operand)], text: node.text, ...span };
      }
      case "binary":
        return {
          kind: "operator",
          operator: node.childForFieldName("operator")?.text ?? "",
          operands: [this.value(node.childForFieldName("left")), this.value(node.childForFieldName("right"))],
          text: node.text,
          ...span,
        };
      case "true":
      case "false":
        return { kind: "boolean", value: node.type === "true", ...span };
      case "nil":
        return { kind: "null", ...span };
      case "array":
        return { kind: "list", items: node.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment").map((c) => this.value(c)), ...span };
      case "hash":
        return {
          kind: "map",
          entries: node.namedChildren
            .filter((c): c is Node => c?.type === "pair")
            .map((pair) => ({ key: this.value(pair.childForFieldName("key")), value: this.value(pair.childForFieldName("value")) })),
          ...span,
        };
      case "identifier":
      case "constant":
      case "self":
      case "instance_variable":
        return { kind: "name", parts: [node.text], ...span };
      case "scope_resolution": {
        const scope = node.childForFieldName("scope");
        const name = node.childForFieldName("name")?.text ?? "";
        const head = scope ? this.value(scope) : null;
        return head?.kind === "name" ? { kind: "name", parts: [...head.parts, name], ...span } : { kind: "name", parts: [name], ...span };
      }
      case "element_reference": {
        // `ActiveRecord::Migration[7.1]`: read as a call of `[]` on the receiver.
        const object = node.childForFieldName("object");
        const args = node.namedChildren.filter((c): c is Node => c !== null && c.id !== object?.id).map((c) => this.value(c));
        return { kind: "call", name: "[]", receiver: this.value(object), args, options: [], block: null, text: node.text, ...span };
      }
      case "lambda":
      case "block":
      case "do_block":
        return this.block(node);
      case "parenthesized_statements": {
        const only = node.namedChildren.length === 1 ? node.namedChildren[0] : null;
        return only ? this.value(only) : { kind: "other", text: node.text, ...span };
      }
      default:
        return { kind: "other", text: node.text, ...span };
    }
  }

  private call(node: Node): CodeValue {
    const span = spanOf(node);
    const method = node.childForFieldName("method");
    const receiverNode = node.childForFieldName("receiver");
    // `<<~SQL.squish` / `.strip_heredoc`: the heredoc's text, as the method leaves it.
    if (receiverNode?.type === "heredoc_beginning") {
      const heredoc = this.heredoc(receiverNode);
      if (heredoc.kind === "string" && method && ["squish", "strip", "strip_heredoc", "freeze", "chomp", "dup"].includes(method.text)) {
        return method.text === "squish" ? { ...heredoc, value: heredoc.value.trim().split(/\s+/).join(" ") } : heredoc;
      }
    }
    const args: CodeValue[] = [];
    const options: CodeOption[] = [];
    const argumentList = node.childForFieldName("arguments");
    for (const arg of argumentList?.namedChildren ?? []) {
      if (!arg || arg.type === "comment") continue;
      if (arg.type === "pair") {
        const key = this.value(arg.childForFieldName("key"));
        const keyName = key.kind === "symbol" || key.kind === "string" ? key.value : null;
        if (keyName !== null) options.push({ key: keyName, value: this.value(arg.childForFieldName("value")) });
        else args.push({ kind: "other", text: arg.text, ...spanOf(arg) });
      } else if (arg.type === "block_argument") {
        args.push({ kind: "other", text: arg.text, ...spanOf(arg) });
      } else {
        args.push(this.value(arg));
      }
    }
    const blockNode = node.childForFieldName("block");
    const call: CodeCall = {
      kind: "call",
      name: method?.text ?? "",
      receiver: receiverNode ? this.value(receiverNode) : null,
      args,
      options,
      block: blockNode ? this.block(blockNode) : null,
      text: node.text,
      ...span,
    };
    return call;
  }

  private block(node: Node): CodeBlock {
    const body = node.childForFieldName("body");
    const params = node.childForFieldName("parameters");
    // A `{ "now()" }` or `do … end` body; a lambda keeps its body in a nested block.
    const inner = node.type === "lambda" ? body : node;
    const statements = inner?.type === "block" || inner?.type === "do_block" ? this.statements(inner.childForFieldName("body")) : this.statements(body);
    const innerParams = inner && inner !== node ? inner.childForFieldName("parameters") : null;
    return { kind: "block", params: paramsOf(params ?? innerParams), body: statements, ...spanOf(node) };
  }

  /** A string's text with its escapes decoded; null when it interpolates (`"#{x}"`), which only run time knows. */
  private stringContent(node: Node): string | null {
    const single = node.text.startsWith("'") || node.text.startsWith(":'");
    let out = "";
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "string_content") out += single ? child.text.replace(/\\([\\'])/g, "$1") : child.text;
      else if (child.type === "escape_sequence") out += decodeEscape(child.text);
      else {
        const literal = this.literalInterpolation(child);
        if (literal === null) return null;
        out += literal;
      }
    }
    return out;
  }

  /** `#{' '}`: an interpolation of a literal is that literal's text; any other is only known at run time. */
  private literalInterpolation(node: Node): string | null {
    if (node.type !== "interpolation" || node.namedChildren.length !== 1) return null;
    const value = this.value(node.namedChildren[0]);
    if (value.kind === "string") return value.value;
    return value.kind === "number" ? value.text : null;
  }

  private heredoc(opener: Node): CodeValue {
    const span = spanOf(opener);
    const body = this.heredocs.get(opener.id);
    if (!body) return { kind: "other", text: opener.text, ...span };
    let text = "";
    for (const child of body.namedChildren) {
      if (!child || child.type === "heredoc_end") continue;
      if (child.type === "heredoc_content") text += child.text;
      else if (child.type === "escape_sequence") text += decodeEscape(child.text);
      else {
        const literal = this.literalInterpolation(child);
        if (literal === null) return { kind: "other", text: `${opener.text}${body.text}`, ...span };
        text += literal;
      }
    }
    // The body starts at the end of the opener's line; its first line of text is the next one.
    if (text.startsWith("\n")) text = text.slice(1);
    if (opener.text.startsWith("<<~")) text = dedent(text);
    const line = body.startPosition.row + 2;
    return { kind: "string", value: text, line, endLine: body.endPosition.row + 1 };
  }
}

function decodeEscape(text: string): string {
  const ch = text.slice(1);
  if (ch.startsWith("u")) return String.fromCodePoint(Number.parseInt(ch.slice(1).replace(/[{}]/g, ""), 16));
  return ESCAPES[ch] ?? ch;
}

/** `<<~` removes the smallest indentation of the non-blank lines. */
function dedent(text: string): string {
  const lines = text.split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, l.length - l.trimStart().length))).join("\n");
}

function paramsOf(node: Node | null): string[] {
  if (!node) return [];
  return node.namedChildren.filter((c): c is Node => c !== null).map((c) => c.childForFieldName("name")?.text ?? c.text);
}
