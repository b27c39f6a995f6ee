import { ToolFailure } from "../errors.js";
import { escapeRegex } from "./glob.js";

export interface PatternOptions {
  ignoreCase?: boolean;
  fixedStrings?: boolean;
  wordBoundary?: boolean;
  multiline?: boolean;
}

/** A ripgrep pattern as JavaScript runs it: the regex source and the flags to build it with. */
export interface JsPattern {
  source: string;
  ignoreCase: boolean;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};
/** Characters JavaScript's `u` flag lets one escape; ripgrep lets one escape any ASCII punctuation. */
const JS_ESCAPABLE = new Set("^$\\.*+?()[]{}|/".split(""));
/** ripgrep's Unicode word characters (its `\w`); JavaScript's `\w`, `\d` and `\b` are ASCII even with `u`. */
const WORD_BODY = "\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}";
const WORD_CHAR = `[${WORD_BODY}]`;
const UNICODE_ESCAPES: Record<string, string> = {
  w: WORD_CHAR,
  W: `[^${WORD_BODY}]`,
  d: "\\p{Nd}",
  D: "\\P{Nd}",
  b: `(?:(?<=${WORD_CHAR})(?!${WORD_CHAR})|(?<!${WORD_CHAR})(?=${WORD_CHAR}))`,
  B: `(?:(?<=${WORD_CHAR})(?=${WORD_CHAR})|(?<!${WORD_CHAR})(?!${WORD_CHAR}))`,
};

/**
 * Translates ripgrep's syntax where the two differ in spelling (`(?i)`, `(?P<n>`, `[[:alpha:]]`, `\pL`,
 * `\x{..}`, escaped punctuation) and refuses, naming it, what JavaScript would run differently.
 */
export function translatePattern(pattern: string, options: PatternOptions = {}): JsPattern {
  let ignoreCase = options.ignoreCase ?? false;
  let body = pattern;
  if (options.fixedStrings) {
    body = escapeRegex(pattern);
  } else {
    const leading = /^\(\?([ims]+)\)/.exec(body);
    if (leading) {
      if (leading[1]!.includes("i")) ignoreCase = true;
      body = body.slice(leading[0].length);
    }
    body = translateBody(body);
  }
  if (options.wordBoundary) body = `(?<!${WORD_CHAR})(?:${body})(?!${WORD_CHAR})`;
  return { source: body, ignoreCase };
}

/** Builds the RegExp, or a ToolFailure with JavaScript's reason. */
export function compilePattern(pattern: JsPattern, extraFlags: string): RegExp {
  try {
    return new RegExp(pattern.source, `${extraFlags}u${pattern.ignoreCase ? "i" : ""}`);
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
    throw new ToolFailure(`Invalid regular expression: ${reason}.`);
  }
}

function refuse(construct: string): never {
  throw new ToolFailure(
    `Our own search cannot run ${construct} the way ripgrep does; rewrite the pattern without it, or install ripgrep (rg).`,
  );
}

function translateBody(body: string): string {
  let out = "";
  let i = 0;
  while (i < body.length) {
    const char = body[i]!;
    if (char === "\\") {
      const [text, used] = translateEscape(body, i, false);
      out += text;
      i += used;
    } else if (char === "[") {
      const [text, used] = translateClass(body, i);
      out += text;
      i += used;
    } else if (char === "(" && body[i + 1] === "?") {
      const [text, used] = translateGroupOpen(body, i);
      out += text;
      i += used;
    } else if (char === "{") {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(body.slice(i));
      if (!quantifier) throw new ToolFailure("Invalid regular expression: a `{` that starts no repetition.");
      out += quantifier[0];
      i += quantifier[0].length;
    } else if (char === "}" || char === "]") {
      out += `\\${char}`;
      i += 1;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

function translateGroupOpen(body: string, at: number): [string, number] {
  const rest = body.slice(at);
  if (rest.startsWith("(?:")) return ["(?:", 3];
  if (/^\(\?(=|!|<=|<!)/.test(rest)) refuse("look-around");
  const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
  if (named) return [`(?<${named[1]}>`, named[0].length];
  const flags = /^\(\?[a-zA-Z-]*[:)]/.exec(rest);
  refuse(`the inline flag group ${flags ? flags[0] : "(?"}`);
}

function translateEscape(body: string, at: number, inClass: boolean): [string, number] {
  const next = body[at + 1];
  if (next === undefined) throw new ToolFailure("Invalid regular expression: the pattern ends with a lone backslash.");
  if (/[1-9]/.test(next)) refuse("a backreference");
  if ("AzZQEKGh<>".includes(next)) refuse(`\\${next}`);
  if (next === "x" && body[at + 2] === "{") {
    const close = body.indexOf("}", at + 3);
    if (close === -1) throw new ToolFailure("Invalid regular expression: an unclosed \\x{ escape.");
    return [`\\u{${body.slice(at + 3, close)}}`, close - at + 1];
  }
  if ((next === "p" || next === "P") && body[at + 2] !== "{") {
    const letter = body[at + 2];
    if (!letter) throw new ToolFailure("Invalid regular expression: an unfinished \\p escape.");
    return [`\\${next}{${letter}}`, 3];
  }
  if (next === "a") return ["\\x07", 2];
  if (inClass && next === "w") return [WORD_BODY, 2];
  if (inClass && next === "d") return ["\\p{Nd}", 2];
  if (inClass && next === "D") return ["\\P{Nd}", 2];
  if (inClass && next === "W") refuse("\\W inside a character class");
  if (!inClass && UNICODE_ESCAPES[next]) return [UNICODE_ESCAPES[next]!, 2];
  if (/[!-\/:-@\[-`{-~]/.test(next) && !JS_ESCAPABLE.has(next) && !(inClass && next === "-")) {
    return [escapeLiteral(next, inClass), 2];
  }
  return [`\\${next}`, 2];
}

function escapeLiteral(char: string, inClass: boolean): string {
  if (inClass) return char === "-" || char === "^" ? `\\${char}` : char;
  return char;
}

function translateClass(body: string, at: number): [string, number] {
  let out = "[";
  let i = at + 1;
  if (body[i] === "^") {
    out += "^";
    i += 1;
  }
  // A `]` first in a class is a literal in ripgrep, an empty class in JavaScript.
  if (body[i] === "]") {
    out += "\\]";
    i += 1;
  }
  while (i < body.length) {
    const char = body[i]!;
    if (char === "]") return [`${out}]`, i - at + 1];
    if (char === "[") {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(body.slice(i));
      if (!posix) refuse("a nested character class");
      const range = POSIX_CLASSES[posix[2]!];
      if (!range) throw new ToolFailure(`Invalid regular expression: unknown POSIX class [:${posix[2]}:].`);
      if (posix[1]) refuse(`the negated POSIX class [:^${posix[2]}:]`);
      out += range;
      i += posix[0].length;
    } else if ((char === "&" || char === "~" || char === "-") && body[i + 1] === char) {
      refuse(`the class operator ${char}${char}`);
    } else if (char === "\\") {
      const [text, used] = translateEscape(body, i, true);
      out += text;
      i += used;
    } else {
      out += char;
      i += 1;
    }
  }
  throw new ToolFailure("Invalid regular expression: an unclosed character class.");
}
