/**
 * Framework code is read through tree-sitter grammars compiled to WASM (model.md, "How it is read"): a call
 * that spans lines is one node, and a comment or a string is never code. The runtime and each grammar load
 * lazily, once per process, and only for the languages a repo has.
 *
 * Grammars: @vscode/tree-sitter-wasm ships Ruby, Python, PHP, TypeScript/TSX, JavaScript, Go and Java built
 * for the web-tree-sitter runtime's ABI; tree-sitter-elixir ships its own WASM in its npm package.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Language as TsLanguage, Node, Parser as TsParser, Tree } from "web-tree-sitter";

export type Language = "ruby" | "python" | "php" | "elixir" | "typescript" | "tsx" | "javascript" | "go" | "java";
export type { Node, Tree };

const require = createRequire(import.meta.url);

function grammarFile(language: Language): string {
  if (language === "elixir") return join(dirname(require.resolve("tree-sitter-elixir/package.json")), "tree-sitter-elixir.wasm");
  return join(dirname(require.resolve("@vscode/tree-sitter-wasm/package.json")), "wasm", `tree-sitter-${language}.wasm`);
}

let runtime: Promise<typeof import("web-tree-sitter")> | undefined;
const languages = new Map<Language, Promise<TsLanguage>>();
const parsers = new Map<Language, TsParser>();

async function loadRuntime(): Promise<typeof import("web-tree-sitter")> {
  const module = await import("web-tree-sitter");
  await module.Parser.init();
  return module;
}

async function parserFor(language: Language): Promise<TsParser> {
  const cached = parsers.get(language);
  if (cached) return cached;
  const module = await (runtime ??= loadRuntime());
  let loading = languages.get(language);
  if (!loading) {
    loading = module.Language.load(grammarFile(language));
    languages.set(language, loading);
  }
  const grammar = await loading;
  // Another caller may have made it while this one waited for the grammar.
  const existing = parsers.get(language);
  if (existing) return existing;
  const parser = new module.Parser();
  parser.setLanguage(grammar);
  parsers.set(language, parser);
  return parser;
}

/**
 * Parses `text` and hands the tree to `read`; the tree lives in WASM memory, so it is freed when `read`
 * returns, and nothing `read` returns may hold a Node.
 */
export async function withTree<T>(language: Language, text: string, read: (root: Node) => T): Promise<T> {
  const parser = await parserFor(language);
  const tree = parser.parse(text);
  if (!tree) throw new Error(`The ${language} parser returned no tree.`);
  try {
    return read(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** The language of a source file by its name, or null when no grammar reads it. */
export function languageOfPath(path: string): Language | null {
  const extension = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  const byExtension: Record<string, Language> = {
    rb: "ruby", rake: "ruby", py: "python", php: "php", ex: "elixir", exs: "elixir",
    ts: "typescript", mts: "typescript", cts: "typescript", tsx: "tsx",
    js: "javascript", mjs: "javascript", cjs: "javascript", jsx: "javascript", go: "go", java: "java",
  };
  return byExtension[extension] ?? null;
}
