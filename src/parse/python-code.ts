/**
 * Python source → plain statements and values (code-value.ts), through tree-sitter-python: Django models and
 * migrations, Alembic revisions, SQLAlchemy models. Adjacent string literals are joined as Python joins them;
 * an f-string that interpolates stays `other`.
 */
import { spanOf, type CodeCall, type CodeOption, type CodeStatement, type CodeValue } from "./code-value.js";
import { withTree, type Node } from "./tree-sitter.js";

export async function readPython(text: string): Promise<CodeStatement[]> {
  return withTree("python", text, (root) => statements(root));
}

function statements(node: Node | null): CodeStatement[] {
  if (!node) return [];
  const out: CodeStatement[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === "import_from_statement") {
      out.push(...importBindings(child));
      continue;
    }
    const statement = statementOf(child);
    if (statement) out.push(statement);
  }
  return out;
}

function statementOf(node: Node): CodeStatement | null {
  const span = spanOf(node);
  switch (node.type) {
    case "comment":
    case "pass_statement":
    case "import_statement":
    case "future_import_statement":
      return null;
    case "import_from_statement":
      return null;
    case "expression_statement": {
      const inner = node.namedChildren[0];
      if (!inner) return null;
      if (inner.type === "assignment") return assignment(inner);
      const value = valueOf(inner);
      return value.kind === "call" ? value : { kind: "expression", value, ...span };
    }
    case "decorated_definition": {
      const definition = node.childForFieldName("definition");
      return definition ? statementOf(definition) : null;
    }
    case "class_definition": {
      const bases = node.childForFieldName("superclasses");
      return {
        kind: "class",
        name: node.childForFieldName("name")?.text ?? "",
        bases: bases ? bases.namedChildren.filter((c): c is Node => c !== null && c.type !== "keyword_argument").map(valueOf) : [],
        body: statements(node.childForFieldName("body")),
        ...span,
      };
    }
    case "function_definition":
      return {
        kind: "def",
        name: node.childForFieldName("name")?.text ?? "",
        params: (node.childForFieldName("parameters")?.namedChildren ?? [])
          .filter((c): c is Node => c !== null)
          .map((c) => c.childForFieldName("name")?.text ?? c.text),
        body: statements(node.childForFieldName("body")),
        ...span,
      };
    case "with_statement": {
      const clause = node.namedChildren.find((c) => c?.type === "with_clause");
      const items = (clause?.namedChildren ?? [])
        .filter((c): c is Node => c?.type === "with_item")
        .map((item) => {
          const value = item.childForFieldName("value");
          if (value?.type === "as_pattern") {
            const target = value.childForFieldName("alias");
            return { value: valueOf(value.namedChildren[0]), alias: target?.text ?? null };
          }
          return { value: valueOf(value), alias: null };
        });
      return { kind: "with", items, body: statements(node.childForFieldName("body")), ...span };
    }
    case "if_statement":
      return branch(node, node.childrenForFieldName("alternative").filter((c): c is Node => c !== null));
    case "return_statement": {
      const value = node.namedChildren.find((c) => c?.type !== "comment");
      return { kind: "return", value: value ? valueOf(value) : null, ...span };
    }
    case "try_statement":
      // The body runs; handlers only when it fails.
      return { kind: "branch", condition: { kind: "boolean", value: true, ...span }, negated: false, then: statements(node.childForFieldName("body")), otherwise: [], ...span };
    default:
      return { kind: "expression", value: { kind: "other", text: node.text, ...span }, ...span };
  }
}

/**
 * `from extras.managers import TagField as Tags` binds names to dotted paths: read as assignments of names
 * (`Tags` = extras.managers.TagField), so that a reader can tell where a class comes from. A relative module
 * keeps its leading dots (`.fields`).
 */
function importBindings(node: Node): CodeStatement[] {
  const module = node.childForFieldName("module_name")?.text ?? "";
  const span = spanOf(node);
  const bindings: CodeStatement[] = [];
  for (const child of node.childrenForFieldName("name")) {
    if (!child) continue;
    const name = child.type === "aliased_import" ? child.childForFieldName("name")?.text ?? "" : child.text;
    const alias = child.type === "aliased_import" ? child.childForFieldName("alias")?.text ?? name : name;
    bindings.push({ kind: "assign", target: alias, value: { kind: "name", parts: [...module.split("."), name], ...span }, ...span });
  }
  return bindings;
}

/** An `if` (or `elif`) with the clauses that follow it: each `elif` is a branch in the one before's `otherwise`. */
function branch(node: Node, alternatives: Node[]): CodeStatement {
  const [next, ...rest] = alternatives;
  let otherwise: CodeStatement[] = [];
  if (next?.type === "else_clause") otherwise = statements(next.childForFieldName("body"));
  else if (next?.type === "elif_clause") otherwise = [branch(next, rest)];
  const condition = node.childForFieldName("condition");
  const negated = condition?.type === "not_operator";
  return {
    kind: "branch",
    condition: valueOf(negated ? condition?.childForFieldName("argument") : condition),
    negated,
    then: statements(node.childForFieldName("consequence")),
    otherwise,
    ...spanOf(node),
  };
}

function assignment(node: Node): CodeStatement {
  const annotation = node.childForFieldName("type")?.text;
  return {
    kind: "assign",
    target: node.childForFieldName("left")?.text ?? "",
    value: valueOf(node.childForFieldName("right")),
    ...(annotation ? { annotation } : {}),
    ...spanOf(node),
  };
}

