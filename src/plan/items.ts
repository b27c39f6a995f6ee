import type { PlanItem } from "./types.js";
import type { MarkdownLine } from "./markdown.js";

/**
 * The numbered items of the Steps or Rollback section. The number is the one written in the text, never a
 * renderer's renumbering. Items are list entries (`3.`, `3)`, `**3.**`), also under `###` sub-headings. A
 * section with no such entries is read more loosely, as models sometimes write it: lines that start with
 * "Step 3" (`- **Step 3:** …`), else numbered sub-headings (`### Step 3: …`, `### 3. …`).
 */
const LIST_ITEM = /^(\s*)(?:\*\*)?(\d{1,6})[.)](?:\*\*)?(?:[ \t]+(.*))?$/;
const STEP_LINE = /^(\s*)(?:[-*+][ \t]+)?(?:\*\*)?step[ \t]+(\d{1,6})(?:\*\*)?(?:[ \t]*[.):\-\u2013\u2014](?:\*\*)?)?(?:[ \t]+(.*))?$/i;
const HEADING_ITEM = /^(?:\*\*)?(?:step[ \t]+)?(\d{1,6})(?:\*\*)?(?:[ \t]*[.):\-\u2013\u2014][ \t]*|[ \t]*$)(.*)$/i;
/** Items indented at most this much deeper than the shallowest one are still top-level (sloppy spacing). */
const INDENT_SLACK = 1;

export function parseItems(lines: MarkdownLine[]): PlanItem[] {
  for (const pattern of [LIST_ITEM, STEP_LINE]) {
    const items = listItems(lines, pattern);
    if (items.length > 0) return items;
  }
  return headingItems(lines);
}

function listItems(lines: MarkdownLine[], pattern: RegExp): PlanItem[] {
  const candidates = lines.map((line) => (line.inFence || line.heading ? null : pattern.exec(line.text)));
  const indents = candidates.flatMap((match) => (match ? [match[1]!.length] : []));
  if (indents.length === 0) return [];
  const topIndent = Math.min(...indents) + INDENT_SLACK;

  const items: PlanItem[] = [];
  let current: { n: number; lines: string[] } | null = null;
  const close = () => {
    if (current) items.push({ n: current.n, text: joinItem(current.lines) });
    current = null;
  };
  lines.forEach((line, index) => {
    const match = candidates[index];
    if (match && match[1]!.length <= topIndent) {
      close();
      current = { n: Number(match[2]), lines: [match[3] ?? ""] };
    } else if (line.heading) {
      close();
    } else if (current) {
      current.lines.push(line.text);
    }
  });
  close();
  return items;
}

function headingItems(lines: MarkdownLine[]): PlanItem[] {
  const items: PlanItem[] = [];
  let current: { n: number; level: number; lines: string[] } | null = null;
  const close = () => {
    if (current) items.push({ n: current.n, text: joinItem(current.lines) });
    current = null;
  };
  for (const line of lines) {
    if (line.heading) {
      const match = HEADING_ITEM.exec(line.heading.text);
      if (match || (current && line.heading.level <= current.level)) close();
      if (match) {
        current = { n: Number(match[1]), level: line.heading.level, lines: [match[2]!.trim()] };
        continue;
      }
    }
    current?.lines.push(line.text);
  }
  close();
  return items;
}

/** The item's first line, then its continuation lines without their common indentation. */
function joinItem([first, ...rest]: string[]): string {
  const indents = rest.filter((line) => line.trim() !== "").map((line) => /^\s*/.exec(line)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return [first ?? "", ...rest.map((line) => line.slice(Math.min(cut, /^\s*/.exec(line)![0].length)))]
    .join("\n")
    .trim();
}
