/**
 * Go model structs, for names only (never column facts: a Go field's type is not the column's):
 * GORM structs map to their `TableName()` or GORM's plural snake_case table, fields to `gorm:"column:…"` or
 * snake_case; sqlx-style `db:"…"` tags name columns, with the table only where `TableName()` gives it
 * (sqlx has no table convention: otherwise the table is null). A `json:"…"` tag is not a column.
 */
import { withTree, type Node } from "../../parse/tree-sitter.js";
import type { FrameworkReader, ModelMapping } from "../reader.js";
import { gormSnake, gormTableName } from "./naming.js";
import { gormColumn, parseStructTag } from "./struct-tag.js";

export const goStructsReader: FrameworkReader = {
  async readMigrations() {
    return { migrations: [], unreadable: [] };
  },
  async readModels(paths, context): Promise<ModelMapping[]> {
    const out: ModelMapping[] = [];
    for (const path of paths.filter((p) => p.endsWith(".go"))) {
      const text = await context.readText(path);
      out.push(...(await withTree("go", text, (root) => readStructs(root, path))));
    }
    return out;
  },
};

function stringLiteral(node: Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === "interpreted_string_literal" || node.type === "raw_string_literal") return node.text.slice(1, -1);
  return null;
}

/** `func (User) TableName() string { return "app_users" }` → User → app_users. */
function tableNameMethods(root: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const method of root.descendantsOfType("method_declaration")) {
    if (method?.childForFieldName("name")?.text !== "TableName") continue;
    const receiver = method.childForFieldName("receiver")?.descendantsOfType("type_identifier")[0]?.text;
    const returned = method.childForFieldName("body")?.descendantsOfType("return_statement")[0]?.namedChildren[0]?.namedChildren[0];
    const name = stringLiteral(returned);
    if (receiver && name !== null) out.set(receiver, name);
  }
  return out;
}

function readStructs(root: Node, path: string): ModelMapping[] {
  const usesGorm = root.descendantsOfType("import_spec").some((spec) => spec?.childForFieldName("path")?.text.includes("gorm.io/gorm") || spec?.childForFieldName("path")?.text.includes("jinzhu/gorm"));
  const tables = tableNameMethods(root);
  const out: ModelMapping[] = [];
  for (const spec of root.descendantsOfType("type_spec")) {
    const name = spec?.childForFieldName("name")?.text;
    const struct = spec?.childForFieldName("type");
    if (!spec || !name || struct?.type !== "struct_type") continue;
    const fields: Record<string, string> = {};
    let tagged = false;
    let gorm = false;
    for (const field of struct.descendantsOfType("field_declaration")) {
      if (!field || field.parent?.parent?.id !== struct.id) continue;
      const tag = parseStructTag(stringLiteral(field.childForFieldName("tag")) ?? "");
      const names = field.childrenForFieldName("name").filter((n): n is Node => !!n).map((n) => n.text);
      const type = field.childForFieldName("type")?.text ?? "";
      if (names.length === 0) {
        // gorm.Model embeds ID, CreatedAt, UpdatedAt, DeletedAt.
        if (type === "gorm.Model") {
          gorm = true;
          for (const embedded of ["ID", "CreatedAt", "UpdatedAt", "DeletedAt"]) fields[embedded] = gormSnake(embedded);
        }
        continue;
      }
      const fromGorm = gormColumn(tag.get("gorm"));
      const fromDb = tag.get("db")?.split(",")[0];
      gorm ||= tag.has("gorm");
      tagged ||= tag.has("gorm") || tag.has("db");
      for (const fieldName of names) {
        if (fromGorm === "-" || fromDb === "-") continue;
        if (fromGorm) fields[fieldName] = fromGorm;
        else if (fromDb) fields[fieldName] = fromDb;
        else if (usesGorm && (gorm || tables.has(name))) fields[fieldName] = gormSnake(fieldName);
      }
    }
    const isGorm = usesGorm && (gorm || tables.has(name));
    const table = tables.get(name) ?? (isGorm ? gormTableName(name) : null);
    if (!tagged && !isGorm && !tables.has(name)) continue;
    out.push({ model: name, table, fields, source: { path, line: spec.startPosition.row + 1 } });
  }
  return out;
}
