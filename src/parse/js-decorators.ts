/**
 * TypeScript decorators as name + arguments: `@Entity('users')`, `@Column({ nullable: true })`, `@PrimaryKey`.
 * A class's decorators may sit on the `export` statement around it (`@Entity() export class User`).
 */
import { callChain, calleePath, type JsValue } from "./js-values.js";
import type { Node } from "./tree-sitter.js";

export interface Decorator {
  name: string;
  args: JsValue[];
  node: Node;
}

export function decoratorsOf(node: Node): Decorator[] {
  const holders = [node];
  if (node.parent?.type === "export_statement") holders.unshift(node.parent);
  const out: Decorator[] = [];
  for (const holder of holders) {
    for (const child of holder.children) {
      if (child?.type !== "decorator") continue;
      const inner = child.namedChildren[0];
      if (!inner) continue;
      if (inner.type === "identifier" || inner.type === "member_expression") out.push({ name: inner.text.split(".").at(-1)!, args: [], node: child });
      else if (inner.type === "call_expression") {
        const chain = callChain(inner);
        if (chain) out.push({ name: calleePath(chain).at(-1)!, args: chain.links.at(-1)!.args, node: child });
      }
    }
  }
  return out;
}

/** The class a class extends, by its last name part (`Model` for `extends Model<A, B>`); null when none. */
export function superclassOf(klass: Node): string | null {
  const heritage = klass.namedChildren.find((c) => c?.type === "class_heritage");
  const clause = heritage?.namedChildren.find((c) => c?.type === "extends_clause") ?? heritage;
  const value = clause?.childForFieldName("value") ?? clause?.namedChildren[0];
  if (!value) return null;
  const base = value.type === "generic_type" || value.type === "call_expression" ? value.namedChildren[0] : value;
  return base?.text.split(".").at(-1) ?? null;
}

/** The class's own fields (`public_field_definition`), in order. */
export function classFields(klass: Node): Node[] {
  return (klass.childForFieldName("body")?.namedChildren ?? []).filter((m): m is Node => m?.type === "public_field_definition");
}
