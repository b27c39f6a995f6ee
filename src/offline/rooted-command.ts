import { posix } from "node:path";
import type { FrameworkInfo } from "../survey/types.js";

const IN_DIR = /^cd (\S+) && (.*)$/s;
/** An interpreter running a script file: the one command shape whose file can be named from anywhere. */
const SCRIPT = /^((?:python3?|php|node|ruby|bash|sh)(?:\s+-\S+)*)\s+(\.?\/?[\w.@+/-]+\.(?:py|php|js|mjs|cjs|rb|sh))(?=\s|$)(.*)$/s;

/** The folder of the app the framework lives in, relative to the repo root ("" at the root): its commands start `cd <dir> && `. */
export function appDir(framework: FrameworkInfo | null): string {
  return (framework && IN_DIR.exec(framework.commands.run)?.[1]) || "";
}

/** A path inside the framework's app, written from the repo root, as the plan cites paths. */
export function fromRoot(framework: FrameworkInfo | null, path: string): string {
  const dir = appDir(framework);
  return dir ? posix.join(dir, path) : path;
}

/**
 * A command as the plan prints it. The plan cites files from the repo root, so `cd backend && python
 * manage.py migrate` would cite a `manage.py` the root does not have: a script run from its app folder is
 * written from the root instead (`python backend/manage.py migrate`), which runs the same script.
 */
export function rootedCommand(command: string): string {
  const inDir = IN_DIR.exec(command);
  if (!inDir) return command;
  const [, dir = "", rest = ""] = inDir;
  const script = SCRIPT.exec(rest);
  if (!script) return command;
  const [, interpreter = "", file = "", tail = ""] = script;
  return `${interpreter} ${posix.join(dir, file)}${tail}`;
}
