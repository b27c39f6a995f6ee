/**
 * Liquibase changelogs (XML and YAML): each changeSet is a migration, in changelog order through `include`
 * and `includeAll`, wrapped in a transaction unless `runInTransaction="false"`. A changeSet or change whose
 * `dbms` excludes the repo's database is skipped, as Liquibase skips it; `dbms` lists and preconditions are
 * kept as the migration's conditions. `<rollback>` gives the way down.
 */
import type { Migration, Operation } from "../../model/operations.js";
import type { SqlDialect, Unreadable } from "../../model/schema.js";
import { resolveSteps, type Step } from "../embedded-sql.js";
import type { FrameworkReader, MigrationsRead, ReadContext } from "../reader.js";
import { readChange, type SqlFileStep } from "./changes.js";
import { parseXmlChangelog, parseYamlChangelog, type LbNode } from "./nodes.js";

const DBMS_NAMES: Record<SqlDialect, string[]> = { postgres: ["postgresql"], mysql: ["mysql", "mariadb"], sqlite: ["sqlite"] };

interface Walk {
  context: ReadContext;
  paths: string[];
  roots: string[];
  visited: Set<string>;
  migrations: Migration[];
  unreadable: Unreadable[];
}

export const liquibaseReader: FrameworkReader = {
  async readMigrations(paths, context): Promise<MigrationsRead> {
    const walk: Walk = { context, paths, roots: [], visited: new Set(), migrations: [], unreadable: [] };
    const parsed = new Map<string, LbNode>();
    for (const path of paths) {
      const root = await parse(path, walk);
      if (root) parsed.set(path, root);
    }
    const included = new Set<string>();
    for (const [path, root] of parsed) {
      for (const child of root.children) {
        if (child.name === "include" && child.attrs.file) for (const target of await resolveInclude(child.attrs.file, child.attrs.relativeToChangelogFile === "true", path, walk)) included.add(target);
        if (child.name === "includeAll" && child.attrs.path) for (const target of includeAll(child.attrs.path, child.attrs.relativeToChangelogFile === "true", path, walk)) included.add(target);
      }
    }
    const roots = paths.filter((p) => parsed.has(p) && !included.has(p));
    walk.roots = roots;
    for (const root of roots) await readChangelog(root, walk, parsed.get(root));
    return { migrations: walk.migrations, unreadable: walk.unreadable };
  },
};

async function parse(path: string, walk: Walk): Promise<LbNode | null> {
  try {
    const text = await walk.context.readText(path);
    const lower = path.toLowerCase();
    if (lower.endsWith(".xml")) return parseXmlChangelog(text);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return parseYamlChangelog(text);
    walk.unreadable.push({ path, message: "only XML and YAML changelogs are read here (SQL changelogs are the SQL reader's)" });
  } catch (error) {
    walk.unreadable.push({ path, message: (error as Error).message });
  }
  return null;
}

function dirname(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}

