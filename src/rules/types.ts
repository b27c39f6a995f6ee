import type { DatabaseEngine, Operation } from "../survey/types.js";

/** Where a rule applies: an engine, optionally limited to versions (major numbers, `below` exclusive). */
export interface RuleScope {
  engine: DatabaseEngine | "all";
  from?: number;
  below?: number;
}

/** One row of the rule table (rules.md): a fact about locks and rewrites, kept in code rather than in a model's memory. */
export interface Rule {
  id: number;
  title: string;
  /** The task operations whose plan must take this rule into account. */
  operations: Operation[];
  databases: RuleScope[];
  /** Why it is dangerous, in plain words: the lock taken or the rewrite done. */
  why: string;
  /** The safe pattern. */
  safe: string;
  /** The names the leading linters give it. */
  knownAs: string;
  /** Rows marked "general knowledge" in rules.md deserve a check before one relies on them. */
  generalKnowledge?: boolean;
}
