/**
 * File-name globs as ripgrep's `--glob` reads them (gitignore style): a pattern without `/` matches the
 * file name at any depth, one with `/` matches the whole path from the folder searched; `*` and `?` stop
 * at `/`, `**` crosses folders, `{a,b}` and `[a-z]` work. Used by both search engines, so they agree.
 */
export type PathMatcher = (relativePath: string) => boolean;

export function compileGlob(pattern: string): PathMatcher {
  const regexes = expandBraces(pattern).map(compileOne);
  return (relativePath) => regexes.some(({ regex, byName }) => regex.test(byName ? baseName(relativePath) : relativePath));
}

/** Several globs: a path matches when any one does (a type's list of globs). */
export function compileGlobs(patterns: string[]): PathMatcher {
  const matchers = patterns.map(compileGlob);
  return (relativePath) => matchers.some((matches) => matches(relativePath));
}

/**
 * The same glob as a pattern on file names alone (a leading `**` folder part dropped: any depth), or
 * undefined when it needs the path. ripgrep gets such globs as a file type: unlike `--glob`, a type never
 * overrides .gitignore.
 */
export function nameOnlyGlob(pattern: string): string | undefined {
  let body = pattern;
  while (body.startsWith("**/")) body = body.slice(3);
  // ripgrep's `--type-add name:glob` cannot hold a colon in the glob.
  if (body === "" || body.includes("/") || body.includes(":") || body.startsWith("!")) return undefined;
  return body;
}

function compileOne(pattern: string): { regex: RegExp; byName: boolean } {
  let body = pattern.replace(/\/+$/, "");
  const anchored = body.startsWith("/");
  if (anchored) body = body.slice(1);
  // `**/name` is `name` at any depth: tested on the file name, it is the same answer without the backtracking.
  const name = nameOnlyGlob(body);
  if (!anchored && name !== undefined && name !== "**") body = name;
  const byName = !anchored && !body.includes("/");
  return { regex: new RegExp(`^${translate(body)}$`, "su"), byName };
}

function translate(glob: string): string {
  let out = "";
  let i = 0;
  while (i < glob.length) {
    const char = glob[i]!;
    if (char === "*" && glob[i + 1] === "*") {
      const atStart = i === 0 || glob[i - 1] === "/";
      const atEnd = i + 2 === glob.length || glob[i + 2] === "/";
      if (atStart && atEnd) {
        // `**/` is zero or more folders; a final `/**` is everything inside.
        if (i + 2 === glob.length) out += ".*";
        else out += "(?:.*/)?";
        i += 3;
        continue;
      }
      out += "[^/]*";
      i += 2;
    } else if (char === "*") {
      out += "[^/]*";
      i += 1;
    } else if (char === "?") {
      out += "[^/]";
      i += 1;
    } else if (char === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end === -1) {
        out += "\\[";
        i += 1;
        continue;
      }
      let inner = glob.slice(i + 1, end);
      const negated = inner.startsWith("!") || inner.startsWith("^");
      if (negated) inner = inner.slice(1);
      out += `[${negated ? "^/" : ""}${inner.replace(/[\\\]\[]/g, (c) => `\\${c}`)}]`;
      i = end + 1;
    } else if (char === "\\" && i + 1 < glob.length) {
      out += escapeRegex(glob[i + 1]!);
      i += 2;
    } else {
      out += escapeRegex(char);
      i += 1;
    }
  }
  return out;
}

/** `*.{ts,tsx}` → `*.ts`, `*.tsx`; nested braces expand too; an unclosed brace stays literal. */
export function expandBraces(pattern: string): string[] {
  const open = findBraceOpen(pattern);
  if (open === -1) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") {
      i += 1;
    } else if (char === "{") {
      depth += 1;
    } else if (char === "}") {
      depth -= 1;
      if (depth === 0) {
        const head = pattern.slice(0, open);
        const tail = pattern.slice(i + 1);
        const bounds = [open, ...commas, i];
        const options = bounds.slice(1).map((end, index) => pattern.slice(bounds[index]! + 1, end));
        return options.flatMap((option) => expandBraces(head + option + tail));
      }
    } else if (char === "," && depth === 1) {
      commas.push(i);
    }
  }
  return [pattern];
}

function findBraceOpen(pattern: string): number {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\") i += 1;
    else if (pattern[i] === "{") return i;
  }
  return -1;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&");
}
