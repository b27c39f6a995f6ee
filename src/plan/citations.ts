import { readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, posix, relative } from "node:path";
import { scanMarkdown } from "./markdown.js";
import { isWithin, toPosix } from "../workspace/resolve.js";
import { isSecretPath } from "../workspace/secret-files.js";

/**
 * Citations (plan-format.md): a repo-relative path ending in a known source or config extension, with an
 * optional `:line` or `:line-line`. Commands, folders and `table.column` are not citations.
 */
export const CITATION_EXTENSIONS = [
  "rb", "rake", "erb", "gemspec", "py", "pyi", "ts", "tsx", "js", "jsx", "mjs", "cjs", "json", "sql", "prisma",
  "php", "ex", "exs", "eex", "go", "java", "kt", "kts", "cs", "rs", "xml", "yml", "yaml", "toml", "graphql",
  "html", "vue", "md", "sh",
] as const;

export interface FoundCitation {
  /** As written, line included: `db/schema.rb:14`. */
  written: string;
  /** Normalized: `./db/schema.rb` is `db/schema.rb`. */
  path: string;
  line: number | null;
  endLine: number | null;
  new: boolean;
}

const SEGMENT = "\\.?[\\w@+-][\\w@.+-]*"; // a leading dot: `.github/…`, `.rubocop.yml`
const CITATION = new RegExp(
  // Not the middle of a longer path, URL or identifier.
  "(?<![\\w./@+~$:\\\\-])" +
    `((?:\\.{1,2}/)*(?:${SEGMENT}/)*${SEGMENT}\\.(?:${CITATION_EXTENSIONS.join("|")}))` +
    // Followed by `(` it is a call in code (`pgm.sql(…)`), not a file.
    "(?![\\w/@+(-]|\\.\\w)" +
    "(?::(\\d+)(?:[-\u2013](\\d+))?)?(?!\\d)",
  "g",
);
const NEW_MARK = /`?[ \t]*\(new(?: file)?\)/iy;
/** `Node.js`, `Next.js`, `Vue.js` in prose are products, not files at the repo root. */
const PRODUCT_NAME = /^[A-Z][A-Za-z0-9]*\.(js|ts)$/;

/**
 * Code is not a claim about the repo: fenced blocks, and inline code spans holding a command or a statement
 * (`python manage.py migrate`), are blanked before citations are looked for. A span without spaces stays.
 */
function proseOnly(markdown: string): string {
  return scanMarkdown(markdown)
    .lines.map((line) => (line.inFence ? "" : line.text.replace(/`[^`]*`/g, (span) => (/\s/.test(span) ? " ".repeat(span.length) : span))))
    .join("\n");
}

export function findCitations(document: string): FoundCitation[] {
  const markdown = proseOnly(document);
  const found: Omit<FoundCitation, "new">[] = [];
  const newPaths = new Set<string>();
  for (const match of markdown.matchAll(CITATION)) {
    const [written, rawPath] = match as unknown as [string, string, string?, string?];
    const start = match.index!;
    const inBackticks = markdown[start - 1] === "`";
    if (!inBackticks && PRODUCT_NAME.test(rawPath) && match[2] === undefined) continue;
    const path = posix.normalize(rawPath);
    NEW_MARK.lastIndex = start + written.length;
    if (NEW_MARK.test(markdown)) newPaths.add(path);
    const line = match[2] === undefined ? null : Number(match[2]);
    const endLine = match[3] === undefined ? null : Number(match[3]);
    found.push({ written, path, line, endLine });
  }
  const unique = new Map<string, FoundCitation>();
  for (const citation of found) {
    const key = `${citation.path}:${citation.line}:${citation.endLine}`;
    if (!unique.has(key)) unique.set(key, { ...citation, new: newPaths.has(citation.path) });
  }
  return [...unique.values()];
}

type FileFacts = { lines: number } | { problem: string };

/**
 * Checks citations against one repository. A path resolves only to a file inside the root, symlinks
 * followed, that is not a secret file; files are read once per check.
 */
export class CitationResolver {
  private readonly files = new Map<string, Promise<FileFacts>>();
  private rootReal: Promise<string> | undefined;

  constructor(private readonly root: string) {}

  /** Null when the citation resolves, otherwise the sentence that says why not. */
  async problem(citation: Pick<FoundCitation, "written" | "path" | "line" | "endLine">): Promise<string | null> {
    let facts = this.files.get(citation.path);
    if (!facts) {
      facts = this.inspect(citation.path);
      this.files.set(citation.path, facts);
    }
    const result = await facts;
    const reason = "problem" in result ? result.problem : lineProblem(citation, result.lines);
    return reason === null ? null : `Citation \`${citation.written}\` does not resolve: ${reason}.`;
  }

  private async inspect(path: string): Promise<FileFacts> {
    if (isAbsolute(path) || path === ".." || path.startsWith("../")) {
      return { problem: "the path is outside the repository; cite paths relative to its root" };
    }
    if (isSecretPath(path)) return { problem: "it is a secret file, which this run may not read" };
    this.rootReal ??= realpath(this.root);
    const rootReal = await this.rootReal;
    let target: string;
    try {
      target = await realpath(join(rootReal, path));
    } catch {
      return { problem: `there is no file ${path} in the repository (mark a file the plan creates with (new))` };
    }
    if (target === rootReal || !isWithin(rootReal, target)) return { problem: "the path leads outside the repository" };
    if (isSecretPath(toPosix(relative(rootReal, target)))) {
      return { problem: "it is a secret file, which this run may not read" };
    }
    try {
      const info = await stat(target);
      if (info.isDirectory()) return { problem: `${path} is a folder, not a file` };
      if (!info.isFile()) return { problem: `${path} is not a regular file` };
      return { lines: countLines(await readFile(target)) };
    } catch {
      return { problem: `${path} cannot be read` };
    }
  }
}

function lineProblem(citation: Pick<FoundCitation, "path" | "line" | "endLine">, lines: number): string | null {
  const { path, line, endLine } = citation;
  if (line === null) return null;
  const length = `${path} has ${lines} ${lines === 1 ? "line" : "lines"}`;
  if (line < 1) return "line numbers start at 1";
  if (endLine !== null && endLine < line) return "the range ends before it starts";
  if ((endLine ?? line) > lines) return length;
  return null;
}

/** Lines as Read numbers them: a final newline ends the last line, it does not start another. */
function countLines(content: Buffer): number {
  if (content.length === 0) return 0;
  let newlines = 0;
  for (const byte of content) if (byte === 0x0a) newlines++;
  return content[content.length - 1] === 0x0a ? newlines : newlines + 1;
}
