import type { FrameworkId } from "../survey/types.js";

/** How each framework's ORM keeps a database column out of its queries before the column is dropped. */
export function ignoreColumnHint(id: FrameworkId | undefined, table: string, column: string): string {
  switch (id) {
    case "rails": return `add \`self.ignored_columns += ["${column}"]\` to the model, so Active Record stops selecting it`;
    case "django": return `remove the field from the model with a state-only migration (\`migrations.SeparateDatabaseAndState(state_operations=[migrations.RemoveField(...)])\`), so Django stops selecting it`;
    case "prisma": return `remove the field from \`model\` in the Prisma schema and create the migration with \`prisma migrate dev --create-only\`, then empty its SQL (the drop comes later)`;
    case "typeorm": return "remove the property from the entity, so TypeORM stops selecting it";
    case "sequelize": return "remove the attribute from the model definition, so Sequelize stops selecting it";
    case "alembic": return "remove the attribute from the SQLAlchemy model, so it stops selecting it";
    case "ecto": return "remove the `field` from the Ecto schema, so it stops selecting it";
    case "laravel": return "remove it from `$fillable`/`$casts` and from every query, so Eloquent no longer reads it";
    case "efcore": return "remove the property from the entity and the model snapshot, so EF Core stops selecting it";
    default: return `remove every read and write of \`${table}.${column}\` from queries (no \`SELECT *\` that code maps by position)`;
  }
}

/** How the ORM can give a database column another name in code, when it can: the rename without DDL. */
export function mappingHint(id: FrameworkId | undefined, column: string, newName: string): string | null {
  switch (id) {
    case "rails": return `\`alias_attribute :${newName}, :${column}\` in the model`;
    case "django": return `rename the field to \`${newName}\` with \`db_column="${column}"\``;
    case "prisma": return `rename the field to \`${camel(newName)}\` with \`@map("${column}")\``;
    case "drizzle": return `name the property \`${camel(newName)}\` and keep \`"${column}"\` as the column name`;
    case "typeorm": return `\`@Column({ name: "${column}" }) ${camel(newName)}\``;
    case "sequelize": return `an attribute \`${camel(newName)}\` with \`field: "${column}"\``;
    case "alembic": return `\`${newName} = Column("${column}", ...)\` in the SQLAlchemy model`;
    case "ecto": return `\`field :${newName}, :string, source: :${column}\``;
    case "efcore": return `\`.HasColumnName("${column}")\` on a property named after \`${newName}\``;
    default: return null;
  }
}

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** How each ORM can write a second column whenever the first is written, during an expand/contract. */
export function dualWriteHint(id: FrameworkId | undefined, from: string, to: string): string {
  switch (id) {
    case "rails": return `e.g. \`before_save { self.${to} = ${from} if will_save_change_to_${from}? }\` in the model`;
    case "django": return `e.g. set \`self.${to} = self.${from}\` in the model's \`save()\`, and in every \`update()\` call`;
    case "prisma": return `e.g. pass both fields in every \`create\`/\`update\` \`data\` (\`${camel(to)}: ${camel(from)}\`)`;
    case "typeorm": return `e.g. a \`@BeforeInsert()\`/\`@BeforeUpdate()\` hook on the entity that copies \`${camel(from)}\``;
    case "sequelize": return `e.g. a \`beforeSave\` hook on the model that copies \`${camel(from)}\``;
    case "laravel": return `e.g. a \`saving\` model event that sets \`${to}\` from \`${from}\``;
    case "ecto": return `e.g. \`put_change(changeset, :${to}, get_field(changeset, :${from}))\` in the changeset`;
    case "alembic": return `e.g. a SQLAlchemy \`before_insert\`/\`before_update\` event that copies \`${from}\``;
    default: return `in every INSERT and UPDATE that sets \`${from}\``;
  }
}
