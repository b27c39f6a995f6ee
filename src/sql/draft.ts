/** An operation as a statement reader builds it, before the reader gives it the statement's source. */
import type { Operation } from "../model/operations.js";
import type { Source } from "../model/schema.js";

export type Draft = Operation extends infer O ? (O extends Operation ? Omit<O, "source"> : never) : never;

export function placed(drafts: Draft[], source: Source): Operation[] {
  return drafts.map((draft) => ({ ...draft, source }) as Operation);
}
