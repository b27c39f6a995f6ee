/** Limits and defaults of the survey, in one place. */

/** Files larger than this are not read by the survey (a dump, a bundle). */
export const MAX_READ_BYTES = 2 * 1024 * 1024;
/** The most search matches the survey collects for one column; past this it says it stopped. */
export const MAX_MATCHES = 50_000;
/** How far back (lines) the survey looks for the class, model or table a line belongs to. */
export const CONTEXT_LOOKBACK_LINES = 400;
/** Lines longer than this (minified code) are not read for the class or table they open. */
export const MAX_OPENER_LINE_CHARS = 1_000;
/** How much of a file is read to judge what the whole file is about. */
export const WHOLE_FILE_CHARS = 50_000;
/** The default size of the survey text sent to the model. */
export const DEFAULT_RENDER_CHARS = 12_000;
/** References shown per area in the model's text before "and N more". */
export const RENDER_REFS_PER_AREA = 12;
/** Files the survey reads while the column's search still runs, at most: the rest wait for its answer. */
export const MAX_EARLY_READS = 1_000;
/** Files the survey reads at once. */
export const READ_BATCH = 64;
/** How far below its opener a table block is read for the table's columns. */
export const MAX_TABLE_BLOCK_LINES = 200;
/** How far above a column's line a multi-line index call (`- addUniqueConstraint:`) may open. */
export const INDEX_OPENER_LOOKBACK_LINES = 3;
