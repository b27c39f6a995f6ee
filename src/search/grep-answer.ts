import { GREP_MAX_LINE_CHARS } from "./limits.js";
import { newestFirst } from "./newest-first.js";
import type { FileHits, SearchMode, SearchOutcome } from "./types.js";

export interface AnswerOptions {
  mode: SearchMode;
  lineNumbers: boolean;
  /** Whether context lines were asked for: groups are then set apart by `--`, as ripgrep does. */
  withContext: boolean;
  headLimit: number;
  offset: number;
}

/** Grep's answer in the shapes of tools.md, cut to `head_limit` rows from `offset`, with the notes. */
export async function grepAnswer(root: string, outcome: SearchOutcome, options: AnswerOptions): Promise<string> {
  const rows =
    options.mode === "files"
      ? await newestFirst(root, outcome.files.map((file) => file.path))
      : options.mode === "count"
        ? outcome.files.map((file) => `${file.path}:${file.count}`)
        : contentRows(outcome.files, options);
  const page = options.headLimit === 0 ? rows.slice(options.offset) : rows.slice(options.offset, options.offset + options.headLimit);
  const notes: string[] = [];
  const next = options.offset + page.length;
  if (next < rows.length) {
    notes.push(`(Showing rows ${options.offset + 1}-${next} of ${rows.length}. Call Grep with offset=${next} to see more.)`);
  } else if (rows.length > 0 && page.length === 0) {
    notes.push(`(offset ${options.offset} is past the end: there are ${rows.length} rows.)`);
  }
  if (outcome.truncated) {
    notes.push("(The search stopped after collecting 20 MB of matches, so this answer is partial; narrow the pattern or the path.)");
  }
  const parts: string[] = [];
  if (options.mode === "files") {
    parts.push(rows.length === 0 ? "No files found" : `Found ${rows.length} file${rows.length === 1 ? "" : "s"}`);
    parts.push(...page);
  } else if (rows.length === 0) {
    parts.push("No matches found");
  } else {
    parts.push(...page);
    if (options.mode === "count") {
      const total = outcome.files.reduce((sum, file) => sum + file.count, 0);
      const files = outcome.files.length;
      parts.push("", `Found ${total} total occurrence${total === 1 ? "" : "s"} across ${files} file${files === 1 ? "" : "s"}.`);
    }
  }
  if (notes.length > 0) parts.push("", ...notes);
  return parts.join("\n");
}

function contentRows(files: FileHits[], options: AnswerOptions): string[] {
  const rows: string[] = [];
  for (const file of files) {
    let previous: number | undefined;
    for (const hit of file.lines) {
      const gap = previous === undefined ? rows.length > 0 : hit.line > previous + 1;
      if (options.withContext && gap) rows.push("--");
      const mark = hit.match ? ":" : "-";
      const number = options.lineNumbers ? `${hit.line}${mark}` : "";
      rows.push(`${file.path}${mark}${number}${shownText(hit.text, hit.length)}`);
      previous = hit.line;
    }
  }
  return rows;
}

function shownText(text: string, length: number): string {
  if (length > GREP_MAX_LINE_CHARS) return `[line of ${length} characters omitted; Read the file to see it]`;
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}
