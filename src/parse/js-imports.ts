/**
 * What a JavaScript/TypeScript module takes from other modules (`require`, `import`) and passes on
 * (`export * from`, `module.exports = { ...require('./x') }`), so a reader can follow a call into the
 * module that defines it.
 */
import { asString, callChain, jsValue } from "./js-values.js";
import type { Node } from "./tree-sitter.js";

/** A local name bound to another module: the whole module (`*`) or one of its exports. */
export interface Imported {
  specifier: string;
  name: string | "*";
}

export function importsOf(root: Node): Map<string, Imported> {
  const imports = new Map<string, Imported>();
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    if (statement.type === "import_statement") {
      const source = statement.childForFieldName("source");
      const specifier = source ? asString(jsValue(source)) : null;
      if (specifier === null) continue;
      for (const clause of statement.descendantsOfType(["namespace_import", "import_specifier", "import_clause"])) {
        if (!clause) continue;
        if (clause.type === "namespace_import") {
          const local = clause.namedChildren.find((c) => c?.type === "identifier");
          if (local) imports.set(local.text, { specifier, name: "*" });
        } else if (clause.type === "import_specifier") {
          const name = clause.childForFieldName("name")?.text;
          const alias = clause.childForFieldName("alias")?.text;
          if (name) imports.set(alias ?? name, { specifier, name });
        } else {
          const local = clause.namedChildren.find((c) => c?.type === "identifier");
          if (local) imports.set(local.text, { specifier, name: "default" });
        }
      }
      continue;
    }
    if (statement.type !== "lexical_declaration" && statement.type !== "variable_declaration") continue;
    for (const declarator of statement.namedChildren) {
      if (declarator?.type !== "variable_declarator") continue;
      const value = declarator.childForFieldName("value");
      const specifier = value ? requireOf(value) : null;
      const pattern = declarator.childForFieldName("name");
      if (specifier === null || !pattern) continue;
      if (pattern.type === "identifier") imports.set(pattern.text, { specifier, name: "*" });
      else if (pattern.type === "object_pattern") {
        for (const part of pattern.namedChildren) {
          if (part?.type === "shorthand_property_identifier_pattern") imports.set(part.text, { specifier, name: part.text });
          else if (part?.type === "pair_pattern") {
            const key = part.childForFieldName("key")?.text;
            const local = part.childForFieldName("value")?.text;
            if (key && local) imports.set(local, { specifier, name: key });
          }
        }
      }
    }
  }
  return imports;
}

/** The modules whose exports this one passes on: `export * from './x'`, `module.exports = { ...require('./x') }`. */
export function reexportsOf(root: Node): string[] {
  const out: string[] = [];
  for (const statement of root.namedChildren) {
    if (statement?.type === "export_statement") {
      const source = statement.childForFieldName("source");
      const specifier = source ? asString(jsValue(source)) : null;
      if (specifier !== null) out.push(specifier);
      continue;
    }
    if (statement?.type !== "expression_statement") continue;
    const assignment = statement.namedChildren[0];
    if (assignment?.type !== "assignment_expression" || assignment.childForFieldName("left")?.text !== "module.exports") continue;
    const right = assignment.childForFieldName("right")!;
    const whole = requireOf(right);
    if (whole !== null) out.push(whole);
    for (const spread of right.type === "object" ? right.namedChildren : []) {
      const inner = spread?.type === "spread_element" ? spread.namedChildren[0] : null;
      const specifier = inner ? requireOf(inner) : null;
      if (specifier !== null) out.push(specifier);
    }
  }
  return out;
}

/** `require('x')` → `x`. */
function requireOf(node: Node): string | null {
  const chain = callChain(node);
  if (!chain || chain.root.length > 0 || chain.links.length !== 1 || chain.links[0]!.name !== "require") return null;
  return asString(chain.links[0]!.args[0]);
}

/** The repo-relative files a relative specifier may name, in Node's and bundlers' order of trying. */
export function candidatePaths(fromFile: string, specifier: string): string[] {
  if (!specifier.startsWith(".")) return [];
  const parts = fromFile.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  const base = parts.join("/");
  const extensions = [".js", ".ts", ".cjs", ".mjs", ".tsx"];
  return [base, ...extensions.map((e) => base + e), ...extensions.map((e) => `${base}/index${e}`)];
}
