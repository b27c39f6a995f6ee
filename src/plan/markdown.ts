/**
 * The little Markdown the plan checks need: which lines are headings, and which lie inside fenced code
 * blocks (where a `#` comment or a `1.` is code, not structure).
 */
export interface MarkdownLine {
  text: string;
  /** Inside a fenced code block, or one of its fence lines. */
  inFence: boolean;
  /** Set for an ATX heading outside fences. */
  heading: { level: number; text: string } | null;
}

// Any indentation: fences nested in list items are indented as deep as the item's text.
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

/** A fenced code block by its 1-based fence lines; `end` is null for a fence never closed. */
export interface Fence {
  start: number;
  end: number | null;
}

export interface ScannedMarkdown {
  lines: MarkdownLine[];
  fences: Fence[];
}

export function scanMarkdown(markdown: string): ScannedMarkdown {
  const texts = markdown.replace(/^\uFEFF/, "").split(/\r?\n/);
  let fence: string | null = null;
  const fences: Fence[] = [];
  const lines = texts.map((text, index): MarkdownLine => {
    const fenceMatch = FENCE.exec(text);
    if (fence !== null) {
      const closes = fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length &&
        text.trim() === fenceMatch[1];
      if (closes) {
        fence = null;
        fences[fences.length - 1]!.end = index + 1;
      }
      return { text, inFence: true, heading: null };
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      fences.push({ start: index + 1, end: null });
      return { text, inFence: true, heading: null };
    }
    const headingMatch = HEADING.exec(text);
    if (!headingMatch) return { text, inFence: false, heading: null };
    // A closing run of #s is decoration, not part of the heading's text.
    const headingText = (headingMatch[2] ?? "").replace(/(?:^|[ \t]+)#+$/, "").trim();
    return { text, inFence: false, heading: { level: headingMatch[1]!.length, text: headingText } };
  });
  return { lines, fences };
}

/** Heading text without a leading number (`3. Steps`), emphasis (`**Steps**`) or a trailing colon. */
export function headingName(text: string): string {
  return text
    .replace(/^\d+(?:\.\d+)*[.)]?\s+/, "")
    .replace(/^(\*\*|__|\*|_)(.*)\1$/, "$2")
    .replace(/:$/, "")
    .trim();
}
