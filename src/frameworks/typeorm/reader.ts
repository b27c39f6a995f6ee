/**
 * TypeORM: migration classes (`up(queryRunner)`/`down`), in the order TypeORM runs them — by the timestamp
 * that ends the class name — inside one transaction unless the class sets `transaction = false`; and
 * entities as the snapshot and the name mappings. A data source that sets
 * `namingStrategy: new SnakeNamingStrategy()` (among the paths given) makes column names snake_case.
 */
import type { ColumnSpec, Migration, Operation } from "../../model/operations.js";
import { applyOperation } from "../../model/replay.js";
import { emptySchema, type Schema, type SqlDialect, type Unreadable } from "../../model/schema.js";
import { classFields } from "../../parse/js-decorators.js";
import { exportedFunction } from "../../parse/js-exports.js";
import { languageOfPath, withTree, type Node } from "../../parse/tree-sitter.js";
import { resolveSteps } from "../embedded-sql.js";
import type { FrameworkReader, MigrationsRead, ModelMapping, ReadContext } from "../reader.js";
import { readEntities, type EntityRead } from "./entities.js";
import { snakeCase, type Naming } from "./naming.js";
import { readQueryRunnerCalls } from "./migration.js";

export const typeormReader: FrameworkReader = {
  async readMigrations(paths, context): Promise<MigrationsRead> {
    const migrations: Migration[] = [];
    const unreadable: Unreadable[] = [];
    for (const path of paths) {
      try {
        const migration = await readMigration(path, context, unreadable);
        if (migration) migrations.push(migration);
        else unreadable.push({ path, message: "no migration class with an up(queryRunner) method" });
      } catch (error) {
        unreadable.push({ path, message: (error as Error).message });
      }
    }
    migrations.sort((a, b) => Number(a.version ?? 0) - Number(b.version ?? 0) || a.path.localeCompare(b.path));
    return { migrations, unreadable };
  },
  async readModels(paths, context): Promise<ModelMapping[]> {
    const { entities } = await readAll(paths, context);
    return entities.filter((e) => !e.embeddable).map((e) => ({ model: e.className, table: e.table, fields: e.fields, source: e.source }));
  },
  async readSnapshot(paths, context) {
    const { entities, unreadable, naming } = await readAll(paths, context);
    return { schema: entitiesAsSchema(entities, context.dialect, naming), unreadable };
  },
};

async function readMigration(path: string, context: ReadContext, unreadable: Unreadable[]): Promise<Migration | null> {
  const language = languageOfPath(path);
  if (!language) throw new Error("not a JavaScript or TypeScript file");
  const text = await context.readText(path);
  const conditions: string[] = [];
  const read = await withTree(language, text, (root) => {
    const up = exportedFunction(root, "up");
    if (!up) return null;
    const down = exportedFunction(root, "down");
    const klass = enclosingClass(up.node);
    const runner = (params: string[]) => params[0] ?? "queryRunner";
    return {
      up: readQueryRunnerCalls(up.body, runner(up.params), context.dialect, path, conditions),
      down: down ? readQueryRunnerCalls(down.body, runner(down.params), context.dialect, path, []) : null,
      optOut: klass ? transactionOptOut(klass, path) : null,
      version: klass ? timestampOf(klass.childForFieldName("name")?.text ?? "") : null,
    };
  });
  if (!read) return null;
  return {
    path,
    framework: "typeorm",
    version: read.version ?? timestampOf(path.slice(path.lastIndexOf("/") + 1).split("-")[0] ?? ""),
    transaction: read.optOut ? "none" : "wrapped",
    ...(read.optOut ? { optOut: read.optOut } : {}),
    ...(conditions.length ? { conditions } : {}),
    up: await resolveSteps(read.up, context.dialect, unreadable),
    down: read.down ? await resolveSteps(read.down, context.dialect, unreadable) : null,
  };
}

function enclosingClass(node: Node): Node | null {
  let current: Node | null = node.parent;
  while (current && current.type !== "class_declaration" && current.type !== "class") current = current.parent;
  return current;
}

/** `public transaction = false;` on the migration class. */
function transactionOptOut(klass: Node, path: string) {
  const field = classFields(klass).find((f) => f.childForFieldName("name")?.text === "transaction" && f.childForFieldName("value")?.type === "false");
  return field ? { path, line: field.startPosition.row + 1 } : null;
}

