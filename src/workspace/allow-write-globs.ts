import { UsageError } from "../errors.js";
import { isSecretPath } from "./secret-files.js";

const WILDCARD = /[*?[\]{}]/;

/**
 * Rejects at startup an `--allow-write` glob that is malformed (an unclosed `[` or `{`) or that can never
 * apply because every path it names is in `.git/` or secret: silently ignoring it would hide the mistake.
 */
export function checkAllowWriteGlobs(globs: readonly string[]): void {
  for (const glob of globs) {
    const unclosed = unclosedBracket(glob);
    if (unclosed) throw new UsageError(`The --allow-write glob "${glob}" is malformed: a "${unclosed}" is never closed.`);
    const parts = glob.replace(/^\/+|\/+$/g, "").split("/");
    const literalFolders = parts.slice(0, -1).filter((part) => !WILDCARD.test(part));
    const wholeLiteral = !WILDCARD.test(glob) && isSecretPath(parts.join("/"));
    if (wholeLiteral || literalFolders.some((part) => isSecretPath(`${part}/file`))) {
      throw new UsageError(`The --allow-write glob "${glob}" can never apply: .git/ and secret files are never written.`);
    }
  }
}

/** The first `[` or `{` left open, skipping escaped characters; a `[` needs one character before its `]`. */
function unclosedBracket(glob: string): string | undefined {
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === "\\") i += 1;
    else if (char === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end === -1) return "[";
      i = end;
    } else if (char === "{") braces += 1;
    else if (char === "}" && braces > 0) braces -= 1;
  }
  return braces > 0 ? "{" : undefined;
}
