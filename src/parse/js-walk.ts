/**
 * Walking JavaScript/TypeScript code for the calls a migration makes: each statement's outermost call chains
 * (`knex.schema.createTable(…).alterTable(…)` once, not each link), and the SQL a call is handed by name.
 */
import { asString, callChain, isWrapper, jsValue, type CallChain, type JsValue } from "./js-values.js";
import type { Node } from "./tree-sitter.js";

/** Every call chain in `root` that is not itself a link or argument-free part of a longer chain: each statement's outermost calls. */
export function outermostCalls(root: Node, visit: (chain: CallChain, node: Node) => boolean): void {
  const walk = (node: Node): void => {
    if (node.type === "comment") return;
    if ((node.type === "call_expression" || node.type === "new_expression") && !isChainInner(node)) {
      const chain = callChain(node);
      // `visit` returns true when it has read the call (and what is inside it).
      if (chain && visit(chain, node)) return;
    }
    for (const child of node.namedChildren) if (child) walk(child);
  };
  walk(root);
}

/** True when `node` is the object of a member expression that is itself called: `x()` in `x().y()`. */
function isChainInner(node: Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent && isWrapper(parent.type)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent || parent.type !== "member_expression" || parent.childForFieldName("object")?.id !== child.id) return false;
  const call = parent.parent;
  return !!call && (call.type === "call_expression" || call.type === "new_expression") && call.childForFieldName("function")?.id === parent.id;
}

/**
 * A string the code passes by name: `query(searchDocument)` where an enclosing block declares
 * `const searchDocument = \`…\``. Null when the name is not a `const` bound to a literal string there.
 */
export function constString(value: JsValue | undefined): string | null {
  if (!value) return null;
  if (value.kind === "string") return value.value;
  if (value.kind !== "ref" || value.path.length !== 1) return null;
  const name = value.path[0]!;
  for (let scope = value.node.parent; scope; scope = scope.parent) {
    for (const statement of scope.namedChildren) {
      if (statement?.type !== "lexical_declaration" || !statement.text.startsWith("const")) continue;
      for (const declarator of statement.namedChildren) {
        if (declarator?.type !== "variable_declarator" || declarator.childForFieldName("name")?.text !== name) continue;
        const bound = declarator.childForFieldName("value");
        return bound ? asString(jsValue(bound)) : null;
      }
    }
  }
  return null;
}

/**
 * The run-time conditions a statement in `body` runs under, as written: the `if` around it (`isSQLite`,
 * `!hasTable`), negated in an `else`, the `switch` case it is in, and the early returns before it
 * (`if (hasColumn) return;`).
 */
export function conditionsAround(node: Node, body: Node): string[] {
  const out: string[] = [];
  let child: Node = node;
  for (let parent = node.parent; parent && child.id !== body.id; child = parent, parent = parent.parent) {
    if (parent.type === "if_statement") {
      const condition = parent.childForFieldName("condition")?.text ?? "";
      if (parent.childForFieldName("consequence")?.id === child.id) out.unshift(condition);
      else if (parent.childForFieldName("alternative")?.id === child.id) out.unshift(`!${condition}`);
    } else if (parent.type === "switch_case" || parent.type === "switch_default") {
      const subject = parent.parent?.parent?.childForFieldName("value")?.text ?? "";
      const label = parent.type === "switch_case" ? (parent.childForFieldName("value")?.text ?? "") : "default";
      out.unshift(`switch ${subject} case ${label}`);
    } else if (parent.type === "ternary_expression") {
      const condition = parent.childForFieldName("condition")?.text ?? "";
      if (parent.childForFieldName("consequence")?.id === child.id) out.unshift(`(${condition})`);
      else if (parent.childForFieldName("alternative")?.id === child.id) out.unshift(`!(${condition})`);
    }
    if (parent.type === "statement_block" || parent.type === "program") {
      for (const sibling of parent.namedChildren) {
        if (!sibling || sibling.startIndex >= child.startIndex) break;
        if (sibling.type === "if_statement" && !sibling.childForFieldName("alternative") && returnsOnly(sibling.childForFieldName("consequence"))) {
          out.unshift(`!${sibling.childForFieldName("condition")?.text ?? ""}`);
        }
      }
    }
  }
  return out;
}

function returnsOnly(node: Node | null): boolean {
  if (!node) return false;
  if (node.type === "return_statement") return true;
  return node.type === "statement_block" && node.namedChildren.filter((c) => c?.type !== "comment").length === 1 && node.namedChildren.find((c) => c?.type !== "comment")?.type === "return_statement";
}

/** Adds `path:line runs only if …` to `out` when the call at `node` runs under conditions inside `body`. */
export function noteConditions(out: string[], node: Node, body: Node, path: string): void {
  const conditions = conditionsAround(node, body);
  if (conditions.length) out.push(`${path}:${node.startPosition.row + 1} runs only if ${conditions.join(" && ")}`);
}
