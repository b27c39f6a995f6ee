/** A cursor over one statement's tokens, for the few short statements read by their documented grammar. */
import type { Token } from "./split.js";

export class Tokens {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  word(): string | undefined {
    const token = this.tokens[this.i];
    if (token?.kind !== "word") return undefined;
    this.i += 1;
    return token.text.toUpperCase();
  }

  optional(...words: string[]): boolean {
    const token = this.tokens[this.i];
    if (token?.kind === "word" && words.includes(token.text.toUpperCase())) {
      this.i += 1;
      return true;
    }
    return false;
  }

  punct(text: string): boolean {
    if (this.tokens[this.i]?.kind === "punct" && this.tokens[this.i]!.text === text) {
      this.i += 1;
      return true;
    }
    return false;
  }

  /** A bare or quoted name, unquoted. */
  name(): string | undefined {
    const token = this.tokens[this.i];
    if (token?.kind !== "word" && token?.kind !== "name" && token?.kind !== "string") return undefined;
    this.i += 1;
    return token.kind === "word" ? token.text : unquote(token.text);
  }

  qualifiedName(): string | undefined {
    let name = this.name();
    while (name !== undefined && this.punct(".")) {
      const part = this.name();
      if (part === undefined) return undefined;
      name = `${name}.${part}`;
    }
    return name;
  }

  /** A PRAGMA value: a signed number, a name or a string. */
  value(): string {
    const sign = this.punct("-") ? "-" : this.punct("+") ? "+" : "";
    const token = this.tokens[this.i];
    if (!token) return sign;
    this.i += 1;
    return sign + (token.kind === "name" || token.kind === "string" ? unquote(token.text) : token.text);
  }

  done(): boolean {
    return this.i === this.tokens.length;
  }

  /** The tokens not yet read. */
  rest(): Token[] {
    return this.tokens.slice(this.i);
  }
}

function unquote(text: string): string {
  const open = text[0]!;
  const close = open === "[" ? "]" : open;
  return text.slice(1, -1).replaceAll(close + close, close);
}
