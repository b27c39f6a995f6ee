/** What a content search finds, the same whichever engine ran it; tools and the survey format from this. */
export interface HitLine {
  line: number;
  /** The line without its line end, cut to MAX_KEPT_LINE_CHARS. */
  text: string;
  /** The line's full length in characters (longer than `text` when it was cut). */
  length: number;
  /** False for a context line. */
  match: boolean;
}

export interface FileHits {
  path: string;
  /** Matching lines in the file. */
  count: number;
  /** Matching and context lines in line order (content mode only). */
  lines: HitLine[];
}

export interface SearchOutcome {
  /** Sorted by path. */
  files: FileHits[];
  /** True when collecting stopped at the memory cap: the answer is partial. */
  truncated: boolean;
}

export type SearchMode = "files" | "count" | "content";

export interface ContentQuery {
  pattern: string;
  mode: SearchMode;
  ignoreCase?: boolean;
  fixedStrings?: boolean;
  wordBoundary?: boolean;
  multiline?: boolean;
  before?: number;
  after?: number;
  /** Repo-relative folder or file to search; "" for the root. */
  under?: string;
  /** Only files whose path matches one of these globs (Grep's `glob`). */
  globs?: string[];
  /** Only files whose name matches one of these globs (Grep's `type`). */
  typeGlobs?: readonly string[];
  /** Search exactly these repo-relative files instead of walking `under`. */
  files?: string[];
  signal?: AbortSignal;
  /**
   * Told each file with a match as ripgrep reports it, before sorting and the visibility rules, so a caller
   * can start on it while the search runs. Our own search answers all at once and does not call it.
   */
  onFile?: (path: string) => void;
  /** Our own search only: stop a pattern after this long. */
  timeLimitMs?: number;
}

/** Longer lines are kept cut to this many characters: no answer shows more of one line. */
export const MAX_KEPT_LINE_CHARS = 2_000;
