/** Where a statement sits in its file: the text's own start (`at`) plus the lines before the statement. */
import type { Source } from "../model/schema.js";
import { lineAt } from "./split.js";

export function sourceOf(text: string, start: number, end: number, at: Source): Source {
  const line = at.line + lineAt(text, start) - 1;
  const endLine = at.line + lineAt(text, Math.max(start, end - 1)) - 1;
  return endLine > line ? { path: at.path, line, endLine } : { path: at.path, line };
}