/** The digits that end `AddUsers1600000000000` (TypeORM orders migrations by them). */
function timestampOf(name: string): string | null {
  let end = name.length;
  while (end > 0 && name[end - 1]! >= "0" && name[end - 1]! <= "9") end -= 1;
  return end < name.length ? name.slice(end) : null;
}

async function readAll(paths: string[], context: ReadContext): Promise<{ entities: EntityRead[]; unreadable: Unreadable[]; naming: Naming }> {
  const unreadable: Unreadable[] = [];
  const trees: { path: string; text: string }[] = [];
  let snakeColumns = false;
  for (const path of paths) {
    if (!languageOfPath(path)) continue;
    try {
      const text = await context.readText(path);
      trees.push({ path, text });
      snakeColumns ||= await withTree(languageOfPath(path)!, text, usesSnakeNaming);
    } catch (error) {
      unreadable.push({ path, message: (error as Error).message });
    }
  }
  const entities: EntityRead[] = [];
  for (const { path, text } of trees) {
    entities.push(...(await withTree(languageOfPath(path)!, text, (root) => readEntities(root, path, context.dialect, { snakeColumns }))));
  }
  return { entities, unreadable, naming: { snakeColumns } };
}

function usesSnakeNaming(root: Node): boolean {
  return root.descendantsOfType("new_expression").some((node) => {
    const pair = node?.parent;
    return node?.childForFieldName("constructor")?.text === "SnakeNamingStrategy" && pair?.type === "pair" && pair.childForFieldName("key")?.text === "namingStrategy";
  });
}

/** Entities as a schema; a relation's column takes the type of the primary key it references. */
export function entitiesAsSchema(all: EntityRead[], dialect: SqlDialect | null, naming: Naming = { snakeColumns: false }): Schema {
  const schema = emptySchema(dialect);
  const byClass = new Map(all.map((e) => [e.className, e]));
  const entities = all.filter((e) => !e.embeddable);
  for (const entity of entities) {
    const columns: ColumnSpec[] = [...entity.columns];
    for (const embed of entity.embeds) {
      const embedded = byClass.get(embed.className);
      if (!embedded) continue;
      for (const column of embedded.columns) {
        // DefaultNamingStrategy: camelCase(prefix + "_" + name); SnakeNamingStrategy: snake_case of both.
        const name = naming.snakeColumns ? `${snakeCase(embed.prefix)}_${column.name}` : `${embed.prefix}${column.name[0]!.toUpperCase()}${column.name.slice(1)}`;
        columns.push({ ...column, name });
        const property = Object.entries(embedded.fields).find(([, c]) => c === column.name)?.[0] ?? column.name;
        entity.fields[`${embed.property}.${property}`] = name;
      }
    }
    const constraints = [...entity.constraints];
    for (const relation of entity.relations) {
      const target = byClass.get(relation.target);
      const refColumn = relation.refColumn ?? target?.columns.find((c) => c.primaryKey)?.name ?? null;
      const refSpec = target?.columns.find((c) => c.name === refColumn);
      const type = refSpec?.type === "serial" ? "integer" : (refSpec?.type ?? null);
      if (!columns.some((c) => c.name === relation.column)) columns.push({ name: relation.column, type, nullable: relation.nullable, source: relation.source });
      if (target) {
        constraints.push({ kind: "foreign_key", name: null, columns: [relation.column], refTable: target.table, refColumns: refColumn ? [refColumn] : [], onDelete: relation.onDelete, onUpdate: relation.onUpdate });
      }
    }
    const ops: Operation[] = [
      { kind: "create_table", table: entity.table, columns, constraints, source: entity.source, call: "@Entity" },
      ...entity.indexes.map((index): Operation => ({ kind: "create_index", index, concurrently: false, source: entity.source, call: "@Index" })),
    ];
    for (const op of ops) applyOperation(schema, op);
    const table = schema.tables.get(entity.table.toLowerCase());
    if (!table) continue;
    table.models.push({ name: entity.className, source: entity.source });
    for (const column of table.columns) column.codeNames = Object.entries(entity.fields).filter(([, c]) => c === column.name).map(([code]) => code);
  }
  return schema;
}
