/**
 * PHP source → plain statements and values (code-value.ts), through tree-sitter-php: Laravel migrations and
 * Eloquent models. `$table->string('x')->nullable()` is a chain of calls, each the receiver of the next;
 * closures are blocks; `return new class extends Migration { … }` is a class like a named one.
 */
import { spanOf, type CodeBlock, type CodeCall, type CodeOption, type CodeStatement, type CodeValue } from "./code-value.js";
import { withTree, type Node } from "./tree-sitter.js";

export async function readPhp(text: string): Promise<CodeStatement[]> {
  return withTree("php", text, (root) => statements(root));
}

function statements(node: Node | null): CodeStatement[] {
  if (!node) return [];
  const out: CodeStatement[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    out.push(...statementsOf(child));
  }
  return out;
}

function statementsOf(node: Node): CodeStatement[] {
  const span = spanOf(node);
  switch (node.type) {
    case "comment":
    case "php_tag":
    case "text_interpolation":
    case "namespace_definition":
    case "empty_statement":
      return [];
    case "namespace_use_declaration":
      // `use A\B\Model as Base;` binds a short name to the class it stands for: read as an assignment.
      return node.namedChildren
        .filter((c): c is Node => c?.type === "namespace_use_clause")
        .flatMap((clause) => {
          const qualified = clause.namedChildren.find((c) => c?.type === "qualified_name" || c?.type === "name");
          if (!qualified) return [];
          const parts = qualified.text.split("\\").filter(Boolean);
          const alias = clause.childForFieldName("alias")?.text ?? parts[parts.length - 1]!;
          return [{ kind: "assign" as const, target: alias, value: { kind: "name" as const, parts, ...span }, ...span }];
        });
    case "class_declaration":
    case "anonymous_class": {
      const base = node.namedChildren.find((c) => c?.type === "base_clause");
      return [
        {
          kind: "class",
          name: node.childForFieldName("name")?.text ?? "",
          bases: (base?.namedChildren ?? []).filter((c): c is Node => c !== null).map(valueOf),
          body: statements(node.childForFieldName("body") ?? node.namedChildren.find((c) => c?.type === "declaration_list") ?? null),
          modifiers: node.namedChildren.filter((c): c is Node => c !== null && c.type.endsWith("_modifier")).map((c) => c.text),
          ...span,
        },
      ];
    }
    case "return_statement": {
      const creation = node.namedChildren.find((c) => c?.type === "object_creation_expression");
      const anonymous = creation?.namedChildren.find((c) => c?.type === "anonymous_class");
      if (anonymous) return statementsOf(anonymous);
      const value = node.namedChildren[0];
      return value ? [{ kind: "expression", value: valueOf(value), ...span }] : [];
    }
    case "method_declaration":
    case "function_definition":
      return [{ kind: "def", name: node.childForFieldName("name")?.text ?? "", params: paramsOf(node.childForFieldName("parameters")), body: statements(node.childForFieldName("body")), ...span }];
    case "property_declaration":
      return node.namedChildren
        .filter((c): c is Node => c?.type === "property_element")
        .map((element) => ({
          kind: "assign" as const,
          target: element.childForFieldName("name")?.text ?? "",
          value: element.childForFieldName("default_value") ? valueOf(element.childForFieldName("default_value")) : { kind: "null" as const, ...span },
          ...span,
        }));
    case "compound_statement":
      return statements(node);
    case "expression_statement": {
      const inner = node.namedChildren[0];
      if (!inner) return [];
      if (inner.type === "assignment_expression") {
        return [{ kind: "assign", target: inner.childForFieldName("left")?.text ?? "", value: valueOf(inner.childForFieldName("right")), ...span }];
      }
      const value = valueOf(inner);
      return [value.kind === "call" ? value : { kind: "expression", value, ...span }];
    }
    case "if_statement":
      return [branch(node, node.childrenForFieldName("alternative").filter((c): c is Node => c !== null))];
    case "try_statement":
      return statements(node.childForFieldName("body"));
    case "foreach_statement": {
      const [iterable, variable] = node.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
      const body = node.childForFieldName("body");
      if (!iterable || variable?.type !== "variable_name" || !body) return [{ kind: "expression", value: { kind: "other", text: node.text, ...span }, ...span }];
      return [{ kind: "loop", variable: variable.text, iterable: valueOf(iterable), body: statementsOf(body), ...span }];
    }
    default:
      return [{ kind: "expression", value: { kind: "other", text: node.text, ...span }, ...span }];
  }
}