export function valueOf(node: Node | null | undefined): CodeValue {
  if (!node) return { kind: "null", line: 0, endLine: 0 };
  const span = spanOf(node);
  switch (node.type) {
    case "call":
      return callOf(node);
    case "string": {
      const content = stringContent(node);
      return content === null ? { kind: "other", text: node.text, ...span } : { kind: "string", value: content, ...span };
    }
    case "concatenated_string": {
      let out = "";
      for (const part of node.namedChildren) {
        const content = part?.type === "string" ? stringContent(part) : null;
        if (content === null) return { kind: "other", text: node.text, ...span };
        out += content;
      }
      return { kind: "string", value: out, ...span };
    }
    case "integer":
    case "float": {
      const text = node.text.replaceAll("_", "");
      return { kind: "number", value: Number(text), text, ...span };
    }
    case "true":
    case "false":
      return { kind: "boolean", value: node.type === "true", ...span };
    case "none":
      return { kind: "null", ...span };
    case "list":
    case "tuple":
    case "set":
      return { kind: "list", items: node.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment").map(valueOf), ...span };
    case "dictionary":
      return {
        kind: "map",
        entries: node.namedChildren
          .filter((c): c is Node => c?.type === "pair")
          .map((pair) => ({ key: valueOf(pair.childForFieldName("key")), value: valueOf(pair.childForFieldName("value")) })),
        ...span,
      };
    case "identifier":
      return { kind: "name", parts: [node.text], ...span };
    case "attribute": {
      const object = valueOf(node.childForFieldName("object"));
      const attribute = node.childForFieldName("attribute")?.text ?? "";
      return object.kind === "name" ? { kind: "name", parts: [...object.parts, attribute], ...span } : { kind: "other", text: node.text, ...span };
    }
    case "parenthesized_expression": {
      const only = node.namedChildren.filter((c) => c?.type !== "comment");
      return only.length === 1 ? valueOf(only[0]) : { kind: "other", text: node.text, ...span };
    }
    case "unary_operator": {
      const operator = node.childForFieldName("operator")?.text ?? "";
      const argument = valueOf(node.childForFieldName("argument"));
      if (operator === "-" && argument.kind === "number") return { ...argument, value: -argument.value, text: `-${argument.text}`, ...span };
      return { kind: "operator", operator, operands: [argument], text: node.text, ...span };
    }
    case "not_operator":
      return { kind: "operator", operator: "not", operands: [valueOf(node.childForFieldName("argument"))], text: node.text, ...span };
    case "binary_operator":
    case "boolean_operator":
      return {
        kind: "operator",
        operator: node.childForFieldName("operator")?.text ?? "",
        operands: [valueOf(node.childForFieldName("left")), valueOf(node.childForFieldName("right"))],
        text: node.text,
        ...span,
      };
    case "comparison_operator": {
      const operators = node.childrenForFieldName("operators").filter((c): c is Node => c !== null);
      const operands = node.namedChildren.filter((c): c is Node => c !== null && !operators.some((o) => o.id === c.id)).map(valueOf);
      return { kind: "operator", operator: operators.map((o) => o.text).join(" "), operands, text: node.text, ...span };
    }
    default:
      return { kind: "other", text: node.text, ...span };
  }
}

function callOf(node: Node): CodeCall {
  const fn = node.childForFieldName("function");
  let name = fn?.text ?? "";
  let receiver: CodeValue | null = null;
  if (fn?.type === "attribute") {
    name = fn.childForFieldName("attribute")?.text ?? "";
    receiver = valueOf(fn.childForFieldName("object"));
  }
  const args: CodeValue[] = [];
  const options: CodeOption[] = [];
  const argumentList = fn ? node.childForFieldName("arguments") : null;
  for (const arg of argumentList?.namedChildren ?? []) {
    if (!arg || arg.type === "comment") continue;
    if (arg.type === "keyword_argument") {
      options.push({ key: arg.childForFieldName("name")?.text ?? "", value: valueOf(arg.childForFieldName("value")) });
    } else {
      args.push(valueOf(arg));
    }
  }
  return { kind: "call", name, receiver, args, options, block: null, text: node.text, ...spanOf(node) };
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0", "\\": "\\", "'": "'", '"': '"', "\n": "" };

/** A literal's text with escapes decoded (unless raw); null for an f-string that interpolates. */
function stringContent(node: Node): string | null {
  const start = node.namedChildren.find((c) => c?.type === "string_start")?.text ?? "";
  const prefix = start.replace(/['"]+$/, "").toLowerCase();
  const raw = prefix.includes("r");
  let out = "";
  for (const child of node.namedChildren) {
    if (!child || child.type === "string_start" || child.type === "string_end") continue;
    if (child.type === "interpolation") return null;
    if (child.type !== "string_content") return null;
    out += raw ? child.text : decode(child);
  }
  return out;
}

function decode(content: Node): string {
  let out = "";
  let at = content.startIndex;
  for (const escape of content.namedChildren) {
    if (!escape) continue;
    out += content.text.slice(at - content.startIndex, escape.startIndex - content.startIndex);
    if (escape.type === "interpolation") out += escape.text;
    else {
      const body = escape.text.slice(1);
      out += body.startsWith("x") || body.startsWith("u") ? String.fromCodePoint(Number.parseInt(body.slice(1), 16)) : (ESCAPES[body] ?? escape.text);
    }
    at = escape.endIndex;
  }
  return out + content.text.slice(at - content.startIndex);
}
