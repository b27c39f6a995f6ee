/**
 * The project state Django builds from its migrations (django.db.migrations.state): each model's table and
 * fields. Operations name models and fields, not tables and columns, so every translation reads this state,
 * and every operation updates it as Django does.
 */
import type { ColumnSpec } from "../../model/operations.js";
import type { SqlDialect, Unreadable } from "../../model/schema.js";
import type { CodeCall } from "../../parse/code-value.js";
import type { CustomFields } from "./custom-fields.js";

export interface Relation {
  /** `app_label.modelname`, lower-cased; null when the target is a setting (`settings.AUTH_USER_MODEL`). */
  to: string | null;
  toField: string | null;
  /** False with `db_constraint=False`: no foreign key in the database. */
  constraint: boolean;
  manyToMany: boolean;
  /** An explicit `through=` model: no table is created for the relation. */
  through: string | null;
}

export interface FieldState {
  name: string;
  /** The database column; null when the field has none (many-to-many, generic relations). */
  column: string | null;
  fieldClass: string;
  call: CodeCall;
  spec: ColumnSpec | null;
  relation: Relation | null;
  unique: boolean;
  dbIndex: boolean;
  primaryKey: boolean;
  /** The UNIQUE's name when Django named it (`…_uniq`, added by AlterField); else the database's own. */
  uniqueName?: string | null;
}

export interface ModelState {
  app: string;
  name: string;
  table: string;
  /** `db_table` was given: renaming the model keeps the table. */
  explicitTable: boolean;
  /** Unmanaged and proxy models have no table of their own. */
  hasTable: boolean;
  fields: FieldState[];
  uniqueTogether: string[][];
  indexTogether: string[][];
  /**
   * The names of `unique_together`/`index_together` constraints and indexes as made (`unique:a,b` → name):
   * Django removes them by their columns, and a later field or model rename does not rename them.
   */
  togetherNames: Map<string, string>;
}

export function togetherKey(kind: "unique" | "index", fields: string[]): string {
  return `${kind}:${fields.join(",")}`;
}

export interface DjangoContext {
  path: string;
  /** The migration's app label. */
  app: string;
  dialect: SqlDialect | null;
  unreadable: Unreadable[];
  state: ProjectState;
  customFields: CustomFields;
}

/** Models Django's contrib apps create, which a project's models reference without migrating them itself. */
const CONTRIB: Record<string, { table: string; pk: string }> = {
  "auth.user": { table: "auth_user", pk: "AutoField" },
  "auth.group": { table: "auth_group", pk: "AutoField" },
  "auth.permission": { table: "auth_permission", pk: "AutoField" },
  "contenttypes.contenttype": { table: "django_content_type", pk: "AutoField" },
  "sites.site": { table: "django_site", pk: "AutoField" },
  "admin.logentry": { table: "django_admin_log", pk: "AutoField" },
};

export class ProjectState {
  readonly models = new Map<string, ModelState>();

  static key(app: string, name: string): string {
    return `${app}.${name}`.toLowerCase();
  }

  get(app: string, name: string): ModelState | undefined {
    return this.models.get(ProjectState.key(app, name));
  }

  /** A model reference as written (`"dcim.Device"`, `"device"`, `"self"`) → its key. */
  static resolve(reference: string, app: string, self: string): string {
    if (reference === "self") return ProjectState.key(app, self);
    return reference.includes(".") ? reference.toLowerCase() : ProjectState.key(app, reference);
  }

  /** The table and primary key of a referenced model, from the state or Django's contrib apps. */
  target(key: string): { table: string; pkColumn: string; pkClass: string; pkType: string | null } | null {
    const model = this.models.get(key);
    if (model) {
      const pk = model.fields.find((f) => f.primaryKey);
      return pk?.column ? { table: model.table, pkColumn: pk.column, pkClass: pk.fieldClass, pkType: pk.spec?.type ?? null } : null;
    }
    const contrib = CONTRIB[key];
    return contrib ? { table: contrib.table, pkColumn: "id", pkClass: contrib.pk, pkType: null } : null;
  }

  clone(): ProjectState {
    const copy = new ProjectState();
    for (const [key, model] of this.models) {
      copy.models.set(key, {
        ...model,
        fields: model.fields.map((f) => ({ ...f })),
        uniqueTogether: [...model.uniqueTogether],
        indexTogether: [...model.indexTogether],
        togetherNames: new Map(model.togetherNames),
      });
    }
    return copy;
  }
}

export function fieldOf(model: ModelState, name: string): FieldState | undefined {
  const lower = name.toLowerCase();
  return model.fields.find((f) => f.name.toLowerCase() === lower);
}
