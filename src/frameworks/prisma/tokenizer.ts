/**
 * Tokens of the Prisma schema language (prisma-engines' `datamodel.pest`): names, strings, numbers,
 * punctuation and line ends, each with its line. Comments (`//`, `///`) are dropped here: they are never schema.
 */
export type TokenKind = "name" | "string" | "number" | "punct" | "newline" | "end";

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
}

const PUNCTUATION = new Set(["{", "}", "(", ")", "[", "]", ",", ":", "=", "?", "@", ".", "!"]);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const isNameStart = (ch: string) => (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || ch === "_";
  const isNamePart = (ch: string) => isNameStart(ch) || (ch >= "0" && ch <= "9") || ch === "-";
  const isDigit = (ch: string) => ch >= "0" && ch <= "9";
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "\n") {
      tokens.push({ kind: "newline", text: "\n", line });
      line += 1;
      i += 1;
    } else if (ch === " " || ch === "\t" || ch === "\r") {
      i += 1;
    } else if (ch === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") i += 1;
    } else if (ch === '"') {
      let text = "";
      i += 1;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === "\\" && i + 1 < source.length) {
          const next = source[i + 1]!;
          text += next === "n" ? "\n" : next === "t" ? "\t" : next;
          i += 2;
        } else {
          if (source[i] === "\n") line += 1;
          text += source[i];
          i += 1;
        }
      }
      tokens.push({ kind: "string", text, line });
      i += 1;
    } else if (isDigit(ch) || (ch === "-" && isDigit(source[i + 1] ?? ""))) {
      let end = i + 1;
      while (end < source.length && (isDigit(source[end]!) || source[end] === ".")) end += 1;
      tokens.push({ kind: "number", text: source.slice(i, end), line });
      i = end;
    } else if (isNameStart(ch)) {
      let end = i + 1;
      while (end < source.length && isNamePart(source[end]!)) end += 1;
      tokens.push({ kind: "name", text: source.slice(i, end), line });
      i = end;
    } else if (PUNCTUATION.has(ch)) {
      tokens.push({ kind: "punct", text: ch, line });
      i += 1;
    } else {
      throw new Error(`line ${line}: unexpected character ${JSON.stringify(ch)}`);
    }
  }
  tokens.push({ kind: "end", text: "", line });
  return tokens;
}
