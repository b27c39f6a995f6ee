/**
 * What a JavaScript/TypeScript module exports under a name, however it is written: `exports.up = …`,
 * `module.exports = { up }`, `module.exports = { async up() {} }`, `export async function up`,
 * `export const up = …`, `export default { up }`, or a class method `up(queryRunner)`. Migration runners
 * (Knex, Sequelize, node-pg-migrate, TypeORM) call these by name.
 */
import { jsValue, memberPath, parameterNames, propertyKey, type JsValue } from "./js-values.js";
import type { Node } from "./tree-sitter.js";

export interface FunctionFound {
  params: string[];
  body: Node;
  node: Node;
}

/** The function the module exports (or a class in it defines) as `name`; null when there is none. */
export function exportedFunction(root: Node, name: string): FunctionFound | null {
  const value = exportedValue(root, name);
  if (value?.kind === "function") return { params: value.params, body: value.body, node: value.node };
  if (value?.kind === "ref" && value.path.length === 1) return localFunction(root, value.path[0]!);
  return classMethod(root, name);
}

/** The value the module exports as `name`, as written (a function, an object, a reference to a local). */
export function exportedValue(root: Node, name: string): JsValue | null {
  for (const node of root.namedChildren) {
    if (!node) continue;
    const statement = node.type === "export_statement" ? (node.childForFieldName("declaration") ?? node) : node;
    // export default { up, down } / export { up }
    if (node.type === "export_statement" && statement === node) {
      const value = node.childForFieldName("value");
      if (value) {
        const found = member(jsValue(value), name);
        if (found) return found;
      }
      continue;
    }
    if (statement.type === "function_declaration" && statement.childForFieldName("name")?.text === name && node.type === "export_statement") {
      return functionValue(statement);
    }
    if (statement.type === "lexical_declaration" || statement.type === "variable_declaration") {
      if (node.type !== "export_statement") continue;
      for (const declarator of statement.namedChildren) {
        if (declarator?.type !== "variable_declarator" || declarator.childForFieldName("name")?.text !== name) continue;
        const value = declarator.childForFieldName("value");
        if (value) return jsValue(value);
      }
    }
    if (statement.type === "expression_statement") {
      const assignment = statement.namedChildren[0];
      if (assignment?.type !== "assignment_expression") continue;
      const left = memberPath(assignment.childForFieldName("left")!);
      const right = assignment.childForFieldName("right");
      if (!left || !right) continue;
      const target = left.join(".");
      if (target === `exports.${name}` || target === `module.exports.${name}`) return jsValue(right);
      if (target === "module.exports" || target === "exports") {
        const found = member(jsValue(right), name);
        if (found) return found;
      }
    }
  }
  return null;
}

function member(value: JsValue, name: string): JsValue | null {
  return value.kind === "object" ? (value.entries.get(name) ?? null) : null;
}

function functionValue(node: Node): JsValue | null {
  const body = node.childForFieldName("body");
  return body ? { kind: "function", params: parameterNames(node), body, node } : null;
}

/** A function declared at the top of the module (`async function up(knex) {}` or `const up = async () => {}`). */
export function localFunction(root: Node, name: string): FunctionFound | null {
  for (const node of root.namedChildren) {
    if (!node) continue;
    const statement = node.type === "export_statement" ? (node.childForFieldName("declaration") ?? node) : node;
    if (statement.type === "function_declaration" && statement.childForFieldName("name")?.text === name) {
      const body = statement.childForFieldName("body");
      if (body) return { params: parameterNames(statement), body, node: statement };
    }
    if (statement.type === "lexical_declaration" || statement.type === "variable_declaration") {
      for (const declarator of statement.namedChildren) {
        if (declarator?.type !== "variable_declarator" || declarator.childForFieldName("name")?.text !== name) continue;
        const value = declarator.childForFieldName("value");
        const found = value && jsValue(value);
        if (found?.kind === "function") return { params: found.params, body: found.body, node: found.node };
      }
    }
  }
  return null;
}

/** A method `name` of a class in the module (TypeORM's `up(queryRunner)`). */
function classMethod(root: Node, name: string): FunctionFound | null {
  for (const klass of root.descendantsOfType(["class_declaration", "class"])) {
    const body = klass?.childForFieldName("body");
    for (const method of body?.namedChildren ?? []) {
      if (method?.type !== "method_definition" || propertyKey(method.childForFieldName("name")) !== name) continue;
      const methodBody = method.childForFieldName("body");
      if (methodBody) return { params: parameterNames(method), body: methodBody, node: method };
    }
  }
  return null;
}
