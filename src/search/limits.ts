/** The limits of tools.md, in one place: what a search may read, and how much of an answer the model gets. */

/** Files larger than this are skipped by Grep (ripgrep's `--max-filesize 10M`). */
export const MAX_SEARCH_FILE_BYTES = 10 * 1024 * 1024;
/** Collecting stops past this much matched text, so memory stays bounded however many matches there are. */
export const MAX_COLLECTED_BYTES = 20 * 1024 * 1024;
/** Our own search stops a pattern that runs longer than this (a pathological regex). */
export const SCAN_TIME_LIMIT_MS = 20_000;
/** How many files our own walk lists at once, and how many worker threads our own search reads with. */
export const READ_CONCURRENCY = 32;
export const SCAN_WORKERS = 4;
/** Below this many files per worker, another worker costs more to start than it saves. */
export const FILES_PER_WORKER = 500;
/** How many files one ripgrep process is given at most, to stay well under the argument-list limit. */
export const RG_FILES_PER_CALL = 2_000;

/** Read: lines shown without `limit`, characters kept of one line, and the size of a whole answer. */
export const READ_DEFAULT_LINES = 2_000;
export const READ_MAX_LINE_CHARS = 2_000;
export const READ_MAX_ANSWER_BYTES = 100 * 1024;
/** Read: bytes looked at for a NUL to call a file binary. */
export const BINARY_SNIFF_BYTES = 8 * 1024;

/** Grep: rows shown by default, and the longest line shown as is. */
export const GREP_DEFAULT_HEAD_LIMIT = 250;
export const GREP_MAX_LINE_CHARS = 500;

/** Glob: paths shown at most. */
export const GLOB_MAX_PATHS = 100;
