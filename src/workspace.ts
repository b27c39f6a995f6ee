import { createHash } from "node:crypto";
import { readFile, realpath, rm, stat } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { ToolFailure, UsageError } from "./errors.js";
import { compileGlobs, type PathMatcher } from "./search/glob.js";
import { checkAllowWriteGlobs } from "./workspace/allow-write-globs.js";
import { atomicWrite } from "./workspace/atomic-write.js";
import { checkPlanTarget } from "./workspace/plan-target.js";
import { ReadCoverage } from "./workspace/read-coverage.js";
import { existingRepoFolder } from "./workspace/repo-folder.js";
import { isWithin, OutsideRootError, resolveInside, toPosix, type ResolvedPath } from "./workspace/resolve.js";
import { isSecretPath } from "./workspace/secret-files.js";
import { suggestPath } from "./workspace/suggest.js";

export { isSecretPath } from "./workspace/secret-files.js";

export interface WorkspaceOptions {
  /** The plan file: absolute, or relative to the root. */
  planPath: string;
  /** More paths Write may create or replace (`--allow-write`), as globs relative to the root. */
  allowWrite?: string[];
}

/**
 * The path policy of tools.md, once for every tool: paths stay inside the repository (after symlinks),
 * secret files are invisible, and Write reaches only the plan file and the `--allow-write` globs.
 */
export class Workspace {
  readonly filesWritten: string[] = [];
  readonly filesCreated: string[] = [];
  /** The bytes each file held before this run first replaced it, by repo-relative path: restored on interrupt. */
  private readonly originals = new Map<string, Buffer>();
  private readonly reads = new Map<string, ReadCoverage>();
  /** The plan file, relative to the root (POSIX). */
  readonly planRelative: string;

  private constructor(
    readonly root: string,
    readonly planPath: string,
    private readonly aliases: readonly string[],
    private readonly allowWrite: PathMatcher | undefined,
  ) {
    this.planRelative = this.relative(planPath);
  }

  static async open(root: string, options: WorkspaceOptions): Promise<Workspace> {
    const given = await existingRepoFolder(root);
    const real = await realpath(given);
    if (options.planPath.includes("\0")) throw new UsageError("The plan path contains a NUL byte.");
    let plan: ResolvedPath;
    try {
      plan = await resolveInside(real, [given], options.planPath);
    } catch (error) {
      if (error instanceof OutsideRootError) throw new UsageError(`The plan file must be inside the repository: ${options.planPath}.`);
      throw error;
    }
    if (isSecretPath(plan.lexical) || isSecretPath(toPosix(plan.real.slice(real.length + 1)))) {
      throw new UsageError(`The plan file cannot be a secret file or inside .git: ${options.planPath}.`);
    }
    await checkPlanTarget(plan.real, options.planPath);
    const globs = (options.allowWrite ?? []).filter((glob) => glob.trim() !== "");
    checkAllowWriteGlobs(globs);
    return new Workspace(real, plan.real, [given], globs.length ? compileGlobs(globs) : undefined);
  }

  /** POSIX path relative to the root (also for a path spelled through the root as given, before realpath). */
  relative(absolutePath: string): string {
    for (const base of [this.root, ...this.aliases]) {
      if (isWithin(base, absolutePath)) return toPosix(relative(base, absolutePath));
    }
    return toPosix(relative(this.root, absolutePath));
  }

  isSecret(relativePath: string): boolean {
    return isSecretPath(relativePath);
  }

  /** The real absolute path of an existing file or folder inside the root that no rule hides. */
  async resolveForRead(path: string): Promise<string> {
    const target = await this.resolve(path);
    if (!target.exists) {
      const suggestion = await suggestPath(this.root, target.existingDir, target.missingName ?? "");
      throw new ToolFailure(`File does not exist: ${path}.${suggestion ? ` Did you mean ${suggestion}?` : ""}`);
    }
    return target.real;
  }

