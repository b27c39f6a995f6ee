import { open, stat } from "node:fs/promises";
import { UsageError } from "../errors.js";
import { PLAN_HEADING } from "../plan/sections.js";


/**
 * A file that starts with the plan heading (plan-format.md) may be replaced by a new plan. Refuses, before a run starts, a plan path that is a folder, or an existing file that is neither empty nor a
 * migration plan: `--out Gemfile` must never replace the Gemfile. `shown` is the path as the caller gave it.
 */
export async function checkPlanTarget(absolutePath: string, shown: string): Promise<void> {
  const info = await stat(absolutePath).catch(() => undefined);
  if (!info) return;
  if (info.isDirectory()) throw new UsageError(`The plan path ${shown} is a folder; give a file path with --out.`);
  if (!info.isFile()) throw new UsageError(`The plan path ${shown} is not a regular file; choose another --out.`);
  if (info.size === 0 || (await startsWith(absolutePath, PLAN_HEADING))) return;
  throw new UsageError(`The file ${shown} exists and is not a migration plan; choose another --out.`);
}

async function startsWith(path: string, prefix: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(Buffer.byteLength(prefix) + 3);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    // A byte-order mark is not part of the heading.
    return head.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "").startsWith(prefix);
  } finally {
    await handle.close();
  }
}
