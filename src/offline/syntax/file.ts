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

/**
 * The statements one per raw-SQL call: MySQL's drivers (mysql2, trilogy) refuse several statements in one call and
 * SQLite's run only the first. A comment-only item goes with the statement after it, since a call holding only a
 * comment is an empty query to MySQL.
 */
export function executableStatements(statements: string[]): string[] {
  const calls: string[] = [];
  let comments: string[] = [];
  for (const statement of statements) {
    if (statement.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"))) comments.push(statement);
    else {
      calls.push([...comments, statement].join("\n"));
      comments = [];
    }
  }
  if (comments.length && calls.length) calls[calls.length - 1] += "\n" + comments.join("\n");
  return calls;
}

/** The statements as one SQL script. */
export function sqlScript(statements: string[]): string {
  return statements.join("\n");
}

export const IRREVERSIBLE_SQL = "-- Irreversible: see the Rollback section of the plan for the way back.";
