/**
 * One `<app>/migrations/NNNN_name.py`: its `Migration` class's `dependencies`, `replaces`, `run_before`,
 * `atomic` and `operations`, still as code values (translation needs the project state, which depends on
 * the order the graph gives).
 */
import type { Source, Unreadable } from "../../model/schema.js";
import { dottedCalls, lastName, nameOf, type CodeStatement, type CodeValue } from "../../parse/code-value.js";
import { readPython } from "../../parse/python-code.js";

export type MigrationKey = [app: string, name: string];

export interface DjangoMigrationFile {
  path: string;
  app: string;
  name: string;
  /** The project folder the app sits in, where its own modules are found. */
  root: string;
  dependencies: MigrationKey[];
  replaces: MigrationKey[];
  runBefore: MigrationKey[];
  /** `atomic = False` and where it is set. */
  atomic: { value: boolean; source: Source | null };
  operations: CodeValue[];
  /** Dotted names called in the file (`utilities.fields.ColorField`), for the project's own field classes. */
  dotted: string[];
}

/** `core/migrations/0002_x.py` → app `core`, name `0002_x`, root `` (or the folder above the app). */
export function locate(path: string): { app: string; name: string; root: string } | null {
  const parts = path.split("/");
  const at = parts.lastIndexOf("migrations");
  if (at < 1 || at !== parts.length - 2) return null;
  return { app: parts[at - 1]!, name: parts[at + 1]!.replace(/\.py$/, ""), root: parts.slice(0, at - 1).join("/") };
}

function keys(value: CodeValue | undefined): MigrationKey[] {
  if (value?.kind !== "list") return [];
  return value.items.flatMap((item): MigrationKey[] => {
    if (item.kind !== "list" || item.items.length !== 2) return [];
    const [app, name] = item.items.map(nameOf);
    return app && name ? [[app, name]] : [];
  });
}

export async function readMigrationFile(path: string, text: string, unreadable: Unreadable[]): Promise<DjangoMigrationFile | null> {
  const place = locate(path);
  if (!place) {
    unreadable.push({ path, message: "not inside an app's migrations folder" });
    return null;
  }
  const statements = await readPython(text);
  const migration = statements.find(
    (s): s is Extract<CodeStatement, { kind: "class" }> => s.kind === "class" && s.name === "Migration" && s.bases.some((b) => lastName(b) === "Migration"),
  );
  if (!migration) {
    unreadable.push({ path, message: "no Migration class" });
    return null;
  }
  const file: DjangoMigrationFile = { path, ...place, dependencies: [], replaces: [], runBefore: [], atomic: { value: true, source: null }, operations: [], dotted: [] };
  for (const statement of migration.body) {
    if (statement.kind !== "assign") continue;
    if (statement.target === "dependencies") file.dependencies = keys(statement.value);
    if (statement.target === "replaces") file.replaces = keys(statement.value);
    if (statement.target === "run_before") file.runBefore = keys(statement.value);
    if (statement.target === "atomic" && statement.value.kind === "boolean") file.atomic = { value: statement.value.value, source: { path, line: statement.line } };
    if (statement.target === "operations") {
      if (statement.value.kind === "list") file.operations = statement.value.items;
      else unreadable.push({ path, line: statement.line, message: "operations built at run time" });
    }
  }
  // Django's own `models.X` and `migrations.X` are known; any other dotted call may be a project field class.
  file.dotted = [...dottedCalls(file.operations)].filter((name) => !name.startsWith("models.") && !name.startsWith("migrations."));
  return file;
}
