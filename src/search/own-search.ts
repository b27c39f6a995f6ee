import { Worker } from "node:worker_threads";
import { ToolFailure } from "../errors.js";
import { availableParallelism } from "node:os";
import { FILES_PER_WORKER, MAX_COLLECTED_BYTES, MAX_SEARCH_FILE_BYTES, SCAN_TIME_LIMIT_MS, SCAN_WORKERS } from "./limits.js";
import { compilePattern, translatePattern } from "./regex.js";
import { SCAN_WORKER_SOURCE } from "./scan-worker.js";
import { MAX_KEPT_LINE_CHARS, type ContentQuery, type FileHits, type SearchOutcome } from "./types.js";

/**
 * Our own content search over a given list of files, for when ripgrep is absent: the pattern is translated
 * (or refused) here, then run in worker threads (a few, sharing the files) that are stopped if they run past
 * the time limit or the run is cancelled.
 */
export async function ownSearch(root: string, files: string[], query: ContentQuery): Promise<SearchOutcome> {
  const pattern = translatePattern(query.pattern, query);
  // Compiled here first so that a bad pattern is a plain is_error, not a worker crash.
  compilePattern(pattern, "gms");
  if (files.length === 0) return { files: [], truncated: false };
  const limitMs = query.timeLimitMs ?? SCAN_TIME_LIMIT_MS;
  const count = Math.max(1, Math.min(SCAN_WORKERS, availableParallelism(), Math.ceil(files.length / FILES_PER_WORKER)));
  const shares = Array.from({ length: count }, (_, index) => files.filter((__, at) => at % count === index));
  const workers = shares.map(
    (share) =>
      new Worker(SCAN_WORKER_SOURCE, {
        eval: true,
        workerData: {
          root,
          files: share,
          source: pattern.source,
          flags: `su${pattern.ignoreCase ? "i" : ""}`,
          multiline: query.multiline ?? false,
          mode: query.mode,
          before: query.before ?? 0,
          after: query.after ?? 0,
          maxFileBytes: MAX_SEARCH_FILE_BYTES,
          maxBytes: MAX_COLLECTED_BYTES / count,
          maxLineChars: MAX_KEPT_LINE_CHARS,
        },
      }),
  );
  const stopAll = () => workers.forEach((worker) => void worker.terminate());
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ToolFailure(`The pattern ran longer than ${Math.round(limitMs / 1000)} seconds and was stopped; simplify it.`)),
      limitMs,
    );
    onAbort = () => reject(new ToolFailure("The search was cancelled."));
    if (query.signal?.aborted) onAbort();
    query.signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const outcomes = await Promise.race([Promise.all(workers.map(collect)), guard]);
    return { files: outcomes.flatMap((outcome) => outcome.files), truncated: outcomes.some((outcome) => outcome.truncated) };
  } finally {
    clearTimeout(timer);
    if (onAbort) query.signal?.removeEventListener("abort", onAbort);
    stopAll();
  }
}

function collect(worker: Worker): Promise<SearchOutcome> {
  return new Promise((resolve, reject) => {
    worker.once("message", (message: { files?: FileHits[]; truncated?: boolean; error?: string }) => {
      if (message.error !== undefined) reject(new ToolFailure(`The search failed: ${message.error}.`));
      else resolve({ files: message.files ?? [], truncated: message.truncated ?? false });
    });
    worker.once("error", (error) => reject(new ToolFailure(`The search failed: ${error.message}.`)));
  });
}