function join(dir: string, file: string): string {
  const parts = dir ? dir.split("/") : [];
  for (const part of file.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/** Candidates for an included file: the classpath root (`src/main/resources`), beside the root changelog, beside this one, the repo root. */
async function resolveInclude(file: string, relative: boolean, from: string, walk: Walk): Promise<string[]> {
  const clean = file.startsWith("classpath:") ? file.slice("classpath:".length) : file;
  const resources = from.includes("src/main/resources/") ? [join(from.slice(0, from.indexOf("src/main/resources/") + "src/main/resources".length), clean)] : [];
  const candidates = relative
    ? [join(dirname(from), clean)]
    : [...resources, ...walk.roots.map((r) => join(dirname(r), clean)), join(dirname(from), clean), join("", clean), ...walk.paths.filter((p) => p.endsWith(`/${clean}`))];
  for (const candidate of candidates) {
    try {
      await walk.context.readText(candidate);
      return [candidate];
    } catch {
      // try the next place Liquibase would look
    }
  }
  return [];
}

/** `includeAll`: the changelogs given to the reader under that folder, in file-name order (Liquibase's). */
function includeAll(dir: string, relative: boolean, from: string, walk: Walk): string[] {
  const bases = relative ? [join(dirname(from), dir)] : [join("", dir), ...walk.roots.map((r) => join(dirname(r), dir))];
  return walk.paths.filter((p) => bases.some((base) => p.startsWith(`${base}/`))).sort();
}

async function readChangelog(path: string, walk: Walk, parsed?: LbNode): Promise<void> {
  if (walk.visited.has(path)) return;
  walk.visited.add(path);
  const root = parsed ?? (await parse(path, walk));
  if (!root) return;
  for (const child of root.children) {
    if (child.name === "include" && child.attrs.file) {
      const [target] = await resolveInclude(child.attrs.file, child.attrs.relativeToChangelogFile === "true", path, walk);
      if (target) await readChangelog(target, walk);
      else walk.unreadable.push({ path, line: child.line, message: `included changelog ${child.attrs.file} was not found` });
    } else if (child.name === "includeAll" && child.attrs.path) {
      for (const target of includeAll(child.attrs.path, child.attrs.relativeToChangelogFile === "true", path, walk)) await readChangelog(target, walk);
    } else if (child.name === "changeSet") {
      const migration = await readChangeSet(child, path, walk);
      if (migration) walk.migrations.push(migration);
    }
  }
}

/** True when a `dbms` list lets the repo's database run it (unknown database: run, with the list kept as a condition). */
function dbmsAllows(dbms: string | undefined, dialect: SqlDialect | null): boolean {
  if (!dbms || !dialect) return true;
  const names = dbms.split(",").map((d) => d.trim().toLowerCase());
  const ours = DBMS_NAMES[dialect];
  if (names.some((n) => n.startsWith("!") && ours.includes(n.slice(1)))) return false;
  const positive = names.filter((n) => !n.startsWith("!"));
  return positive.length === 0 || positive.includes("all") || positive.some((n) => ours.includes(n));
}

function describe(node: LbNode): string {
  const attrs = Object.entries(node.attrs).map(([k, v]) => `${k}=${v}`).join(", ");
  const inner = node.children.map(describe).join(", ");
  return `${node.name}${attrs ? `(${attrs})` : ""}${inner ? ` [${inner}]` : ""}`;
}

async function readChangeSet(node: LbNode, path: string, walk: Walk): Promise<Migration | null> {
  const dialect = walk.context.dialect;
  if (!dbmsAllows(node.attrs.dbms, dialect)) return null;
  const conditions: string[] = [];
  if (node.attrs.dbms) conditions.push(`dbms: ${node.attrs.dbms}`);
  if (node.attrs.context || node.attrs.contextFilter) conditions.push(`context: ${node.attrs.context ?? node.attrs.contextFilter}`);
  const up: (Step | SqlFileStep)[] = [];
  let down: (Step | SqlFileStep)[] | null = null;
  for (const change of node.children) {
    if (change.name === "preConditions") conditions.push(`precondition: ${describe(change)}`);
    else if (change.name === "rollback") {
      down = change.text.trim() ? [{ kind: "sql", sql: change.text, at: { path, line: change.line }, call: "rollback" }] : [];
      for (const inner of change.children) down.push(...readChange(inner, dialect, path));
    } else if (change.name === "validCheckSum" || change.name === "comment") continue;
    else if (dbmsAllows(change.attrs.dbms, dialect)) {
      if (change.attrs.dbms) conditions.push(`${change.name} at line ${change.line}: dbms ${change.attrs.dbms}`);
      up.push(...readChange(change, dialect, path));
    }
  }
  const optOut = node.attrs.runInTransaction === "false";
  return {
    path,
    framework: "liquibase",
    version: `${node.attrs.id ?? ""}::${node.attrs.author ?? ""}`,
    transaction: optOut ? "none" : "wrapped",
    ...(optOut ? { optOut: { path, line: node.line } } : {}),
    ...(conditions.length ? { conditions } : {}),
    up: await finish(up, path, walk),
    down: down ? await finish(down, path, walk) : null,
  };
}

async function finish(steps: (Step | SqlFileStep)[], path: string, walk: Walk): Promise<Operation[]> {
  const flat: Step[] = [];
  for (const step of steps) {
    if (step.kind !== "sql-file") {
      flat.push(step);
      continue;
    }
    const file = step.relativeToChangelog ? join(dirname(path), step.file) : step.file;
    try {
      flat.push({ kind: "sql", sql: await walk.context.readText(file), at: { path: file, line: 1 }, call: "sqlFile" });
    } catch {
      walk.unreadable.push({ path, line: step.at.line, message: `sqlFile ${step.file} was not found` });
    }
  }
  return resolveSteps(flat, walk.context.dialect, walk.unreadable);
}
