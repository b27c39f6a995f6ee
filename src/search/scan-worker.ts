/**
 * The body of our own search's worker thread, as source text: a worker can be stopped mid-regex, the main
 * thread cannot. It is plain CommonJS, self-contained, so it runs the same from src (tests) and from dist.
 * workerData: { root, files, source, flags, multiline, mode, before, after, maxFileBytes, maxBytes,
 * maxLineChars }. It posts { files: FileHits[] (unsorted), truncated }.
 */
export const SCAN_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const w = workerData;
const lineRegex = new RegExp(w.source, w.flags);
const wholeRegex = new RegExp(w.source, w.flags + "gm");
const decoder = new TextDecoder("utf-8");
const results = [];
let bytes = 0;
let truncated = false;

function lineStarts(text) {
  const starts = [0];
  let at = text.indexOf("\n");
  while (at !== -1) { starts.push(at + 1); at = text.indexOf("\n", at + 1); }
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  return starts;
}
function lineOf(starts, offset) {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
  return lo;
}
function lineText(text, starts, index) {
  const start = starts[index];
  const next = index + 1 < starts.length ? starts[index + 1] - 1 : text.endsWith("\n") ? text.length - 1 : text.length;
  return text.slice(start, next);
}
// Returns the matching line indexes; in multiline mode found.regions counts the matches as ripgrep's
// --count does (a match spanning lines is one, matches sharing a line are one).
function matchingLines(text, starts) {
  const found = [];
  found.regions = 0;
  if (w.multiline) {
    wholeRegex.lastIndex = 0;
    let m;
    let last = -1;
    while ((m = wholeRegex.exec(text)) !== null) {
      const first = lineOf(starts, m.index);
      const end = m[0].length > 0 ? m.index + m[0].length - 1 : m.index;
      const final = lineOf(starts, Math.min(end, Math.max(text.length - 1, 0)));
      if (first > last) found.regions++;
      for (let i = Math.max(first, last + 1); i <= final; i++) found.push(i);
      last = Math.max(last, final);
      if (m[0].length === 0) wholeRegex.lastIndex++;
      if (w.mode === "files") break;
    }
    return found;
  }
  // The whole-text regex (flags m and s) matches wherever some line matches, so it jumps from candidate to
  // candidate; each candidate line is then checked on its own.
  let from = 0;
  while (from < text.length) {
    wholeRegex.lastIndex = from;
    const m = wholeRegex.exec(text);
    if (m === null) break;
    const index = lineOf(starts, m.index);
    if (lineRegex.test(lineText(text, starts, index))) {
      found.push(index);
      if (w.mode === "files") break;
    }
    if (index + 1 >= starts.length) break;
    from = starts[index + 1];
  }
  return found;
}
function keep(text) {
  return text.length > w.maxLineChars ? text.slice(0, w.maxLineChars) : text;
}
function rows(text, starts, found) {
  const out = [];
  const isMatch = new Set(found);
  let next = 0;
  for (const index of found) {
    if (bytes > w.maxBytes) { truncated = true; break; }
    const from = Math.max(index - w.before, next);
    const to = Math.min(index + w.after, starts.length - 1);
    for (let i = from; i <= to; i++) {
      const t = lineText(text, starts, i);
      out.push({ line: i + 1, text: keep(t), length: t.length, match: isMatch.has(i) });
      bytes += Math.min(t.length, w.maxLineChars) + 16;
    }
    next = Math.max(next, to + 1);
  }
  return out;
}
// Reads are synchronous: this thread does nothing else, and it saves the thread-pool round trips that
// dominate on many small files. Several workers share the files, which bounds the concurrency.
function searchFile(rel) {
  let fd;
  let buffer;
  try {
    fd = fs.openSync(path.join(w.root, rel), "r");
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > w.maxFileBytes) return;
    buffer = fs.readFileSync(fd);
  } catch {
    return;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (truncated || buffer.indexOf(0) !== -1) return;
  const text = decoder.decode(buffer);
  if (text.length === 0) return;
  // Most files hold no match: one pass of the whole-text regex settles them before any line is split.
  wholeRegex.lastIndex = 0;
  if (!wholeRegex.test(text)) return;
  const starts = lineStarts(text);
  const found = matchingLines(text, starts);
  if (found.length === 0) return;
  bytes += rel.length + 16;
  const count = w.multiline ? found.regions : found.length;
  results.push({ path: rel, count, lines: w.mode === "content" ? rows(text, starts, found) : [] });
  if (bytes > w.maxBytes) truncated = true;
}
try {
  for (const rel of w.files) {
    if (truncated) break;
    searchFile(rel);
  }
  parentPort.postMessage({ files: results, truncated });
} catch (error) {
  parentPort.postMessage({ error: String((error && error.message) || error) });
}
`;
