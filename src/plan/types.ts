/** The JSON form of a plan (plan-format.md, "JSON form"). */
export interface PlanDocument {
  title: string;
  sections: {
    currentState: string;
    targetState: string;
    steps: PlanItem[];
    rollback: PlanItem[];
    risks: string;
    validation: string;
  };
  citations: Citation[];
  extraSections: Record<string, string>;
}

export interface PlanItem {
  n: number;
  text: string;
}

export interface Citation {
  path: string;
  line: number | null;
  endLine: number | null;
  /** Marked `(new)` in the plan: a file the plan proposes to create. */
  new: boolean;
  /** For a non-new citation: the file exists and the line or range lies within it. */
  exists: boolean;
}
