import { describe, expect, it } from "vitest";
import { callChain, jsValue, type JsValue } from "../../src/parse/js-values.js";
import { constString, outermostCalls } from "../../src/parse/js-walk.js";
import { withTree } from "../../src/parse/tree-sitter.js";

const plain = (value: JsValue): unknown => {
  switch (value.kind) {
    case "object":
      return Object.fromEntries([...value.entries].map(([k, v]) => [k, plain(v)]));
    case "array":
      return value.items.map(plain);
    case "string":
    case "number":
    case "boolean":
      return value.value;
    case "ref":
      return `ref:${value.path.join(".")}`;
    case "call":
      return `call:${[...value.chain.root, ...value.chain.links.map((l) => l.name)].join(".")}`;
    default:
      return value.kind;
  }
};

describe("js values", () => {
  it("reads literals, objects, member paths, calls and computed keys without evaluating anything", async () => {
    const value = await withTree("typescript", "x = { a: 'q\\'s', b: -2, c: [true, null], d: Sequelize.DATE, e: Sequelize.STRING(100), [Op.ne]: 1, f: `t${y}` }", (root) =>
      plain(jsValue(root.descendantsOfType("object")[0]!)),
    );
    expect(value).toEqual({ a: "q's", b: -2, c: [true, "null"], d: "ref:Sequelize.DATE", e: "call:Sequelize.STRING", "[Op.ne]": 1, f: "unknown" });
  });

  it("reads a method chain across lines as one call, and finds only outermost calls (not those in comments)", async () => {
    const text = "// t.string('old').notNullable()\nt\n  .string('email', 255)\n  .notNullable()\n  .defaultTo(knex.fn.now());\nfoo(bar());";
    const found = await withTree("javascript", text, (root) => {
      const out: string[] = [];
      outermostCalls(root, (chain) => {
        out.push(`${chain.root.join(".")}|${chain.links.map((l) => `${l.name}(${l.args.length})`).join(".")}`);
        return true;
      });
      return out;
    });
    expect(found).toEqual(["t|string(2).notNullable(0).defaultTo(1)", "|foo(1)"]);
  });

  it("reads new expressions and tagged templates as calls", async () => {
    const chains = await withTree("typescript", "new TableColumn({ name: 'a' }); sql`now()`;", (root) =>
      root.descendantsOfType(["new_expression", "call_expression"]).map((n) => {
        const chain = callChain(n!)!;
        return [chain.isNew, chain.links[0]!.name, plain(chain.links[0]!.args[0]!)];
      }),
    );
    expect(chains).toEqual([[true, "TableColumn", { name: "a" }], [false, "sql", "now()"]]);
  });

  it("resolves a name bound to a const string in an enclosing block, and nothing else", async () => {
    const text = "async function up(q) {\n  const searchDocument = `CREATE INDEX x ON d (y)`;\n  let other = 'no';\n  q.query(searchDocument);\n  q.query(other);\n}";
    const resolved = await withTree("javascript", text, (root) =>
      root.descendantsOfType("call_expression").map((call) => constString(callChain(call!)!.links[0]!.args[0])),
    );
    expect(resolved).toEqual(["CREATE INDEX x ON d (y)", null]);
  });
});