  /** The real absolute path Write may create or replace, or a ToolFailure saying why not. */
  async resolveForWrite(path: string): Promise<string> {
    const target = await this.resolve(path);
    const rel = this.relative(target.real);
    if (rel !== this.planRelative && !(this.allowWrite?.(rel) ?? false)) {
      throw new ToolFailure(
        `Refused: Write may only create the plan file (${this.planRelative}) or paths allowed by --allow-write: ${path}`,
      );
    }
    const info = await stat(target.real).catch(() => undefined);
    if (info?.isDirectory()) throw new ToolFailure(`Refused: the path is a folder, not a file: ${path}`);
    return target.real;
  }

  async writeFile(path: string, content: string, options: { requireRead?: boolean } = {}): Promise<{ path: string; created: boolean }> {
    const target = await this.resolveForWrite(path);
    const rel = this.relative(target);
    const before = await readFile(target).catch(() => undefined);
    const existed = before !== undefined;
    if (before !== undefined && options.requireRead) {
      const seen = this.reads.get(target);
      if (seen === undefined || (seen.fingerprint === digest(before) && !seen.isComplete())) {
        throw new ToolFailure(`Refused: read the whole of ${rel} with Read before replacing it.`);
      }
      if (seen.fingerprint !== digest(before)) {
        throw new ToolFailure(`Refused: ${rel} has changed since it was last read; Read it again before replacing it.`);
      }
    }
    if (before !== undefined && !this.filesCreated.includes(rel) && !this.originals.has(rel)) this.originals.set(rel, before);
    await atomicWrite(target, content);
    this.reads.set(target, ReadCoverage.whole(digest(Buffer.from(content, "utf8"))));
    if (!this.filesWritten.includes(rel)) this.filesWritten.push(rel);
    if (!existed && !this.filesCreated.includes(rel)) this.filesCreated.push(rel);
    return { path: rel, created: !existed };
  }

  /**
   * Read calls this with the lines it showed (`totalLines` once it reached the end): when the reads of one
   * unchanged version cover every line, replacing the file is allowed.
   */
  async recordRead(absolutePath: string, firstLine: number, lastLine: number, totalLines?: number): Promise<void> {
    const current = await fingerprint(absolutePath);
    let coverage = this.reads.get(absolutePath);
    if (coverage?.fingerprint !== current) {
      coverage = new ReadCoverage(current);
      this.reads.set(absolutePath, coverage);
    }
    coverage.add(firstLine, lastLine, totalLines);
  }

  /** Read showed a whole file. */
  async recordFullRead(absolutePath: string): Promise<void> {
    this.reads.set(absolutePath, ReadCoverage.whole(await fingerprint(absolutePath)));
  }

  /**
   * After an interrupt: files this run created are removed, files it replaced get their old bytes back
   * (atomically), so the repository is as it was before the run (cli.md).
   */
  async undoChanges(): Promise<void> {
    await Promise.all([
      ...this.filesCreated.map((file) => rm(join(this.root, file), { force: true })),
      ...[...this.originals].map(([file, bytes]) => atomicWrite(join(this.root, file), bytes)),
    ]);
  }

  private async resolve(path: string): Promise<ResolvedPath> {
    if (path.includes("\0")) throw new ToolFailure("Refused: the path contains a NUL byte.");
    if (path.trim() === "") throw new ToolFailure("Refused: the path is empty.");
    let target: ResolvedPath;
    try {
      target = await resolveInside(this.root, this.aliases, path);
    } catch (error) {
      if (error instanceof OutsideRootError) {
        const shown = isAbsolute(path) ? path : join(this.root, path);
        throw new ToolFailure(`Refused: path is outside the repository: ${shown}`);
      }
      throw error;
    }
    if (isSecretPath(target.lexical) || isSecretPath(this.relative(target.real))) {
      throw new ToolFailure(`Refused: secret files and .git/ are off limits: ${path}`);
    }
    return target;
  }
}

async function fingerprint(path: string): Promise<string> {
  return digest(await readFile(path).catch(() => Buffer.alloc(0)));
}

function digest(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}