/** An `if` (or `elseif`) with the clauses after it: each `elseif` is a branch in the one before's `otherwise`. */
function branch(node: Node, alternatives: Node[]): CodeStatement {
  const [next, ...rest] = alternatives;
  let otherwise: CodeStatement[] = [];
  if (next?.type === "else_clause") otherwise = statementsOf(next.childForFieldName("body") ?? next);
  else if (next?.type === "else_if_clause") otherwise = [branch(next, rest)];
  let condition = node.childForFieldName("condition");
  if (condition?.type === "parenthesized_expression") condition = condition.namedChildren[0] ?? condition;
  const negated = condition?.type === "unary_op_expression" && condition.childForFieldName("operator")?.text === "!";
  const body = node.childForFieldName("body");
  return {
    kind: "branch",
    condition: valueOf(negated ? condition?.childForFieldName("argument") : condition),
    negated,
    then: body ? statementsOf(body) : [],
    otherwise,
    ...spanOf(node),
  };
}

export function valueOf(node: Node | null | undefined): CodeValue {
  if (!node) return { kind: "null", line: 0, endLine: 0 };
  const span = spanOf(node);
  switch (node.type) {
    case "member_call_expression":
    case "nullsafe_member_call_expression":
      return callOf(node, valueOf(node.childForFieldName("object")));
    case "scoped_call_expression":
      return callOf(node, valueOf(node.childForFieldName("scope")));
    case "function_call_expression":
      return callOf(node, null);
    case "string":
    case "encapsed_string": {
      const content = stringContent(node);
      return content === null ? { kind: "other", text: node.text, ...span } : { kind: "string", value: content, ...span };
    }
    case "heredoc":
    case "nowdoc":
      return docString(node);
    case "integer":
    case "float": {
      const text = node.text.replaceAll("_", "");
      return { kind: "number", value: Number(text), text, ...span };
    }
    case "boolean":
      return { kind: "boolean", value: node.text.toLowerCase() === "true", ...span };
    case "null":
      return { kind: "null", ...span };
    case "array_creation_expression": {
      const elements = node.namedChildren.filter((c): c is Node => c?.type === "array_element_initializer");
      const keyed = elements.some((e) => e.namedChildren.length === 2);
      if (keyed) {
        return {
          kind: "map",
          entries: elements.map((e) => ({ key: valueOf(e.namedChildren[0]), value: valueOf(e.namedChildren[1] ?? e.namedChildren[0]) })),
          ...span,
        };
      }
      return { kind: "list", items: elements.map((e) => valueOf(e.namedChildren[0])), ...span };
    }
    case "variable_name":
      return { kind: "name", parts: [node.text], ...span };
    case "name":
    case "qualified_name":
      return { kind: "name", parts: node.text.split("\\").filter(Boolean), ...span };
    case "class_constant_access_expression":
      return { kind: "name", parts: node.namedChildren.filter((c): c is Node => c !== null).map((c) => c.text), ...span };
    case "anonymous_function":
    case "anonymous_function_creation_expression":
    case "arrow_function":
      return closure(node);
    case "unary_op_expression": {
      const operator = node.childForFieldName("operator")?.text ?? "";
      const argument = valueOf(node.childForFieldName("argument"));
      if (operator === "-" && argument.kind === "number") return { ...argument, value: -argument.value, text: `-${argument.text}`, ...span };
      return { kind: "operator", operator, operands: [argument], text: node.text, ...span };
    }
    case "binary_expression": {
      const operator = node.childForFieldName("operator")?.text ?? "";
      const left = valueOf(node.childForFieldName("left"));
      const right = valueOf(node.childForFieldName("right"));
      if (operator === "." && left.kind === "string" && right.kind === "string") return { kind: "string", value: left.value + right.value, ...span };
      return { kind: "operator", operator, operands: [left, right], text: node.text, ...span };
    }
    case "parenthesized_expression": {
      const only = node.namedChildren[0];
      return only ? valueOf(only) : { kind: "other", text: node.text, ...span };
    }
    default:
      return { kind: "other", text: node.text, ...span };
  }
}

