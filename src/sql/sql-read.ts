/** What reading SQL text gives: its operations, and the statements no parser could read. */
import type { Operation } from "../model/operations.js";
import type { Unreadable } from "../model/schema.js";

export interface SqlRead {
  operations: Operation[];
  /** Statements the dialect's parser refused, each also present as a `raw` operation. */
  unreadable: Unreadable[];
}
