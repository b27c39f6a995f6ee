/**
 * A recursive-descent parser for the Prisma schema language (the grammar of prisma-engines'
 * `datamodel.pest`): `model`/`view`/`type`/`enum` blocks with fields and `@`/`@@` attributes, and
 * `datasource`/`generator` blocks of `key = value`. A syntax error is thrown with its line.
 */
import type { Arg, Attribute, Block, Field, Value } from "./ast.js";
import { tokenize, type Token } from "./tokenizer.js";

const BLOCK_KINDS = new Set(["model", "view", "type", "enum", "datasource", "generator"]);

export function parsePrismaSchema(source: string): Block[] {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (offset = 0): Token => tokens[Math.min(at + offset, tokens.length - 1)]!;
  const next = (): Token => tokens[at++]!;
  const fail = (message: string): never => {
    throw new Error(`line ${peek().line}: ${message} (found ${JSON.stringify(peek().text)})`);
  };
  const expect = (text: string): Token => (peek().text === text ? next() : fail(`expected "${text}"`));
  const skipNewlines = () => {
    while (peek().kind === "newline") next();
  };
  const isPunct = (text: string, offset = 0) => peek(offset).kind === "punct" && peek(offset).text === text;

  const name = (): string => {
    let text = peek().kind === "name" ? next().text : fail("expected a name");
    while (isPunct(".") && peek(1).kind === "name") {
      next();
      text += `.${next().text}`;
    }
    return text;
  };

  const value = (): Value => {
    const token = peek();
    if (token.kind === "string") return next(), { kind: "string", value: token.text };
    if (token.kind === "number") return next(), { kind: "number", value: Number(token.text) };
    if (isPunct("[")) {
      next();
      const items: Value[] = [];
      while (!isPunct("]")) {
        skipNewlines();
        if (isPunct("]")) break;
        items.push(value());
        skipNewlines();
        if (isPunct(",")) next();
      }
      expect("]");
      return { kind: "array", items };
    }
    const id = name();
    if (id === "true" || id === "false") return { kind: "boolean", value: id === "true" };
    if (isPunct("(")) return { kind: "call", name: id, args: args() };
    return { kind: "name", name: id };
  };

  const args = (): Arg[] => {
    expect("(");
    const out: Arg[] = [];
    while (!isPunct(")")) {
      skipNewlines();
      if (isPunct(")")) break;
      if (peek().kind === "name" && peek(1).kind === "punct" && peek(1).text === ":") {
        const key = next().text;
        next();
        out.push({ name: key, value: value() });
      } else out.push({ name: null, value: value() });
      skipNewlines();
      if (isPunct(",")) next();
    }
    expect(")");
    return out;
  };

  const attribute = (): Attribute => {
    const line = peek().line;
    const id = name();
    return { name: id, args: isPunct("(") ? args() : [], line };
  };

  const block = (): Block => {
    const kindToken = next();
    const kind = kindToken.text as Block["kind"];
    const result: Block = { kind, name: name(), line: kindToken.line, fields: [], attributes: [], properties: [], values: [] };
    skipNewlines();
    expect("{");
    for (;;) {
      skipNewlines();
      if (isPunct("}")) break;
      if (peek().kind === "end") fail("unclosed block");
      const line = peek().line;
      if (isPunct("@") && isPunct("@", 1)) {
        next();
        next();
        result.attributes.push(attribute());
      } else if (kind === "datasource" || kind === "generator") {
        const key = name();
        expect("=");
        result.properties.push({ key, value: value(), line });
      } else if (kind === "enum") {
        const valueName = name();
        let mapped: string | null = null;
        while (isPunct("@")) {
          next();
          const attr = attribute();
          if (attr.name === "map" && attr.args[0]?.value.kind === "string") mapped = attr.args[0].value.value;
        }
        result.values.push({ name: valueName, mapped, line });
      } else {
        result.fields.push(field(line));
      }
      if (!isPunct("}") && peek().kind !== "newline") fail("expected the end of the line");
    }
    expect("}");
    return result;
  };

  const field = (line: number): Field => {
    const fieldName = name();
    const type = peek().text === "Unsupported" ? `Unsupported(${(next(), args()).map((a) => (a.value.kind === "string" ? a.value.value : "")).join("")})` : name();
    let list = false;
    let optional = false;
    if (isPunct("[")) {
      next();
      expect("]");
      list = true;
    }
    if (isPunct("?")) {
      next();
      optional = true;
    } else if (isPunct("!")) next();
    const attributes: Attribute[] = [];
    while (isPunct("@")) {
      next();
      attributes.push(attribute());
    }
    return { name: fieldName, type, optional, list, attributes, line };
  };

  const blocks: Block[] = [];
  for (;;) {
    skipNewlines();
    if (peek().kind === "end") break;
    if (peek().kind !== "name" || !BLOCK_KINDS.has(peek().text)) fail("expected model, enum, view, type, datasource or generator");
    blocks.push(block());
  }
  return blocks;
}
