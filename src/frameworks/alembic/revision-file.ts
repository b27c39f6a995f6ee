/**
 * One Alembic revision file: `revision`, `down_revision` (one, a tuple for a merge, None for the first),
 * `depends_on`, and its `upgrade()`/`downgrade()` bodies, with the module's own names and helper functions.
 */
import { dottedCalls, type CodeStatement, type CodeValue } from "../../parse/code-value.js";
import { readPython } from "../../parse/python-code.js";

export interface RevisionFile {
  path: string;
  revision: string | null;
  parents: string[];
  upgrade: CodeStatement[] | null;
  downgrade: CodeStatement[] | null;
  locals: Map<string, CodeValue>;
  helpers: Map<string, CodeStatement[]>;
  /** The parameters of each helper, for reading a call to it with its arguments bound. */
  helperParams: Map<string, string[]>;
  /** Dotted names called in the file (`mealie.db.migration_types.GUID`), for the project's own types. */
  dotted: string[];
}

function revisions(value: CodeValue | undefined): string[] {
  if (!value) return [];
  if (value.kind === "string") return [value.value];
  if (value.kind === "list") return value.items.flatMap((i) => (i.kind === "string" ? [i.value] : []));
  return [];
}

export async function readRevisionFile(path: string, text: string): Promise<RevisionFile> {
  const statements = await readPython(text);
  const file: RevisionFile = { path, revision: null, parents: [], upgrade: null, downgrade: null, locals: new Map(), helpers: new Map(), helperParams: new Map(), dotted: [] };
  for (const statement of statements) {
    if (statement.kind === "assign") {
      if (statement.target === "revision") file.revision = statement.value.kind === "string" ? statement.value.value : null;
      else if (statement.target === "down_revision" || statement.target === "depends_on") file.parents.push(...revisions(statement.value));
      else file.locals.set(statement.target, statement.value);
    }
    if (statement.kind === "def") {
      if (statement.name === "upgrade") file.upgrade = statement.body;
      else if (statement.name === "downgrade") file.downgrade = statement.body;
      else {
        file.helpers.set(statement.name, statement.body);
        file.helperParams.set(statement.name, statement.params);
      }
    }
  }
  // A project type is a module path and a class: `mealie.db.migration_types.GUID`.
  file.dotted = [...dottedCalls([file.upgrade, file.downgrade, ...file.helpers.values()])].filter((name) => name.split(".").length > 2);
  return file;
}
