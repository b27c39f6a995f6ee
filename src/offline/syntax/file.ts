import type { FrameworkInfo } from "../../survey/types.js";
import type { NewMigration } from "../naming.js";
import type { MigrationSpec } from "../step.js";

/** A file the plan shows in full: its path (new), the fence language, the content. */
export interface RenderedFile {
  path: string;
  lang: string;
  content: string;
}

/** Renders one migration in one framework's syntax; may return companion files (down, config). */
export type Renderer = (spec: MigrationSpec, names: NewMigration, framework: FrameworkInfo) => RenderedFile[];

export function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text.split("\n").map((line) => (line === "" ? line : pad + line)).join("\n");
}

/** The statements as one SQL script. */
export function sqlScript(statements: string[]): string {
  return statements.join("\n");
}

export const IRREVERSIBLE_SQL = "-- Irreversible: see the Rollback section of the plan for the way back.";
