/**
 * Names for a new migration, after the latest one, by the framework's convention: timestamps
 * (`20240310120000`, Laravel's `2024_03_10_120000`, TypeORM's milliseconds) or the next number
 * with the same width (`0004`, `V5`).
 */
import { posix } from "node:path";

/** `YYYYMMDDHHMMSS` in UTC. */
export function timestamp14(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

export function laravelStamp(date: Date): string {
  const t = timestamp14(date);
  return `${t.slice(0, 4)}_${t.slice(4, 6)}_${t.slice(6, 8)}_${t.slice(8)}`;
}

/** A timestamp for a new migration: now, or one second after the latest if the latest is in the future. */
export function stampAfter(latest: string | null, now: Date): string {
  const previous = latest ? /^(\d{14})/.exec(posix.basename(latest))?.[1] : undefined;
  const stamp = timestamp14(now);
  if (!previous || previous < stamp) return stamp;
  return String(Number(previous) + 1);
}

/**
 * The prefix of the next migration, following the latest's style: a 14-digit stamp, a 13-digit epoch,
 * Laravel's dated prefix, or a counter of the same width.
 */
export function nextPrefix(latest: string | null, now: Date, fallback: "stamp" | "counter" = "stamp"): string {
  const base = latest ? posix.basename(latest) : "";
  if (/^\d{4}_\d{2}_\d{2}_\d{6}/.test(base)) return laravelStamp(now);
  if (/^\d{14}/.test(base)) return stampAfter(latest, now);
  const epoch = /^(\d{13})/.exec(base)?.[1];
  if (epoch) return String(Math.max(now.getTime(), Number(epoch) + 1));
  const counter = /^[A-Za-z]?(\d{1,8})[_.-]/.exec(base)?.[1];
  if (counter) return String(Number(counter) + 1).padStart(counter.length, "0");
  return fallback === "stamp" ? timestamp14(now) : "0001";
}

/** A file-name slug for a task: `rename_users_email_to_email_address`. */
export function slugFor(words: string[]): string {
  return words.join("_").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 60) || "migration";
}
