import type { Cite, DatabaseEngine, FrameworkId, FrameworkInfo } from "../types.js";
import type { RepoView } from "../repo-view.js";

/** What one framework module finds in a repo; the registry adds the latest migration and the new one's name. */
export interface Detection {
  evidence: Cite[];
  migrationsDirs: string[];
  schemaFiles: string[];
  /** Oldest to newest. */
  migrations: string[];
  /** The latest migration's own id where the file name does not hold it (Alembic's `revision = "…"`). */
  latestRevision?: string;
  safetyTools?: string[];
  /** Where the framework's config says which database it talks to. */
  database?: DatabaseClue[];
  /** Command overrides that depend on the repo (a config path, the latest Django migration). */
  commands?: Partial<FrameworkInfo["commands"]>;
  folderCommands?: FrameworkInfo["folderCommands"];
}

export interface DatabaseClue {
  engine: DatabaseEngine;
  version?: string | null;
  where: Cite;
}

export interface FrameworkModule {
  id: FrameworkId;
  name: string;
  detect(repo: RepoView): Promise<Detection | null>;
  /** How a new migration is named, and the path one for `slug` would get after `latest`. */
  newMigration(detection: Detection, slug: string, now: Date): { convention: string; example: string };
  commands: FrameworkInfo["commands"];
  transaction: FrameworkInfo["transaction"];
}
