/** The six sections every plan has, in the order plan-format.md prescribes. */
export const PLAN_SECTIONS = [
  { key: "currentState", heading: "Current State" },
  { key: "targetState", heading: "Target State" },
  { key: "steps", heading: "Steps" },
  { key: "rollback", heading: "Rollback" },
  { key: "risks", heading: "Risks" },
  { key: "validation", heading: "Validation" },
] as const;

export type SectionKey = (typeof PLAN_SECTIONS)[number]["key"];

/** The plan's title line starts with this; the JSON title is what follows it. */
export const TITLE_PREFIX = "Migration Plan:";
/** The first line of every plan. */
export const PLAN_HEADING = `# ${TITLE_PREFIX}`;

/** Which of the six a heading names, or null for an extra section. Numbers and letter case were already dropped. */
export function sectionKeyOf(name: string): SectionKey | null {
  const wanted = name.toLowerCase().replace(/\s+/g, " ");
  return PLAN_SECTIONS.find((section) => section.heading.toLowerCase() === wanted)?.key ?? null;
}

export function headingOf(key: SectionKey): string {
  return PLAN_SECTIONS.find((section) => section.key === key)!.heading;
}
