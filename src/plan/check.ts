import { CitationResolver } from "./citations.js";
import { parsePlan, type HidingFence, type ParsedPlan, type ParsedSection } from "./parse.js";
import { headingOf, PLAN_SECTIONS, type SectionKey } from "./sections.js";
import type { PlanDocument } from "./types.js";

export interface PlanCheck {
  /** The JSON form, whenever all six sections are there (the first of each is used). */
  plan: PlanDocument | null;
  /** One sentence each, written for the model that must fix them; empty when the plan passes. */
  errors: string[];
}

/** The three checks of plan-format.md: sections, step numbering and rollback, citations. */
export async function checkPlan(markdown: string, root: string): Promise<PlanCheck> {
  const parsed = parsePlan(markdown);
  const resolver = new CitationResolver(root);
  const citationProblems = await Promise.all(
    parsed.citations.map(async (citation) => ({ citation, problem: await resolver.problem(citation) })),
  );
  const sectionProblems = sectionErrors(parsed.sections);
  // A code block that swallows headings explains missing sections; with none missing it is harmless.
  const fenceProblems = sectionProblems.length > 0 ? parsed.hidingFences.map(fenceError) : [];
  const errors = [
    ...fenceProblems,
    ...sectionProblems,
    ...stepErrors(parsed),
    ...citationProblems.flatMap(({ citation, problem }) => (citation.new || problem === null ? [] : [problem])),
  ];
  return { plan: toDocument(parsed, citationProblems), errors };
}

function fenceError({ start, end, hiddenHeading }: HidingFence): string {
  if (end === null) return `The code block opened at line ${start} is never closed, so everything after it reads as code.`;
  return `The code block from line ${start} to line ${end} hides the heading "${hiddenHeading}"; close the block where its code ends.`;
}

const quoted = (key: SectionKey) => `"## ${headingOf(key)}"`;

function sectionErrors(sections: ParsedSection[]): string[] {
  const errors: string[] = [];
  for (const { key } of PLAN_SECTIONS) {
    const found = sections.filter((section) => section.key === key);
    if (found.length === 0) errors.push(`Section ${quoted(key)} is missing.`);
    if (found.length > 1) errors.push(`Section ${quoted(key)} appears ${found.length} times; keep one.`);
    if (found[0] && found[0].body === "") errors.push(`Section ${quoted(key)} is empty.`);
  }
  const order = PLAN_SECTIONS.map((section) => section.key as SectionKey);
  let latest: SectionKey | null = null;
  const seen = new Set<SectionKey>();
  for (const { key } of sections) {
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    if (latest !== null && order.indexOf(key) < order.indexOf(latest)) {
      errors.push(`Section ${quoted(key)} must come before ${quoted(latest)}.`);
    } else {
      latest = key;
    }
  }
  return errors;
}

function stepErrors(parsed: ParsedPlan): string[] {
  const steps = parsed.sections.find((section) => section.key === "steps");
  const rollback = parsed.sections.find((section) => section.key === "rollback");
  if (!steps || steps.body === "") return [];
  if (parsed.steps.length === 0) return [`Section "## Steps" has no numbered steps; write them as "1. …", "2. …".`];
  const errors: string[] = [];
  const numbers = parsed.steps.map((step) => step.n);
  const repeated = [...new Set(numbers.filter((n, index) => numbers.indexOf(n) !== index))];
  for (const n of repeated) {
    errors.push(`Step ${n} is numbered more than once; number the steps uniquely across "## Steps".`);
  }
  if (!rollback || rollback.body === "") return errors;
  if (parsed.rollback.length === 0) {
    return [...errors, `Section "## Rollback" has no numbered items; number each item like the step it undoes ("${numbers[0]}. …").`];
  }
  const undone = new Set(parsed.rollback.map((item) => item.n));
  for (const n of new Set(numbers)) {
    if (!undone.has(n)) errors.push(`Step ${n} has no Rollback item numbered ${n}.`);
  }
  return errors;
}

function toDocument(
  parsed: ParsedPlan,
  checked: { citation: ParsedPlan["citations"][number]; problem: string | null }[],
): PlanDocument | null {
  const body = (key: SectionKey) => parsed.sections.find((section) => section.key === key)?.body;
  const [currentState, targetState, risks, validation] = (["currentState", "targetState", "risks", "validation"] as const).map(body);
  if (currentState === undefined || targetState === undefined || risks === undefined || validation === undefined) return null;
  if (body("steps") === undefined || body("rollback") === undefined) return null;
  return {
    title: parsed.title ?? "",
    sections: { currentState, targetState, steps: parsed.steps, rollback: parsed.rollback, risks, validation },
    citations: checked.map(({ citation, problem }) => ({
      path: citation.path,
      line: citation.line,
      endLine: citation.endLine,
      new: citation.new,
      exists: problem === null,
    })),
    extraSections: parsed.extraSections,
  };
}