function callOf(node: Node, receiver: CodeValue | null): CodeCall {
  const nameNode = node.childForFieldName("name") ?? node.childForFieldName("function");
  const args: CodeValue[] = [];
  const options: CodeOption[] = [];
  for (const arg of node.childForFieldName("arguments")?.namedChildren ?? []) {
    if (!arg || arg.type === "comment") continue;
    const named = arg.childForFieldName("name");
    const value = arg.namedChildren.filter((c) => c?.id !== named?.id)[0];
    if (named) options.push({ key: named.text, value: valueOf(value) });
    else args.push(valueOf(value ?? arg));
  }
  return { kind: "call", name: nameNode?.text ?? "", receiver, args, options, block: null, text: node.text, ...spanOf(node) };
}

function closure(node: Node): CodeBlock {
  const body = node.childForFieldName("body");
  let statementsBody: CodeStatement[] = [];
  if (body?.type === "compound_statement") statementsBody = statements(body);
  else if (body) {
    // An arrow function's body is one expression: the statement it would be.
    const value = valueOf(body);
    statementsBody = [value.kind === "call" ? value : { kind: "expression", value, ...spanOf(body) }];
  }
  return { kind: "block", params: paramsOf(node.childForFieldName("parameters")), body: statementsBody, ...spanOf(node) };
}

function paramsOf(node: Node | null): string[] {
  return (node?.namedChildren ?? [])
    .filter((c): c is Node => c !== null)
    .map((c) => c.childForFieldName("name")?.text ?? c.text);
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", v: "\v", f: "\f", e: "\x1b", "0": "\0", "\\": "\\", $: "$", '"': '"' };

/** A string's text with its escapes decoded; null when it interpolates a variable. */
function stringContent(node: Node): string | null {
  const single = node.type === "string" && node.text.startsWith("'");
  let out = "";
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === "string_content" || child.type === "string_value") out += single ? child.text.replace(/\\([\\'])/g, "$1") : child.text;
    else if (child.type === "escape_sequence") out += ESCAPES[child.text.slice(1)] ?? child.text;
    else return null;
  }
  return out;
}

/** A heredoc or nowdoc: its lines, unindented by the closing marker's column (PHP 7.3+). */
function docString(node: Node): CodeValue {
  const span = spanOf(node);
  const body = node.childForFieldName("value");
  const end = node.childForFieldName("end_tag");
  if (!body) return { kind: "string", value: "", ...span };
  let text = "";
  for (const child of body.namedChildren) {
    if (!child) continue;
    if (child.type === "string_content" || child.type === "nowdoc_string" || child.type === "string_value") text += child.text;
    else if (child.type === "escape_sequence" && node.type === "heredoc") text += ESCAPES[child.text.slice(1)] ?? child.text;
    else return { kind: "other", text: node.text, ...span };
  }
  const indent = end?.startPosition.column ?? 0;
  const value = text
    .split("\n")
    .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
    .join("\n");
  return { kind: "string", value, line: body.startPosition.row + 1 + (body.text.startsWith("\n") ? 1 : 0), endLine: span.endLine };
}
