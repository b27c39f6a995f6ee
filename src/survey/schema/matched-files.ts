/**
 * The files the column's search hit, read only when a line alone cannot be placed, and at most once;
 * with what the survey needs per file: its role and whether it declares models.
 */
import { areaOf, isTestPath } from "../areas.js";
import { READ_BATCH } from "../constants.js";
import type { RepoView } from "../repo-view.js";
import type { FrameworkInfo } from "../types.js";
import { fileContext, type FileContext, type Tables } from "./which-table.js";

export type Role = "migration" | "schema" | "test" | "code";

/** Text that marks a file as a model or entity declaration, wherever it lives. */
const MODEL_MARKER = /@Entity\b|@Table\(|models\.Model\b|ApplicationRecord|ActiveRecord::Base|use Ecto\.Schema|\bschema\s+"\w+"|extends Model\b|Model\.init\(|sequelize\.define\(|__tablename__|DeclarativeBase|declarative_base|(pg|mysql|sqlite)Table\(|@\w*Column\b|gorm\.Model|\x60db:"/;

export class MatchedFiles {
  private readonly migrations: Set<string>;
  private readonly migrationDirs: string[];
  private readonly schemaFiles: Set<string>;
  private readonly texts = new Map<string, Promise<string>>();
  private readonly contexts = new Map<string, FileContext>();
  private readonly models = new Map<string, boolean>();
  tables: Tables | null = null;

  constructor(private readonly repo: RepoView, frameworks: FrameworkInfo[]) {
    this.migrations = new Set(frameworks.flatMap((f) => f.migrations));
    this.migrationDirs = frameworks.flatMap((f) => f.migrationsDirs);
    this.schemaFiles = new Set(frameworks.flatMap((f) => f.schemaFiles));
  }

  roleOf(path: string): Role {
    if (this.migrations.has(path) || this.migrationDirs.some((d) => path.startsWith(d + "/"))) return "migration";
    if (this.schemaFiles.has(path)) return "schema";
    return isTestPath(path) ? "test" : "code";
  }

  text(path: string): Promise<string> {
    let text = this.texts.get(path);
    if (!text) {
      text = this.repo.read(path).then((t) => t ?? "");
      this.texts.set(path, text);
    }
    return text;
  }

  /** Reads these files, a bounded number at a time, so later reads are served from memory. */
  async prefetch(paths: string[]): Promise<void> {
    const todo = [...new Set(paths)].filter((p) => !this.texts.has(p));
    for (let start = 0; start < todo.length; start += READ_BATCH) {
      await Promise.all(todo.slice(start, start + READ_BATCH).map((p) => this.text(p)));
    }
  }

  async lines(path: string): Promise<string[]> {
    return (await this.context(path)).lines;
  }

  /** The file read and indexed for placing lines; needs `tables` set first for its whole-file verdicts. */
  async context(path: string): Promise<FileContext> {
    let context = this.contexts.get(path);
    if (!context) {
      const tables = this.tables ?? { target: { forms: [] }, others: { forms: [] }, looseOthers: { forms: [] }, columnNames: new Set<string>(), siblings: { target: new Set<string>(), other: new Set<string>() } };
      context = fileContext(path, await this.text(path), tables);
      if (this.tables) this.contexts.set(path, context);
    }
    return context;
  }

  /** Whether a line in this file can declare a column: migrations, schema snapshots and model files. */
  async declares(path: string): Promise<boolean> {
    const role = this.roleOf(path);
    if (role === "migration" || role === "schema") return true;
    if (role === "test") return false;
    let model = this.models.get(path);
    if (model === undefined) {
      model = areaOf(path, "") === "models" || MODEL_MARKER.test(await this.text(path));
      this.models.set(path, model);
    }
    return model;
  }
}
