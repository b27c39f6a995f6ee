import { findCitations, type FoundCitation } from "./citations.js";
import { parseItems } from "./items.js";
import { headingName, scanMarkdown, type Fence, type MarkdownLine } from "./markdown.js";
import { sectionKeyOf, TITLE_PREFIX, type SectionKey } from "./sections.js";
import type { PlanItem } from "./types.js";

export interface ParsedSection {
  /** The heading as written, without `##`, a leading number or emphasis: `Steps`, `Checklist`. */
  name: string;
  /** Which of the six sections it is, or null for an extra section. */
  key: SectionKey | null;
  /** The section's Markdown, trimmed; `###` sub-headings included. */
  body: string;
  /** 1-based line of the heading. */
  line: number;
  /** The numbered items, for a Steps or Rollback section; empty for the others. */
  items: PlanItem[];
}

/** Everything that can be read from a plan document, well-formed or not. */
export interface ParsedPlan {
  /** The first `#` heading, without `Migration Plan:`; null when there is none. */
  title: string | null;
  /** Every `##` section in document order, duplicates included. */
  sections: ParsedSection[];
  /** The items of the first Steps and Rollback sections, by their written numbers. */
  steps: PlanItem[];
  rollback: PlanItem[];
  /** Sections other than the six, by name; a name used twice has its bodies joined. */
  extraSections: Record<string, string>;
  citations: FoundCitation[];
  /** Code blocks that swallow structure: never closed, or holding a heading of the six (a fence closed too late). */
  hidingFences: HidingFence[];
}

export interface HidingFence extends Fence {
  /** The first of the six headings inside the block, as `## Steps`; null when there is none. */
  hiddenHeading: string | null;
}

/** Tolerant by design: any text parses, so the checks can say what is wrong rather than fail. */
export function parsePlan(markdown: string): ParsedPlan {
  const { lines, fences } = scanMarkdown(markdown);
  let title: string | null = null;
  const sections: ParsedSection[] = [];
  let open: { name: string; line: number; lines: MarkdownLine[] } | null = null;
  const close = () => {
    if (open) sections.push(toSection(open.name, open.line, open.lines));
    open = null;
  };
  lines.forEach((line, index) => {
    const level = line.heading?.level ?? 0;
    if (level === 1 || level === 2) close();
    if (level === 1 && title === null) title = titleOf(line.heading!.text);
    if (level === 2) open = { name: headingName(line.heading!.text), line: index + 1, lines: [] };
    else if (level !== 1) open?.lines.push(line);
  });
  close();
  const extraSections: Record<string, string> = {};
  for (const section of sections.filter((s) => s.key === null)) {
    const before = extraSections[section.name];
    extraSections[section.name] = before === undefined ? section.body : `${before}\n\n${section.body}`;
  }
  return {
    title,
    sections,
    steps: sections.find((s) => s.key === "steps")?.items ?? [],
    rollback: sections.find((s) => s.key === "rollback")?.items ?? [],
    extraSections,
    citations: findCitations(markdown),
    hidingFences: hidingFences(lines, fences),
  };
}

const HEADING_IN_CODE = /^ {0,3}##[ \t]+(.+)$/;

function hidingFences(lines: MarkdownLine[], fences: Fence[]): HidingFence[] {
  return fences.flatMap((fence) => {
    const inside = lines.slice(fence.start, (fence.end ?? lines.length + 1) - 1);
    const heading = inside
      .map((line) => HEADING_IN_CODE.exec(line.text)?.[1])
      .find((text) => text !== undefined && sectionKeyOf(headingName(text.replace(/[ \t]+#+$/, ""))) !== null);
    if (heading === undefined && fence.end !== null) return [];
    return [{ ...fence, hiddenHeading: heading === undefined ? null : `## ${headingName(heading)}` }];
  });
}

function toSection(name: string, line: number, lines: MarkdownLine[]): ParsedSection {
  const key = sectionKeyOf(name);
  const items = key === "steps" || key === "rollback" ? parseItems(lines) : [];
  return { name, key, body: lines.map((l) => l.text).join("\n").trim(), line, items };
}

function titleOf(heading: string): string {
  const text = heading.trim();
  return text.toLowerCase().startsWith(TITLE_PREFIX.toLowerCase()) ? text.slice(TITLE_PREFIX.length).trim() : text;
}
